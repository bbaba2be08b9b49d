package uk.cspr.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * What a coordinator records about a serious incident: the contract's start variables, checked
 * and in one shape. Child references are pseudonymous and never leave the case process.
 */
public record SeriousIncident(
    LocalDate incidentDate,
    LocalDate awareDate,
    IncidentType incidentType,
    boolean abuseOrNeglectSuspected,
    ChildStatus childStatus,
    int childAge,
    List<String> childReferences,
    List<String> agencies) {

  public enum IncidentType { DEATH, SERIOUS_HARM }

  public enum ChildStatus { NONE, CHILD_IN_NEED, CHILD_PROTECTION_PLAN, LOOKED_AFTER, CARE_LEAVER }

  /** Which bodies must be told, from domain.md's routes (Children Act 2004 s16C, Working Together 2023 ch. 5). */
  public NotificationRoute route() {
    boolean death = incidentType == IncidentType.DEATH;
    if (childStatus == ChildStatus.CARE_LEAVER && childAge >= 18) {
      // a care leaver's death at 18 to 24 goes to the Secretary of State and Ofsted, with no rapid review
      return death ? NotificationRoute.DFE_AND_OFSTED_ONLY : NotificationRoute.NOT_NOTIFIABLE;
    }
    if (abuseOrNeglectSuspected && childAge < 18) {
      return NotificationRoute.PANEL;
    }
    if (childStatus == ChildStatus.LOOKED_AFTER && death) {
      return NotificationRoute.DFE_AND_OFSTED_ONLY;
    }
    return NotificationRoute.NOT_NOTIFIABLE;
  }

  /** The death of a looked-after child is always notified to DfE and Ofsted, whatever else happens. */
  public boolean dfeAndOfstedNotificationRequired() {
    return route() == NotificationRoute.DFE_AND_OFSTED_ONLY
        || (route() == NotificationRoute.PANEL
            && childStatus == ChildStatus.LOOKED_AFTER && incidentType == IncidentType.DEATH);
  }
}
