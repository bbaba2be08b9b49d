package uk.cspr.identity;

import java.util.List;
import uk.cspr.agency.Agency;

/**
 * The people of the demo partnership: one per role, each with a password equal to the user id
 * (listed in the README). Only the {@code demo} profile creates them.
 */
final class DemoPeople {

  record Person(String id, String firstName, String lastName, String role, List<String> groups) {
    String email() {
      return id + "@example.org";
    }

    String password() {
      return id;
    }
  }

  static final List<Person> ALL = List.of(
      new Person("demo", "Demo", "Administrator", "administrator and coordinator",
          List.of(Groups.ADMINISTRATORS, Groups.COORDINATORS)),
      new Person("coordinator", "Priya", "Shah", "partnership business unit coordinator",
          List.of(Groups.COORDINATORS)),
      new Person("manager", "Tom", "Okafor", "partnership business manager",
          List.of(Groups.MANAGERS)),
      new Person("la-partner", "Helen", "Marsh", "director of children's services (local authority partner)",
          List.of(Groups.PARTNER_LOCAL_AUTHORITY)),
      new Person("icb-partner", "Samuel", "Adeyemi", "chief nurse (integrated care board partner)",
          List.of(Groups.PARTNER_ICB)),
      new Person("police-partner", "Claire", "Douglas", "detective superintendent (police partner)",
          List.of(Groups.PARTNER_POLICE)),
      agencyLead(Agency.CHILDRENS_SOCIAL_CARE, "csc-lead", "Aisha", "Rahman", "children's services safeguarding lead"),
      agencyLead(Agency.POLICE, "police-lead", "Mark", "Bennett", "public protection unit detective inspector"),
      agencyLead(Agency.HEALTH, "health-lead", "Grace", "Whitfield", "designated nurse for safeguarding children"),
      agencyLead(Agency.EDUCATION, "education-lead", "Daniel", "Price", "education safeguarding officer"),
      agencyLead(Agency.EARLY_YEARS, "early-years-lead", "Fatima", "Noor", "early years safeguarding adviser"),
      agencyLead(Agency.PROBATION, "probation-lead", "Gareth", "Lewis", "senior probation officer"),
      agencyLead(Agency.YOUTH_JUSTICE, "youth-justice-lead", "Kemi", "Adebayo", "youth justice service manager"),
      agencyLead(Agency.ADULT_SOCIAL_CARE, "adult-social-care-lead", "Laura", "Fenwick", "adult safeguarding lead"),
      agencyLead(Agency.HOUSING, "housing-lead", "Ryan", "Doyle", "housing safeguarding lead"));

  private static Person agencyLead(Agency agency, String id, String first, String last, String role) {
    return new Person(id, first, last, role, List.of(agency.groupId()));
  }

  private DemoPeople() {}
}
