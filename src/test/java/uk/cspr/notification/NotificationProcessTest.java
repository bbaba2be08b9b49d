package uk.cspr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.timescales.Timescales;

/**
 * Reminders and escalations of the 5-working-day notification, sent at 09:00 in England on the
 * right working days (engine clock moved, jobs executed) to a real SMTP server.
 */
class NotificationProcessTest {

  static final int SMTP_PORT = 3128;

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(SMTP_PORT);

  GreenMail smtp;
  Workflow workflow;

  @BeforeEach
  void parts() {
    smtp = workflowEngine.smtp();
    workflow = workflowEngine.workflow();
  }

  @Test
  void theCoordinatorsAreRemindedTwoWorkingDaysBeforeAndTheManagersAlertedTheWorkingDayAfter() throws Exception {
    // aware Monday 22 December 2025: due Wednesday 31st, across Christmas and Boxing Day
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    String reference = caseInstance.getBusinessKey();

    workflow.executeDueJobs(caseInstance); // the requests to agencies go out at once
    clockAt("2025-12-29T08:59");
    assertThat(workflow.executeDueJobs(caseInstance)).isZero();
    assertThat(notificationMails()).isEmpty();

    clockAt("2025-12-29T09:00"); // two working days before the 31st
    workflow.executeDueJobs(caseInstance);
    List<MimeMessage> reminders = notificationMails();
    // one mail to the coordinators (demo is an administrator and a coordinator), delivered to each mailbox
    assertThat(reminders).hasSize(2);
    assertThat(recipients(reminders).stream().distinct()).containsExactlyInAnyOrder("demo@example.org", "coordinator@example.org");
    assertThat(reminders.get(0).getSubject())
        .startsWith(reference + ": reminder").contains("Wednesday 31 December 2025");
    assertThat(GreenMailUtil.getBody(reminders.get(0))).contains(reference).contains("http://localhost:8080/camunda/app/tasklist/");

    clockAt("2026-01-01T09:00"); // New Year's Day is not a working day
    workflow.executeDueJobs(caseInstance);
    assertThat(notificationMails()).hasSize(2);

    clockAt("2026-01-02T09:00");
    workflow.executeDueJobs(caseInstance);
    List<MimeMessage> all = Arrays.asList(smtp.getReceivedMessages());
    List<MimeMessage> escalations = notificationMails().stream().filter(m -> subject(m).contains("overdue")).toList();
    // one mail to the managers and the coordinators, delivered to each of their three mailboxes
    assertThat(escalations).hasSize(3);
    assertThat(recipients(escalations).stream().distinct()).containsExactlyInAnyOrder("manager@example.org",
        "demo@example.org", "coordinator@example.org");
    assertThat(escalations).allSatisfy(m -> assertThat(m.getSubject()).startsWith(reference + ": overdue"));
    // the notification tasks stay open and overdue: the escalation does not complete anything
    assertThat(workflow.openTaskKeys(caseInstance)).contains(Notification.TASK_NOTIFY_PANEL);

    for (MimeMessage mail : all) {
      assertThat(mail.getSubject() + GreenMailUtil.getBody(mail)).doesNotContain("LCS-0001-X");
    }
  }

  @Test
  void aCaseRecordedAfterItsDeadlineIsEscalatedAtOnceWithoutAPointlessReminder() {
    clockAt("2025-12-22T10:00"); // aware on the 10th: the notification was due on the 17th
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-10"));
    workflow.executeDueJobs(caseInstance);
    assertThat(notificationMails()).isNotEmpty()
        .allSatisfy(m -> assertThat(subject(m)).contains("overdue"));
  }

  @Test
  void noReminderOnceEveryoneIsNotified() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    clockAt("2025-12-23T10:00");
    workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-1", "notifiedOn", "2025-12-23");
    workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-23");

    clockAt("2026-01-05T09:00");
    workflow.executeDueJobs(caseInstance);
    assertThat(notificationMails()).isEmpty();
  }

  @Test
  void whenTheRapidReviewIsCountedFromTheNotificationItsDeadlineIsSetWhenTheNotificationIsRecorded() {
    Timescales fromNotification = Timescales.of(Map.of("rapid-review-clock-starts-at", "NOTIFICATION"));
    ProcessEngine counting = PlainEngine.withWorkflow(SMTP_PORT).timescales(fromNotification).build();
    try {
      Workflow flow = new Workflow(counting);
      clockAt("2025-12-22T10:00");
      ProcessInstance caseInstance = flow.recordCase(panelIncident("2025-12-22"));
      assertThat(counting.getRuntimeService().getVariable(caseInstance.getId(), "rapidReviewDue")).isNull();
      assertThat(counting.getRuntimeService().getVariable(flow.stage(caseInstance, "cspr-rapid-review").getId(),
          "rapidReviewDue")).as("the 15th working day from awareness, meanwhile").isEqualTo("2026-01-15");

      clockAt("2025-12-24T10:00");
      flow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-2", "notifiedOn", "2025-12-24");
      flow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-24");
      // 15 working days from Wednesday 24 December 2025
      assertThat(counting.getRuntimeService().getVariable(caseInstance.getId(), "rapidReviewDue")).isEqualTo("2026-01-19");
      // and the rapid review stage, given the 15th working day from awareness meanwhile, moves to it with its escalation
      ProcessInstance review = flow.stage(caseInstance, "cspr-rapid-review");
      assertThat(counting.getRuntimeService().getVariable(review.getId(), "rapidReviewDue")).isEqualTo("2026-01-19");
      assertThat(counting.getRuntimeService().getVariable(review.getId(), "rapidReviewDueInWords"))
          .isEqualTo("Monday 19 January 2026");
      assertThat(counting.getManagementService().createJobQuery().processInstanceId(review.getId())
          .activityId("Timer_RapidReviewEscalation").singleResult().getDuedate().toInstant())
          .isEqualTo(java.time.Instant.parse("2026-01-20T09:00:00Z"));
    } finally {
      counting.close();
    }
  }

  /** The notification stage's mails, not the requests to agencies that start alongside it. */
  private List<MimeMessage> notificationMails() {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).contains("notify the Panel") || subject(m).contains("serious incident notification"))
        .toList();
  }
}
