package uk.cspr.cases;

import java.time.LocalDate;
import java.util.List;
import uk.cspr.notification.NotificationRoute;

/**
 * What a coordinator records about a serious incident: the contract's start variables, checked
 * and in one shape. Child references are pseudonymous and never leave the case process.
 */
public record SeriousIncident(
    LocalDate incidentDate,
    LocalDate awareDate,
    IncidentType incidentType,
    boolean abuseOrNeglectSuspected,
    List<Child> children,
    List<String> agencies,
    IncidentLocation incidentLocation,
    String otherLocalAuthority) {

  public enum IncidentType { DEATH, SERIOUS_HARM }

  public enum ChildStatus { NONE, CHILD_IN_NEED, CHILD_PROTECTION_PLAN, LOOKED_AFTER, CARE_LEAVER }

  /** Where it happened decides who notifies (Children Act 2004 s16C(1)). */
  public enum IncidentLocation {
    /** In the partnership's local authority's area: ours to notify. */
    IN_AREA,
    /** Outside England, to a child normally resident here: ours to notify. */
    OUTSIDE_ENGLAND_RESIDENT_HERE,
    /** In another English local authority's area: theirs to notify; we pass it on. */
    ANOTHER_AUTHORITY
  }

  /** One child the incident concerns: a pseudonymous reference, the age at the incident, the status then. */
  public record Child(String reference, int age, ChildStatus status) {}

  public List<String> childReferences() {
    return children.stream().map(Child::reference).toList();
  }

  /**
   * Who must be told, worked out for each child and combined (domain.md section 1, the contract's
   * route table): one child needing the Panel makes it a Panel notification, whatever the others.
   */
  public NotificationRoute route() {
    if (incidentLocation == IncidentLocation.ANOTHER_AUTHORITY) {
      return NotificationRoute.PASSED_TO_ANOTHER_AUTHORITY;
    }
    if (children.stream().anyMatch(this::needsThePanel)) {
      return NotificationRoute.PANEL;
    }
    if (dfeAndOfstedMustBeNotified()) {
      return NotificationRoute.DFE_AND_OFSTED_ONLY;
    }
    return NotificationRoute.NOT_NOTIFIABLE;
  }

  /** A child, under 18, whose abuse or neglect is known or suspected, died or was seriously harmed. */
  boolean needsThePanel(Child child) {
    return abuseOrNeglectSuspected && child.age() < 18;
  }

  /**
   * The death of a looked-after child, or of a care leaver (16 to 24), goes to the Secretary of
   * State and Ofsted, whatever else is notified: on the Panel route the one online notification
   * reaches them.
   */
  public boolean dfeAndOfstedMustBeNotified() {
    return incidentLocation != IncidentLocation.ANOTHER_AUTHORITY && incidentType == IncidentType.DEATH
        && children.stream().anyMatch(c -> c.status() == ChildStatus.LOOKED_AFTER || c.status() == ChildStatus.CARE_LEAVER);
  }
}
