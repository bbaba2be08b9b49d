package uk.cspr.localreview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.agency.Pages;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.partnership.Partnership;
import uk.cspr.validation.FormRules;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;
import uk.cspr.validation.SubmittedAnswers;

/**
 * {@code /review/{token}}: where the reviewer, who works outside the system, sends a draft or the
 * final report from the link in their mail, without an account. The report is attached to the
 * review's task for it and kept with the case; sending completes that task, as the coordinators do
 * for a report that came another way. The token is the only key: the page reads and writes only the
 * task its link was issued for, and shows nothing of the child.
 */
@RestController
@RequestMapping("/review/{token}")
class ReviewerPage extends uk.cspr.agency.LinkPage {

  private static final Logger log = LoggerFactory.getLogger(ReviewerPage.class);
  /** What the reviewer fills in: the kind of report and a note; the day it arrived is today's. */
  private static final FormSchema FORM = FormSchema.shipped("send-review-report");
  static final String THROUGH_LINK = "the reviewer, through their link";

  private final ResponseLinks links;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  ReviewerPage(ResponseLinks links, AgencyDocuments documents, TaskService taskService, RuntimeService runtimeService,
      TransactionTemplate transaction, Partnership partnership) {
    super(documents, partnership, "the reviewer's page", "sent through the reviewer's link", "when you press Send");
    this.links = links;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  @Override
  protected ResponseLinks.Resolution resolve(String token) {
    return links.resolveTask(token, LocalReview.TASK_RECEIVE_REPORT);
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String token) {
    ResponseLinks.Resolution link = links.resolveTask(token, LocalReview.TASK_RECEIVE_REPORT);
    if (!link.opens()) {
      Refused refused = Refused.of(link.refused());
      return Pages.nothingToOpen(partnership, refused.status, refused.title, refused.explanation, false);
    }
    Task task = link.task();
    Map<String, Object> review = taskService.getVariables(task.getId(), List.of(LocalReview.REVIEWER_NAME.name(),
        LocalReview.DUE.name(), LocalReview.QA_OUTCOME.name(), LocalReview.QA_COMMENTS.name()));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("schema", FORM.json());
    config.put("data", Map.of());
    config.put("submitUrl", "/review/" + token);
    config.put("documentsUrl", "/review/" + token + "/documents");
    config.put("doneTitle", "Thank you: your report has been sent");
    config.put("documentRequired", true);
    Map<String, Object> model = Pages.common(partnership);
    model.put("caseReference", caseReference(task));
    model.put("reviewerName", LocalReview.REVIEWER_NAME.from(review).orElse(""));
    model.put("localReviewDue", LocalReview.DUE.from(review).map(UkDates::longDate).orElse(""));
    model.put("returnedComments", LocalReview.RETURN.equals(LocalReview.QA_OUTCOME.from(review).orElse(null))
        ? LocalReview.QA_COMMENTS.from(review).orElse("") : "");
    model.put("maxDocumentSize", documents.largest());
    model.put("config", scriptJson(config));
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
        .body(Pages.fill("reviewer.html", model));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submit(@PathVariable String token, @RequestBody JsonNode body) {
    ResponseLinks.Resolution link = links.resolveTask(token, LocalReview.TASK_RECEIVE_REPORT);
    if (!link.opens()) {
      return refused(link.refused());
    }
    Task task = link.task();
    String caseReference = caseReference(task);
    VariableMap variables = Variables.createVariables();
    JsonNode submitted = body.path("variables");
    for (String key : FORM.variables()) {
      JsonNode value = submitted.path(key).path("value");
      if (value.isTextual()) {
        variables.put(key, value.asText());
      } else if (!value.isMissingNode() && !value.isNull()) {
        variables.put(key, value.toString()); // not what the form sends: its rules refuse it by name
      }
    }
    List<Problem> problems = new java.util.ArrayList<>(SubmittedAnswers.problems(FORM, variables));
    // the page's own form's rules, in the reviewer's words: the task's checks after it are the coordinators' form's
    problems.addAll(FormRules.problems(FORM, variables::get).stream()
        .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).toList());
    if (documents.of(task.getId()).isEmpty()) {
      problems.add(new Problem("documents", "Attach the report before sending it: choose the document above."));
    }
    if (!problems.isEmpty()) {
      log.warn("Case {}: a report through the reviewer's link was refused ({})", caseReference,
          String.join(", ", problems.stream().map(Problem::field).toList()));
      return problem(400, "Your report was not sent: " + String.join("; ", problems.stream().map(Problem::message).toList()),
          problems);
    }
    variables.put(LocalReview.REPORT_RECEIVED_ON.name(), WorkingDays.todayInEngland().toString());
    try {
      boolean completed = Boolean.TRUE.equals(transaction.execute(status -> {
        if (!links.use(link.tokenHash())) {
          return false;
        }
        taskService.complete(task.getId(), variables);
        return true;
      }));
      if (!completed) {
        return refused(ResponseLinks.Refused.USED);
      }
    } catch (Refusal refusal) {
      return problem(400, refusal.getMessage(), refusal.problems());
    }
    log.info("Case {}: the reviewer's report received through their link", caseReference);
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of("message", "The partnership has received "
        + "your report for case " + caseReference + ". The partners will read it; you will hear from the coordinators."));
  }

  /** Why a link opens nothing, in the reviewer's terms. */
  private enum Refused {
    UNKNOWN(404, "This link is not valid",
        "Check that you used the whole link from the e-mail. Links are long and some e-mail programs break them."),
    EXPIRED(410, "This link has expired", "Ask the partnership's coordinators for a new one."),
    DONE(410, "This link has been used",
        "The partnership has the version sent with it. If the partners return it with comments, you get a new link for the next version."),
    /** The task it opened is done without it: the coordinators recorded a report that came another way. */
    RECEIVED(410, "The report has already been received",
        "The partnership's coordinators have recorded the version this link was for, so it is no longer needed. "
            + "If the partners return it with comments, you get a new link for the next version.");

    final int status;
    final String title;
    final String explanation;

    Refused(int status, String title, String explanation) {
      this.status = status;
      this.title = title;
      this.explanation = explanation;
    }

    static Refused of(ResponseLinks.Refused refused) {
      return switch (refused) {
        case UNKNOWN -> UNKNOWN;
        case EXPIRED -> EXPIRED;
        case CLOSED -> RECEIVED;
        default -> DONE;
      };
    }
  }

  private String caseReference(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  @Override
  protected ResponseEntity<Map<String, Object>> refused(ResponseLinks.Refused refused) {
    Refused said = Refused.of(refused);
    return problem(said.status, said.title + ". " + said.explanation + " Contact " + partnership.coordinatorsEmail()
        + " if you need to send the report.", List.of());
  }

  private static ResponseEntity<Map<String, Object>> problem(int status, String message, List<Problem> problems) {
    return Pages.problem(status, message, problems);
  }

  private static String scriptJson(Object value) {
    return Pages.scriptJson(value);
  }

}
