package uk.cspr.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.UkDates;
import uk.cspr.identifying.ChildIdentity;
import uk.cspr.identifying.IdentifyingDetails;

/**
 * The case's children as an agency needs them to search its own records, shown only inside its
 * own open request (its response page, its Tasklist task), each reading recorded with the request
 * it came through. Never put in a form variable, a mail or a log line.
 */
public class RequestIdentities {

  /** A child's details for one request's page: the reference the case uses, and how to find the child. */
  public record Shown(String childReference, ChildIdentity details, String dateOfBirthText) {}

  private final IdentifyingDetails details;
  private final RuntimeService runtime;

  public RequestIdentities(IdentifyingDetails details, RuntimeService runtime) {
    this.details = details;
    this.runtime = runtime;
  }

  /**
   * @param task the request's open task, already found to be the reader's own
   * @param viewedBy who reads: the signed-in person, or the address the response link was sent to
   * @param way how: "by its response link", "in Tasklist"
   */
  public List<Shown> of(Task task, String viewedBy, String way) {
    String caseReference = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    String agency = AgencyRequest.AGENCY_NAME.from(runtime.getVariables(task.getProcessInstanceId(),
        List.of(AgencyRequest.AGENCY_NAME.name()))).orElse("the agency");
    String through = agency + "'s request, " + way;
    List<Shown> shown = new ArrayList<>();
    for (String child : details.childrenWithDetails(caseReference)) {
      details.read(caseReference, child, viewedBy, through).ifPresent(identity -> shown.add(new Shown(child, identity,
          identity.dateOfBirth() == null ? null : UkDates.longDate(identity.dateOfBirth()))));
    }
    return shown;
  }

  /** As the response page's template reads them. */
  static List<Map<String, Object>> forPage(List<Shown> shown) {
    return shown.stream().map(child -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("childReference", child.childReference());
      row.put("fullName", child.details().fullName());
      row.put("otherNames", String.join(", ", child.details().otherNames()));
      row.put("dateOfBirth", child.dateOfBirthText() == null ? "" : child.dateOfBirthText());
      row.put("address", child.details().address() == null ? "" : child.details().address());
      row.put("nhsNumber", child.details().nhsNumber() == null ? "" : child.details().nhsNumber());
      row.put("carers", String.join(", ", child.details().carers()));
      return row;
    }).toList();
  }
}
