package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;

/**
 * Agencies answer in time for the rapid review: within their 8 working days, but 5 working days
 * before the rapid review is due, and never in fewer than 3; a case recorded too late for both
 * tells the coordinators at once. Aware Monday 22 December 2025: the rapid review is due Thursday
 * 15 January 2026, and 5 working days before it is Thursday 8 January.
 */
class AgencyTimeBeforeRapidReviewTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3134);

  List<MimeMessage> atRiskMails(String reference) {
    return Arrays.stream(workflowEngine.smtp().getReceivedMessages())
        .filter(m -> subject(m).startsWith(reference + ": the rapid review cannot be met")).toList();
  }

  @ParameterizedTest(name = "recorded {0}: agencies due {1}")
  @CsvSource({
      // recorded on    agencies due  (counted by hand)
      "2025-12-22T10:00, 2026-01-06", // 8 working days: 23, 24, 29, 30, 31, 2, 5, 6 — before the 8th
      "2025-12-31T10:00, 2026-01-08", // 8 would be the 13th: held to the 8th, 5 working days after asking
      "2026-01-02T10:00, 2026-01-08", // 8 would be the 14th; the 8th is 4 after asking, above the minimum of 3
      "2026-01-05T10:00, 2026-01-08"}) // the 8th is exactly the minimum: 6, 7, 8
  void agenciesAnswerFiveWorkingDaysBeforeTheRapidReview(String recordedAt, String due) {
    Workflow workflow = workflowEngine.workflow();
    clockAt(recordedAt);
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);

    assertThat(workflow.caseVariable(caseInstance, "rapidReviewDue")).isEqualTo("2026-01-15");
    assertThat(workflow.caseVariable(caseInstance, "agencyResponseDue")).isEqualTo(due);
    ProcessInstance police = workflowEngine.engine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-agency-request")
        .list().get(0);
    assertThat(workflow.caseVariable(police, "responseDue")).isEqualTo(due);
    assertThat(atRiskMails(caseInstance.getBusinessKey())).isEmpty();
  }

  @Test
  void countedFromTheNotificationTheAgenciesAreHeldToTheFifteenthWorkingDayFromAwarenessMeanwhile() {
    var deadlines = new SetStatutoryDeadlinesDelegate(uk.cspr.testing.Calendars.shipped(),
        uk.cspr.timescales.Timescales.of(java.util.Map.of("rapid-review-clock-starts-at", "NOTIFICATION")))
        .deadlines(java.time.LocalDate.of(2025, 12, 22), java.time.LocalDate.of(2025, 12, 31), true);
    assertThat(deadlines.rapidReviewDue()).isNull(); // the notification sets it
    assertThat(deadlines.agencyResponseDue()).isEqualTo(java.time.LocalDate.of(2026, 1, 8));
    assertThat(deadlines.rapidReviewAtRisk()).isFalse();
  }

  @Test
  void aCaseRecordedTooLateGivesTheAgenciesTheirMinimumAndTellsTheCoordinatorsAtOnce() {
    Workflow workflow = workflowEngine.workflow();
    clockAt("2026-01-06T10:00"); // the 8th is only 2 working days away: the minimum, 3, wins
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);

    assertThat(workflow.caseVariable(caseInstance, "agencyResponseDue")).isEqualTo("2026-01-09");
    assertThat(workflow.caseVariable(caseInstance, "rapidReviewAtRisk")).isEqualTo(true);
    assertThat(workflow.passed(caseInstance, "Task_WarnRapidReviewAtRisk")).isTrue();
    List<MimeMessage> warned = atRiskMails(caseInstance.getBusinessKey());
    assertThat(recipients(warned).stream().distinct()).containsExactlyInAnyOrder("demo@example.org", "coordinator@example.org");
    assertThat(subject(warned.get(0))).isEqualTo(caseInstance.getBusinessKey()
        + ": the rapid review cannot be met by Thursday 15 January 2026");
    assertThat(plainText(warned.get(0))).contains("Friday 9 January 2026").contains("Monday 22 December 2025")
        .contains("/camunda/app/cockpit/default/#/process-instance/" + caseInstance.getId());
    workflowEngine.engine().getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      assertThat(workflowEngine.caseFiles().file(caseInstance.getBusinessKey()).recorded())
          .extracting(uk.cspr.casefile.CaseFile.Fact::key).contains("rapidReviewAtRisk");
    } finally {
      workflowEngine.engine().getIdentityService().clearAuthentication();
    }
    // and the case goes on as any other: the notification and the agencies are asked
    assertThat(workflow.openTaskKeys(caseInstance)).contains("notifyPanel", "provideInformation");
  }
}
