package uk.cspr.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.cspr.agency.Agency;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.partnership.Partnership;

/**
 * Sends a templated mail from BPMN. Local inputs: {@code mailTemplate}; the recipients,
 * {@code mailToGroups} (comma-separated group ids) and/or {@code mailToAgency} (true: the request's
 * named contact if it has one, else the sector's designated contacts, group {@code agency-<id>});
 * optionally {@code mailOnlyUntil} (ISO date): after that day the mail is not sent; and
 * {@code mailResponseLink} (true: the mail carries a new response link to the request's task).
 *
 * <p>It runs behind {@code camunda:asyncBefore}: the mail leaves in a job of its own, never from
 * the transaction of the person's action, and a failure to send is retried and, at last, an
 * incident in Cockpit. Delivery is at least once; every attempt at one mail carries the same
 * Message-ID, so a repeat is recognisable.
 *
 * <p>The model is a fixed list of what mails may say: the case reference, dates, the agency (its
 * name as the request recorded it) and the partnership. A child's references, name or details are never in it, so no template can
 * print them, and neither does this log.
 */
@Component("mailDelegate")
public class MailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(MailDelegate.class);
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** Process variables a template may use, by the name the template knows them. */
  private static final Map<String, String> DATE_VARIABLES = Map.of(
      "notificationDue", "notificationDue", "responseDue", "dueDate");
  private static final List<String> TEXT_VARIABLES = List.of("requestText", "changeReason", "agencyName");

  private final Mailer mailer;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ResponseLinks responseLinks;
  private final Partnership partnership;

  public MailDelegate(Mailer mailer, MailTemplates templates, IdentityService identityService, TaskService taskService,
      ResponseLinks responseLinks, Partnership partnership) {
    this.mailer = mailer;
    this.templates = templates;
    this.identityService = identityService;
    this.taskService = taskService;
    this.responseLinks = responseLinks;
    this.partnership = partnership;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("mailTemplate");
    String caseReference = execution.getProcessBusinessKey();
    if (execution.getVariableLocal("mailOnlyUntil") instanceof String until
        && WorkingDays.todayInEngland().isAfter(LocalDate.parse(until))) {
      // a reminder that would arrive after its deadline (a case recorded late) helps nobody
      log.info("Case {}: '{}' not sent: its deadline {} has passed", caseReference, template, until);
      return;
    }
    List<String> to = recipients(execution);
    if (to.isEmpty()) {
      log.warn("Case {}: '{}' has no recipient with an e-mail address and was not sent", caseReference, template);
      return;
    }
    MailTemplates.Rendered mail = templates.render(template, model(execution, caseReference));
    String messageId = messageId(execution);
    mailer.send(messageId, to, mail);
    log.info("Case {}: sent '{}' to {} recipient(s) as {}", caseReference, template, to.size(), messageId);
  }

  private Map<String, String> model(DelegateExecution execution, String caseReference) {
    Map<String, String> model = new HashMap<>();
    model.put("caseReference", caseReference);
    model.put("partnershipName", partnership.name());
    model.put("coordinatorsEmail", partnership.coordinatorsEmail());
    model.put("coordinatorsPhone", partnership.coordinatorsPhone() == null ? "" : partnership.coordinatorsPhone());
    model.put("tasklistUrl", tasklistUrl());
    DATE_VARIABLES.forEach((variable, name) -> {
      if (execution.getVariable(variable) instanceof String iso) {
        model.put(name, LocalDate.parse(iso).format(LONG_DATE));
      }
    });
    for (String variable : TEXT_VARIABLES) {
      if (execution.getVariable(variable) instanceof String text) {
        model.put(variable, text);
      }
    }
    if (Boolean.TRUE.equals(execution.getVariableLocal("mailResponseLink"))) {
      addResponseLinks(execution, model);
    }
    return model;
  }

  /**
   * A fresh single-use link to the request's open task for this mail (only its hash is kept), and
   * the task in Tasklist for agency staff who have an account.
   */
  private void addResponseLinks(DelegateExecution execution, Map<String, String> model) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
    String tasklist = tasklistUrl();
    if (task == null) {
      model.put("responseLink", tasklist);
      model.put("tasklistTaskUrl", tasklist);
      return;
    }
    model.put("responseLink", partnership.publicUrl().resolve("/respond/" + responseLinks.issue(task)).toString());
    model.put("tasklistTaskUrl", tasklist + "default/#/?task=" + task.getId());
  }

  private String tasklistUrl() {
    return partnership.publicUrl().resolve("/camunda/app/tasklist/").toString();
  }

  private List<String> recipients(DelegateExecution execution) {
    LinkedHashSet<String> to = new LinkedHashSet<>();
    List<String> groups = new ArrayList<>();
    if (execution.getVariableLocal("mailToGroups") instanceof String list && !list.isBlank()) {
      groups.addAll(Arrays.stream(list.split(",")).map(String::trim).toList());
    }
    if (Boolean.TRUE.equals(execution.getVariableLocal("mailToAgency"))) {
      Object contact = execution.getVariable("contactEmail");
      if (contact instanceof String email && !email.isBlank()) {
        to.add(email.trim());
      } else {
        groups.add(Agency.byId((String) execution.getVariable("agencyId")).orElseThrow().groupId());
      }
    }
    for (String group : groups) {
      identityService.createUserQuery().memberOfGroup(group).list().stream()
          .map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(to::add);
    }
    return new ArrayList<>(to);
  }

  /**
   * The same for every attempt at this mail: the count of mails this instance has sent is part of
   * the same transaction as the send, so a failed attempt does not advance it.
   */
  private String messageId(DelegateExecution execution) {
    String counter = "mailsSent";
    Object sent = execution.getVariable(counter);
    int next = (sent instanceof Integer n ? n : 0) + 1;
    execution.setVariable(counter, next);
    return execution.getProcessInstanceId() + "." + next + "@" + partnership.publicUrl().getHost();
  }
}
