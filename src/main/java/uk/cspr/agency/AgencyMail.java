package uk.cspr.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;
import uk.cspr.validation.FormSchema;

/**
 * What a request's mails say and whom they reach. Local inputs of the mail task:
 * {@code mailToAgency} (true: the request's named contact if it has one, else the sector's
 * designated contacts, group {@code agency-<id>}) and {@code mailResponseLink} (true: the mail
 * carries a new response link to the request's task).
 */
class AgencyMail implements MailContribution {

  static final String IN_TO_AGENCY = "mailToAgency";
  static final String IN_RESPONSE_LINK = "mailResponseLink";

  private final IdentityService identityService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ResponseLinks responseLinks;
  private final Partnership partnership;
  /** The forms agencies answer, for the receipt: the questions in the form's words, and what comes next. */
  private final AgencyRequestForms forms;

  AgencyMail(IdentityService identityService, TaskService taskService, HistoryService historyService,
      ResponseLinks responseLinks, Partnership partnership, AgencyRequestForms forms) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.responseLinks = responseLinks;
    this.partnership = partnership;
    this.forms = forms;
  }

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, AgencyRequest.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    AgencyRequest.RESPONSE_DUE.from(execution).ifPresent(due -> model.put("dueDate", UkDates.longDate(due)));
    AgencyRequest.REQUEST_TEXT.from(execution).ifPresent(text -> model.put("requestText", text));
    AgencyRequest.CHANGE_REASON.from(execution).ifPresent(text -> model.put("changeReason", text));
    AgencyRequest.AGENCY_NAME.from(execution).ifPresent(text -> model.put("agencyName", text));
    // the case the request was made for, whose case file holds the answer (the request itself, asked alone)
    var caller = execution.getProcessInstance().getSuperExecution();
    model.put("caseFileUrl", partnership.cockpitProcessInstanceUrl(
        caller == null ? execution.getProcessInstanceId() : caller.getProcessInstanceId()));
    if (Boolean.TRUE.equals(execution.getVariableLocal(IN_RESPONSE_LINK))) {
      addResponseLinks(execution, model);
    }
    AgencyRequest.INFORMATION_PROVIDED_ON.from(execution).ifPresent(on -> addReceipt(execution, on, model));
    if (Boolean.TRUE.equals(execution.getVariableLocal(IN_TO_AGENCY))) {
      var contact = AgencyRequest.CONTACT_EMAIL.from(execution).filter(email -> !email.isBlank());
      if (contact.isPresent()) {
        addresses.add(contact.get().trim());
      } else {
        String group = Agency.byId(AgencyRequest.AGENCY_ID.from(execution).orElseThrow()).orElseThrow().groupId();
        identityService.createUserQuery().memberOfGroup(group).list().stream()
            .map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(addresses::add);
      }
    }
  }

  /**
   * A fresh single-use link to the request's open task for this mail (only its hash is kept), and
   * the task in Tasklist for agency staff who have an account.
   */
  private void addResponseLinks(DelegateExecution execution, Map<String, String> model) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
    String tasklist = partnership.tasklistUrl();
    if (task == null) {
      model.put("responseLink", tasklist);
      model.put("tasklistTaskUrl", tasklist);
      return;
    }
    model.put("responseLink", partnership.publicUrl().resolve("/respond/" + responseLinks.issue(task)).toString());
    // our own page, which opens the task in Tasklist while it is open and says plainly when it is not
    model.put("tasklistTaskUrl", partnership.publicUrl().resolve("/tasks/" + task.getId()).toString());
  }

  /**
   * What the agency sent, for its receipt: when, the questions it answered (the labels of the form
   * the request asked with) and the names of its documents, and what comes next. Never the answers:
   * they stay in the system.
   */
  private void addReceipt(DelegateExecution execution, LocalDate answeredOn, Map<String, String> model) {
    model.put("answeredOn", UkDates.longDate(answeredOn));
    Map<String, Object> variables = execution.getVariables();
    AgencyRequestForm asked = forms.of(variables);
    model.put("afterReceipt", asked.afterReceipt());
    FormSchema form = forms.schema(asked);
    model.put("questionsAnswered", listed(form.labels().entrySet().stream()
        .filter(question -> answered(variables.get(question.getKey()))).map(Map.Entry::getValue).toList()));
    List<String> documents = new ArrayList<>();
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      taskService.getTaskAttachments(task.getId()).stream()
          .sorted(Comparator.comparing(Attachment::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder())))
          .forEach(document -> documents.add(document.getName()));
    }
    model.put("documentsSent", listed(documents));
  }

  private static boolean answered(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }

  /** One line for each, as a mail lists things; "none" for an empty list. */
  private static String listed(List<String> items) {
    return items.isEmpty() ? "- none" : items.stream().map(item -> "- " + item).collect(Collectors.joining("\n"));
  }
}
