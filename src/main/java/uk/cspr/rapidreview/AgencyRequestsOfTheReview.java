package uk.cspr.rapidreview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.UkDates;

/**
 * Where each of the rapid review's requests to agencies stands, read from the engine's history of
 * the requests this stage called: what a coordinator otherwise keeps in a spreadsheet before the
 * meeting. Read, never written: each request is its own process, with its own reminders.
 */
final class AgencyRequestsOfTheReview {

  /** One request, as the meeting sees it. */
  record Request(String processInstanceId, String agencyId, String agencyName, LocalDate responseDue,
      LocalDate answeredOn, boolean open) {

    boolean answered() {
      return answeredOn != null;
    }

    /** Ended without an answer: the coordinators withdrew it. */
    boolean withdrawn() {
      return !open && answeredOn == null;
    }

    String inWords(LocalDate today) {
      if (answered()) {
        return agencyName + ": answered on " + UkDates.longDate(answeredOn);
      }
      if (withdrawn()) {
        return agencyName + ": withdrawn, not received";
      }
      if (responseDue != null && today.isAfter(responseDue)) {
        return agencyName + ": not received, overdue since " + UkDates.longDate(responseDue);
      }
      return agencyName + ": not received yet, due " + (responseDue == null ? "(no date)" : UkDates.longDate(responseDue));
    }
  }

  private AgencyRequestsOfTheReview() {}

  /** The requests of the review this execution belongs to, with its case's earlier ones. */
  static List<Request> of(HistoryService history, org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    var caseExecution = execution.getProcessInstance().getSuperExecution();
    return of(history, execution.getProcessInstanceId(), caseExecution == null ? null : caseExecution.getProcessInstanceId());
  }

  /**
   * The requests of one rapid review, in the order they were made.
   *
   * @param caseInstanceId the case that called the review, whose own earlier requests (made before this
   *     stage existed) count too; null for a review started on its own
   */
  static List<Request> of(HistoryService history, String rapidReviewInstanceId, String caseInstanceId) {
    List<HistoricProcessInstance> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(rapidReviewInstanceId).processDefinitionKey(AgencyRequest.KEY)
        .orderByProcessInstanceStartTime().asc().list());
    // a case recorded before this stage existed asked its agencies itself: those answers are this review's too
    if (caseInstanceId != null) {
      instances.addAll(0, history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(caseInstanceId).processDefinitionKey(AgencyRequest.KEY)
          .orderByProcessInstanceStartTime().asc().list());
    }
    List<Request> requests = new ArrayList<>();
    if (instances.isEmpty()) {
      return requests;
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(AgencyRequest.AGENCY_ID.name(), AgencyRequest.AGENCY_NAME.name(), AgencyRequest.RESPONSE_DUE.name(),
            AgencyRequest.INFORMATION_PROVIDED_ON.name())
        .list();
    for (HistoricVariableInstance variable : found) {
      variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
    }
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      requests.add(new Request(instance.getId(), AgencyRequest.AGENCY_ID.from(v).orElse(""),
          AgencyRequest.AGENCY_NAME.from(v).orElse(AgencyRequest.AGENCY_ID.from(v).orElse("an agency")),
          AgencyRequest.RESPONSE_DUE.from(v).orElse(null), AgencyRequest.INFORMATION_PROVIDED_ON.from(v).orElse(null),
          instance.getEndTime() == null));
    }
    return requests;
  }

  /** The list the meeting's form shows, one agency a line. */
  static String inWords(List<Request> requests, LocalDate today) {
    if (requests.isEmpty()) {
      return "No request to an agency is recorded yet: claim this task to see where the agencies stand.";
    }
    long answered = requests.stream().filter(Request::answered).count();
    StringBuilder text = new StringBuilder(answered + " of " + requests.size() + " agencies have answered.\n\n");
    requests.forEach(request -> text.append("- ").append(request.inWords(today)).append('\n'));
    return text.toString().trim();
  }
}
