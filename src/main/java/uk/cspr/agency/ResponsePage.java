package uk.cspr.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
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
import uk.cspr.calendar.UkDates;
import uk.cspr.partnership.Partnership;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;
import uk.cspr.validation.SubmittedAnswers;

/**
 * {@code /respond/{token}}: where agency staff without a Tasklist account answer a request, from
 * the link in its mail, without logging in. The token is the only key: the page reads and writes
 * only the task its link opens, never a task id, variable name or document id from the browser
 * beyond the form's own fields.
 */
@RestController
@RequestMapping("/respond/{token}")
class ResponsePage extends LinkPage {

  private static final Logger log = LoggerFactory.getLogger(ResponsePage.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResponseLinks links;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final TransactionTemplate transaction;
  private final RequestIdentities identities;

  ResponsePage(ResponseLinks links, AgencyDocuments documents, TaskService taskService, RuntimeService runtimeService,
      FormService formService, TransactionTemplate transaction, Partnership partnership, RequestIdentities identities) {
    super(documents, partnership, "a response page", "sent through the response link", "with your answers");
    this.identities = identities;
    this.links = links;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.transaction = transaction;
  }

  @Override
  protected ResponseLinks.Resolution resolve(String token) {
    return links.resolve(token);
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String token) {
    ResponseLinks.Resolution link = links.resolve(token);
    if (!link.opens()) {
      return refusedPage(link.refused());
    }
    Task task = link.task();
    FormSchema form = form(task);
    Map<String, Object> request = taskService.getVariables(task.getId(), List.of(
        AgencyRequest.REQUEST_TEXT.name(), AgencyRequest.RESPONSE_DUE.name(), AgencyRequest.AGENCY_NAME.name()));
    Map<String, Object> data = new HashMap<>(formValues(task, form));
    data.putAll(request); // the form's text shows what is asked

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("schema", form.json());
    config.put("data", data);
    config.put("submitUrl", "/respond/" + token);
    config.put("documentsUrl", "/respond/" + token + "/documents");
    Map<String, Object> model = Pages.common(partnership);
    model.put("caseReference", caseReference(task));
    model.put("agencyName", AgencyRequest.AGENCY_NAME.from(request).orElse(""));
    model.put("requestText", AgencyRequest.REQUEST_TEXT.from(request).orElse(""));
    model.put("dueDate", UkDates.longDate(AgencyRequest.RESPONSE_DUE.from(request).orElseThrow()));
    model.put("maxDocumentSize", documents.largest());
    if (identities.asksAboutTheChild(task)) {
      model.putAll(RequestIdentities.forPage(identities.of(task, linkReader(task), BY_LINK)));
    } else {
      model.put("showsTheChild", false);
    }
    model.put("config", scriptJson(config)); // raw in the page ({{{config}}}): made safe inside a script by scriptJson
    String html = Pages.fill("page.html", model);
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store").body(html);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submit(@PathVariable String token, @RequestBody JsonNode body) {
    ResponseLinks.Resolution link = links.resolve(token);
    if (!link.opens()) {
      return refused(link.refused());
    }
    Task task = link.task();
    String caseReference = caseReference(task);
    FormSchema form = form(task);
    VariableMap variables = Variables.createVariables();
    JsonNode submitted = body.path("variables");
    // only what the form asks is written: the page never sets the request's own variables
    for (String key : form.variables()) {
      JsonNode entry = submitted.path(key);
      if (!entry.isMissingNode() && !entry.path("value").isNull() && !entry.path("value").isMissingNode()) {
        variables.put(key, typedValue(entry));
      }
    }
    // what may be sent at all; the form's own rules and the task's checks run as the task completes
    List<Problem> problems = SubmittedAnswers.problems(form, variables);
    if (!problems.isEmpty()) {
      log.warn("Case {}: an answer through a response link was refused ({})", caseReference,
          String.join(", ", problems.stream().map(Problem::field).toList()));
      return problem(400, "Your answers were not sent: " + String.join("; ", problems.stream().map(Problem::message).toList()),
          problems);
    }
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
    log.info("Case {}: information received through a response link", caseReference);
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of("message", "The partnership has received your information for case "
        + caseReference + ". You will get an e-mail to confirm it. You can close this page."));
  }

  /** The children's identifying details as JSON, for the link's holder only, each reading recorded. */
  @GetMapping(path = "/identity", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> identity(@PathVariable String token) {
    ResponseLinks.Resolution link = links.resolve(token);
    if (!link.opens()) {
      return refused(link.refused());
    }
    if (!identities.asksAboutTheChild(link.task())) {
      return Pages.problem(404, "This request does not ask about the child, so it shows nothing of who the child is.",
          List.of());
    }
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(identities.of(link.task(), linkReader(link.task()),
        BY_LINK));
  }

  /** Who reads through a link: whoever it was sent to, as far as the partnership knows. */
  private String linkReader(Task task) {
    return AgencyRequest.CONTACT_EMAIL.from(taskService.getVariables(task.getId(),
        List.of(AgencyRequest.CONTACT_EMAIL.name()))).map(email -> "the holder of the link sent to " + email)
        .orElse("the holder of the link sent to the agency's contacts");
  }

  static final String BY_LINK = "by its response link";

  /** The form's current values, typed as Tasklist shows them (Json parsed). */
  private Map<String, Object> formValues(Task task, FormSchema form) {
    Map<String, Object> values = new HashMap<>();
    taskService.getVariablesTyped(task.getId(), form.variables(), true).forEach((key, value) -> {
      if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
        try {
          values.put(key, JSON.readTree(json.toString()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else if (value != null) {
        values.put(key, value);
      }
    });
    return values;
  }

  private FormSchema form(Task task) {
    return FormSchema.read(formService.getDeployedTaskForm(task.getId()));
  }

  private static Object typedValue(JsonNode entry) {
    JsonNode value = entry.path("value");
    if ("Json".equals(entry.path("type").asText())) {
      return SpinValues.jsonValue(value.asText()).create();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return value.asText();
  }

  private String caseReference(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  private ResponseEntity<String> refusedPage(ResponseLinks.Refused refused) {
    return Pages.nothingToOpen(partnership, refused.status, refused.title, refused.explanation, false);
  }

  @Override
  protected ResponseEntity<Map<String, Object>> refused(ResponseLinks.Refused refused) {
    return problem(refused.status, refused.title + ". " + refused.explanation + " Contact "
        + partnership.coordinatorsEmail() + " if you need to send information.", List.of());
  }

  private static ResponseEntity<Map<String, Object>> problem(int status, String message, List<Problem> problems) {
    return Pages.problem(status, message, problems);
  }

  private static String scriptJson(Object value) {
    return Pages.scriptJson(value);
  }

}
