package uk.cspr.agency;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;

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
  private final ResponseLinks responseLinks;
  private final Partnership partnership;

  AgencyMail(IdentityService identityService, TaskService taskService, ResponseLinks responseLinks,
      Partnership partnership) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.responseLinks = responseLinks;
    this.partnership = partnership;
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
}
