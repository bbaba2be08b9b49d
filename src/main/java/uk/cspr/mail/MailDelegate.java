package uk.cspr.mail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Metrics;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.partnership.Partnership;

/**
 * Sends a templated mail from BPMN (Camunda Modeler: the "Send a mail" element template in
 * {@code .camunda/element-templates/}). Local inputs: {@code mailTemplate}; {@code mailToGroups}
 * (comma-separated group ids); optionally {@code mailOnlyUntil} (ISO date): after that day the mail
 * is not sent. The stage whose mail it is adds its own values and recipients ({@link MailContribution}).
 *
 * <p>It runs behind {@code camunda:asyncBefore}: the mail leaves in a job of its own, never from
 * the transaction of the person's action, and a failure to send is retried and, at last, an
 * incident in Cockpit. Delivery is at least once; every attempt at one mail carries the same
 * Message-ID, so a repeat is recognisable.
 *
 * <p>The model is a fixed list of what mails may say: the case reference, the partnership, and
 * what the stages contribute. A child's references, name or details are never in it, so no
 * template can print them, and neither does this log.
 */
public class MailDelegate implements JavaDelegate {

  /**
   * Mails sent and mails the SMTP server refused, by template, on Micrometer's global registry: Spring
   * Boot's Prometheus registry is added to it, and the plain engine's tests, which have none, count nowhere.
   */
  public static final String SENT = "cspr.mails.sent";
  public static final String FAILED = "cspr.mails.failed";

  public static final String IN_TEMPLATE = "mailTemplate";
  public static final String IN_TO_GROUPS = "mailToGroups";
  public static final String IN_ONLY_UNTIL = "mailOnlyUntil";
  /** How many mails this instance has sent: the counter the Message-ID is made of. */
  static final String MAILS_SENT = "mailsSent";

  private static final Logger log = LoggerFactory.getLogger(MailDelegate.class);

  private final Mailer mailer;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final Partnership partnership;
  private final List<MailContribution> contributions;

  public MailDelegate(Mailer mailer, MailTemplates templates, IdentityService identityService, Partnership partnership,
      List<MailContribution> contributions) {
    this.mailer = mailer;
    this.templates = templates;
    this.identityService = identityService;
    this.partnership = partnership;
    this.contributions = List.copyOf(contributions);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal(IN_TEMPLATE);
    String caseReference = execution.getProcessBusinessKey();
    if (execution.getVariableLocal(IN_ONLY_UNTIL) instanceof String until
        && WorkingDays.todayInEngland().isAfter(LocalDate.parse(until))) {
      // a reminder that would arrive after its deadline (a case recorded late) helps nobody
      log.info("Case {}: '{}' not sent: its deadline {} has passed", caseReference, template, until);
      return;
    }
    Map<String, String> model = new HashMap<>();
    model.put("caseReference", caseReference);
    model.put("partnershipName", partnership.name());
    model.put("coordinatorsEmail", partnership.coordinatorsEmail());
    model.put("coordinatorsPhone", partnership.coordinatorsPhone() == null ? "" : partnership.coordinatorsPhone());
    model.put("tasklistUrl", partnership.tasklistUrl());
    List<String> addresses = new ArrayList<>();
    for (MailContribution contribution : contributions) {
      if (contribution.appliesTo(execution)) {
        contribution.contribute(execution, model, addresses);
      }
    }
    List<String> to = recipients(execution, addresses);
    if (to.isEmpty()) {
      log.warn("Case {}: '{}' has no recipient with an e-mail address and was not sent", caseReference, template);
      return;
    }
    MailTemplates.Rendered mail = templates.render(template, model);
    String messageId = messageId(execution);
    try {
      mailer.send(messageId, to, mail);
    } catch (RuntimeException failed) {
      Metrics.counter(FAILED, "template", template).increment();
      throw failed;
    }
    // counted once sent: a repeat after a rolled-back transaction was sent again, and counts again
    Metrics.counter(SENT, "template", template).increment();
    log.info("Case {}: sent '{}' to {} recipient(s) as {}", caseReference, template, to.size(), messageId);
  }

  private List<String> recipients(DelegateExecution execution, List<String> addresses) {
    LinkedHashSet<String> to = new LinkedHashSet<>(addresses);
    List<String> groups = new ArrayList<>();
    if (execution.getVariableLocal(IN_TO_GROUPS) instanceof String list && !list.isBlank()) {
      groups.addAll(Arrays.stream(list.split(",")).map(String::trim).toList());
    }
    for (String group : groups) {
      to.addAll(addressesOf(group));
    }
    return new ArrayList<>(to);
  }

  /** The e-mail addresses of a group's members; for contributions that address a group of their own. */
  public List<String> addressesOf(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
  }

  /**
   * The same for every attempt at this mail: the count of mails this instance has sent is part of
   * the same transaction as the send, so a failed attempt does not advance it.
   */
  private String messageId(DelegateExecution execution) {
    Object sent = execution.getVariable(MAILS_SENT);
    int next = (sent instanceof Integer n ? n : 0) + 1;
    execution.setVariable(MAILS_SENT, next);
    return execution.getProcessInstanceId() + "." + next + "@" + partnership.publicUrl().getHost();
  }
}
