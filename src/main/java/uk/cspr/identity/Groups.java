package uk.cspr.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.cspr.agency.Agency;

/** The contract's groups: candidate groups in BPMN, filters and authorizations refer to these ids. */
public final class Groups {

  public static final String ADMINISTRATORS = "camunda-admin";
  public static final String COORDINATORS = "cspr-coordinators";
  public static final String MANAGERS = "cspr-managers";
  public static final String PARTNER_LOCAL_AUTHORITY = "partner-local-authority";
  public static final String PARTNER_ICB = "partner-icb";
  public static final String PARTNER_POLICE = "partner-police";

  /** Group id to its name as Camunda Admin shows it, in a stable order. */
  public static Map<String, String> all() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(ADMINISTRATORS, "Camunda administrators");
    groups.put(COORDINATORS, "Safeguarding partnership coordinators");
    groups.put(MANAGERS, "Safeguarding partnership managers");
    groups.put(PARTNER_LOCAL_AUTHORITY, "Safeguarding partner: local authority");
    groups.put(PARTNER_ICB, "Safeguarding partner: integrated care board");
    groups.put(PARTNER_POLICE, "Safeguarding partner: police");
    for (Agency agency : Agency.values()) {
      groups.put(agency.groupId(), "Agency: " + agency.displayName());
    }
    return groups;
  }

  public static List<String> partnerGroups() {
    return new ArrayList<>(Arrays.asList(PARTNER_LOCAL_AUTHORITY, PARTNER_ICB, PARTNER_POLICE));
  }

  private Groups() {}
}
