package uk.cspr.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.cspr.partnership.Partnership;

/**
 * Sends a templated mail to the members of one or more groups, for reminders and escalations.
 * BPMN gives it local inputs: {@code mailTemplate}, {@code mailToGroups} (comma-separated group
 * ids) and {@code mailDueDate} (ISO). It runs behind {@code camunda:asyncBefore}, so a failure
 * to send is a retried job and, at last, an incident in Cockpit.
 *
 * <p>The model holds only the case reference, the due date and the partnership's details: no
 * child reference, name or detail can reach a mail or this log.
 */
@Component("groupMailDelegate")
public class GroupMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(GroupMailDelegate.class);
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final JavaMailSender mailSender;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final Partnership partnership;

  public GroupMailDelegate(JavaMailSender mailSender, MailTemplates templates, IdentityService identityService,
      Partnership partnership) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.identityService = identityService;
    this.partnership = partnership;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("mailTemplate");
    List<String> groups = Arrays.stream(((String) execution.getVariableLocal("mailToGroups")).split(","))
        .map(String::trim).toList();
    String caseReference = execution.getProcessBusinessKey();

    Map<String, String> model = new HashMap<>();
    model.put("caseReference", caseReference);
    model.put("partnershipName", partnership.name());
    model.put("coordinatorsEmail", partnership.coordinatorsEmail());
    model.put("tasklistUrl", partnership.publicUrl().resolve("/camunda/app/tasklist/").toString());
    Object due = execution.getVariableLocal("mailDueDate");
    if (due instanceof String iso) {
      model.put("dueDate", LocalDate.parse(iso).format(LONG_DATE));
    }
    MailTemplates.Rendered mail = templates.render(template, model);

    String[] to = groups.stream()
        .flatMap(g -> identityService.createUserQuery().memberOfGroup(g).list().stream())
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toArray(String[]::new);
    if (to.length == 0) {
      log.warn("Case {}: nobody in {} has an e-mail address; '{}' was not sent", caseReference, groups, template);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(partnership.coordinatorsEmail());
    message.setTo(to);
    message.setSubject(mail.subject());
    message.setText(mail.text());
    mailSender.send(message);
    log.info("Case {}: sent '{}' to {} member(s) of {}", caseReference, template, to.length, groups);
  }
}
