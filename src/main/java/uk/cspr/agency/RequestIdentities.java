package uk.cspr.agency;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.UkDates;
import uk.cspr.identifying.ChildDetails;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.identifying.IncidentPlace;

/**
 * The case's children and its incident as an agency needs them to search its own records, shown
 * only inside its own open request (its response page, its Tasklist task), each reading recorded
 * with the request it came through. Never put in a form variable, a mail or a log line.
 */
public class RequestIdentities {

  /** The incident: its date (a variable of the request) and where it happened (kept sealed), each when known. */
  public record Incident(LocalDate date, String place) {}

  /** What one request shows: every child with details recorded, and the incident. */
  public record Shown(List<ChildDetails> children, Incident incident) {}

  private final IdentifyingDetails details;
  private final RuntimeService runtime;

  public RequestIdentities(IdentifyingDetails details, RuntimeService runtime) {
    this.details = details;
    this.runtime = runtime;
  }

  /**
   * Whether the request asks the agency about the child and family (the request for information), so
   * that it must find them in its records; a request for evidence of its own action, or for how the
   * learning reached its staff, does not, and shows nothing of who the child is.
   */
  public boolean asksAboutTheChild(Task task) {
    Object form = runtime.getVariable(task.getProcessInstanceId(), AgencyRequest.REQUEST_FORM.name());
    return form == null || AgencyRequest.FORM_PROVIDE_INFORMATION.equals(form);
  }

  /**
   * @param task the request's open task, already found to be the reader's own and to ask about the child
   * @param viewedBy who reads: the signed-in person, or the address the response link was sent to
   * @param way how: "by its response link", "in Tasklist"
   */
  public Shown of(Task task, String viewedBy, String way) {
    String caseReference = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Map<String, Object> request = runtime.getVariables(task.getProcessInstanceId(),
        List.of(AgencyRequest.AGENCY_NAME.name(), AgencyRequest.INCIDENT_DATE.name()));
    String through = AgencyRequest.AGENCY_NAME.from(request).orElse("the agency") + "'s request, " + way;
    List<ChildDetails> children = details.childrenWithDetails(caseReference).stream()
        .flatMap(child -> details.read(caseReference, child, viewedBy, through)
            .map(identity -> new ChildDetails(child, identity)).stream())
        .toList();
    String place = details.readPlace(caseReference, viewedBy, through).map(IncidentPlace::place).orElse(null);
    return new Shown(children, new Incident(AgencyRequest.INCIDENT_DATE.from(request).orElse(null), place));
  }

  /** As the response page's template reads them: every value text, an absent one empty. */
  static Map<String, Object> forPage(Shown shown) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("children", shown.children().stream().map(child -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("childReference", child.childReference());
      row.put("fullName", child.identity().fullName());
      row.put("otherNames", String.join(", ", child.identity().otherNames()));
      row.put("dateOfBirth", child.identity().dateOfBirth() == null ? "" : UkDates.longDate(child.identity().dateOfBirth()));
      row.put("address", orEmpty(child.identity().address()));
      row.put("nhsNumber", orEmpty(child.identity().nhsNumber()));
      row.put("carers", String.join(", ", child.identity().carers()));
      return row;
    }).toList());
    page.put("noChildren", shown.children().isEmpty());
    page.put("showsTheChild", true);
    page.put("incidentDate", shown.incident().date() == null ? "" : UkDates.longDate(shown.incident().date()));
    page.put("incidentPlace", orEmpty(shown.incident().place()));
    return page;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
