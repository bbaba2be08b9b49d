package uk.cspr.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.agency.Agency;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.validation.FormSchema;

/**
 * The case's own part of its file: what the coordinator recorded (in the start form's words), the
 * children by reference, how the case left the partnership when it did (not notifiable, passed
 * on), and the rapid review's deadline, which the case holds until the rapid review stage does.
 */
class RecordedIncident implements CaseFileContribution {

  /** Recorded by the rapid review stage once it exists; until then no rapid review is met. */
  static final String RAPID_REVIEW_SUBMITTED_ON = "rapidReviewSubmittedOn";

  private final FormSchema startForm = FormSchema.shipped(CaseProcess.START_FORM);

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    if (history.caseInstance().isEmpty()) {
      return;
    }
    HistoricProcessInstance theCase = history.caseInstance().get();
    Map<String, Object> v = history.variables(theCase.getId());
    file.stageName(theCase.getId(), "Case");

    file.recordedDate(CaseProcess.INCIDENT_DATE.name(), "Date of the incident", CaseProcess.INCIDENT_DATE.from(v).orElse(null));
    file.recordedDate(CaseProcess.AWARE_DATE.name(), "The local authority became aware", CaseProcess.AWARE_DATE.from(v).orElse(null));
    option(file, v, CaseProcess.INCIDENT_TYPE.name(), "What happened");
    CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.from(v).ifPresent(suspected -> file.recorded(
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), "Abuse or neglect known or suspected", suspected, suspected ? "Yes" : "No"));
    option(file, v, CaseProcess.INCIDENT_LOCATION.name(), "Where it happened");
    CaseProcess.OTHER_LOCAL_AUTHORITY.from(v).ifPresent(other -> file.recorded(
        CaseProcess.OTHER_LOCAL_AUTHORITY.name(), "The local authority where it happened", other, other));
    List<String> agencies = CaseProcess.AGENCIES.from(v).orElse(List.of());
    if (!agencies.isEmpty()) {
      file.recorded(CaseProcess.AGENCIES.name(), "Agencies involved", agencies, agencies.stream()
          .map(id -> Agency.byId(id).map(Agency::displayName).orElse(id)).collect(Collectors.joining(", ")));
    }
    CaseProcess.NOTIFICATION_ROUTE.from(v).ifPresent(route -> file.recorded(
        CaseProcess.NOTIFICATION_ROUTE.name(), "Route", route, routeText(route)));
    CaseProcess.DFE_AND_OFSTED_MUST_BE_NOTIFIED.from(v).filter(Boolean::booleanValue).ifPresent(yes -> file.recorded(
        CaseProcess.DFE_AND_OFSTED_MUST_BE_NOTIFIED.name(), "DfE and Ofsted must be told", true,
        "Yes: a looked-after child or a care leaver died"));
    CaseProcess.RAPID_REVIEW_AT_RISK.from(v).filter(Boolean::booleanValue).ifPresent(yes -> file.recorded(
        CaseProcess.RAPID_REVIEW_AT_RISK.name(), "The rapid review cannot be met", true,
        "Recorded too late: the agencies' least time runs into the rapid review's own"));
    CaseProcess.DEADLINES_PROVISIONAL.from(v).filter(Boolean::booleanValue).ifPresent(yes -> file.recorded(
        CaseProcess.DEADLINES_PROVISIONAL.name(), "Deadlines provisional", true,
        "Yes: they rest on bank holidays not yet published"));
    CaseProcess.CHILDREN.from(v).ifPresent(children -> children.elements().forEach(child -> file.child(
        text(child, "reference"), child.hasProp("age") && child.prop("age").isNumber() ? child.prop("age").numberValue().intValue() : null,
        startForm.optionLabel("status", text(child, "status")))));

    // how the case left the partnership, when it did
    CaseProcess.PASSED_ON_TO.from(v).ifPresent(to -> file.recorded(CaseProcess.PASSED_ON_TO.name(), "Passed on to", to, to));
    file.recordedDate(CaseProcess.PASSED_ON_ON.name(), "Passed on on", CaseProcess.PASSED_ON_ON.from(v).orElse(null));
    CaseProcess.PASSED_ON_BY.from(v).ifPresent(by -> file.recorded(CaseProcess.PASSED_ON_BY.name(), "Passed on by", by, by));
    CaseProcess.NOT_NOTIFIABLE_REASON.from(v).ifPresent(reason -> file.recorded(
        CaseProcess.NOT_NOTIFIABLE_REASON.name(), "Why it is not notifiable", reason, reason));
    CaseProcess.NOT_NOTIFIABLE_DECIDED_BY.from(v).ifPresent(by -> file.recorded(
        CaseProcess.NOT_NOTIFIABLE_DECIDED_BY.name(), "Decided by", by, by));
    file.recordedDate(CaseProcess.NOT_NOTIFIABLE_DECIDED_ON.name(), "Decided on", CaseProcess.NOT_NOTIFIABLE_DECIDED_ON.from(v).orElse(null));
    file.recordedDate(CaseProcess.CASE_CLOSED_ON.name(), "Case closed on", CaseProcess.CASE_CLOSED_ON.from(v).orElse(null));

    deadlines(history, theCase, v, file);
  }

  private void deadlines(CaseHistory history, HistoricProcessInstance theCase, Map<String, Object> v, CaseFileDraft file) {
    String route = CaseProcess.NOTIFICATION_ROUTE.from(v).orElse("");
    LocalDate notificationDue = CaseProcess.NOTIFICATION_DUE.from(v).orElse(null);
    if (notificationDue != null && route.equals("NOT_NOTIFIABLE")) {
      file.deadline(CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION, "Record the decision not to notify", "Case",
          notificationDue, theCase.getId()).met(CaseProcess.NOT_NOTIFIABLE_DECIDED_ON.from(v).orElse(null));
    }
    if (notificationDue != null && route.equals("PASSED_TO_ANOTHER_AUTHORITY")) {
      file.deadline(CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY, "Pass the incident to the authority where it happened",
          "Case", notificationDue, theCase.getId()).met(CaseProcess.PASSED_ON_ON.from(v).orElse(null));
    }
    // the notification stage may set it (when counted from the notification): its value is given back to the case
    CaseProcess.RAPID_REVIEW_DUE.from(v).filter(due -> route.equals("PANEL")).ifPresent(due -> file.deadline(
        "rapidReview", "Complete the rapid review and send it to the Panel", "Rapid review", due, theCase.getId())
        .met(v.get(RAPID_REVIEW_SUBMITTED_ON) instanceof String on ? LocalDate.parse(on) : null));
  }

  private void option(CaseFileDraft file, Map<String, Object> v, String key, String label) {
    if (v.get(key) instanceof String value && !value.isBlank()) {
      file.recorded(key, label, value, startForm.optionLabel(key, value));
    }
  }

  private static String text(SpinJsonNode node, String property) {
    return node.hasProp(property) && node.prop(property).isString() ? node.prop(property).stringValue() : null;
  }

  static String routeText(String route) {
    return switch (route) {
      case "PANEL" -> "The Panel (and a rapid review)";
      case "DFE_AND_OFSTED_ONLY" -> "DfE and Ofsted only";
      case "NOT_NOTIFIABLE" -> "Not notifiable";
      case "PASSED_TO_ANOTHER_AUTHORITY" -> "Passed to the authority where it happened";
      default -> route;
    };
  }
}
