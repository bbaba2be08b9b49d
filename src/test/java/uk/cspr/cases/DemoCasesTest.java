package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.localreview.LocalReview;
import uk.cspr.notification.Notification;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Workflow;

/** A newcomer finds work waiting: demo cases in realistic states, created once, children only by reference. */
@CsprSpringTest
class DemoCasesTest {

  @Autowired ProcessEngine engine;
  @Autowired DemoCases demoCases;
  @Autowired GreenMail demoSmtpServer;

  ProcessInstance demoCase(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKey(reference).singleResult();
  }

  @Test
  void theDemoHasAnOverdueNotificationOneOnTimeADecisionNotToNotifyTwoChildrenOneWithThePanelAndALocalReview() throws Exception {
    Workflow workflow = new Workflow(engine);
    LocalDate today = WorkingDays.todayInEngland();

    ProcessInstance overdue = demoCase("DEMO-2026-0001");
    assertThat(workflow.openTaskKeys(overdue)).contains(Notification.TASK_NOTIFY_PANEL, Notification.TASK_CONFIRM_PARTNERS_TOLD);
    assertThat(LocalDate.parse((String) engine.getRuntimeService().getVariable(overdue.getId(), "notificationDue")))
        .isBefore(today);
    assertThat(workflow.task(overdue, Notification.TASK_NOTIFY_PANEL).getDueDate()).isInThePast();

    ProcessInstance onTime = demoCase("DEMO-2026-0002");
    assertThat(workflow.task(onTime, Notification.TASK_NOTIFY_PANEL).getDueDate()).isInTheFuture();

    ProcessInstance notNotifiable = demoCase("DEMO-2026-0003");
    assertThat(workflow.openTaskKeys(notNotifiable)).containsExactly(CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION);

    // two children: the baby's suspected neglect takes it to the Panel, the care leaver's death to DfE and Ofsted
    ProcessInstance twoChildren = demoCase("DEMO-2026-0004");
    assertThat(engine.getRuntimeService().getVariable(twoChildren.getId(), "notificationRoute")).isEqualTo("PANEL");
    assertThat(engine.getRuntimeService().getVariable(twoChildren.getId(), "dfeAndOfstedMustBeNotified")).isEqualTo(true);
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(twoChildren.getId(), "childReferences")))
        .containsExactly("LCS-6610-E", "LCS-6611-F");
    assertThat(workflow.openTaskKeys(twoChildren)).contains(Notification.TASK_NOTIFY_PANEL)
        .doesNotContain(Notification.TASK_NOTIFY_DFE_AND_OFSTED);

    // a rapid review with the Panel since its 15th working day, and no response 15 working days on: to chase
    ProcessInstance withThePanel = demoCase("DEMO-2026-0005");
    workflow.executeDueJobs(withThePanel);
    assertThat(workflow.openTaskKeys(withThePanel)).contains("chasePanelResponse", "recordPanelResponse");
    assertThat(engine.getRuntimeService().getVariable(withThePanel.getId(), "rapidReviewOnTime")).isEqualTo(true);
    // sent on time, its rapid review ended as it was seeded: nobody is told it is overdue
    assertThat(workflow.stage(withThePanel, "cspr-rapid-review")).isNull();
    assertThat(Arrays.stream(demoSmtpServer.getReceivedMessages()).map(DemoCasesTest::subject))
        .noneSatisfy(s -> assertThat(s).startsWith("DEMO-2026-0005: overdue"));

    // a local review decided at the rapid review weeks ago and agreed by the Panel: the reviewer appointed
    // and the terms agreed, its six months counted from the decision, its tasks waiting for the coordinators
    ProcessInstance inItsLocalReview = demoCase("DEMO-2026-0006");
    assertThat(engine.getRuntimeService().getActiveActivityIds(inItsLocalReview.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(inItsLocalReview.getId(), "panelOutcome")).isEqualTo("LOCAL_REVIEW_AGREED");
    LocalDate decidedOn = LocalDate.parse((String) engine.getRuntimeService().getVariable(inItsLocalReview.getId(), "localReviewDecisionOn"));
    assertThat(decidedOn).isBeforeOrEqualTo(today.minusWeeks(3));
    ProcessInstance review = workflow.stage(inItsLocalReview, LocalReview.KEY);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "localReviewDue")).isEqualTo(decidedOn.plusMonths(6).toString());
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewerIndependenceDeclared")).isEqualTo("YES");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0006")
        .taskCandidateGroup("cspr-coordinators").list()).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .contains(LocalReview.TASK_RECEIVE_REPORT, LocalReview.TASK_FAMILY, LocalReview.TASK_PRACTITIONERS,
            LocalReview.TASK_WRITE_TO_REVIEWER)
        .doesNotContain(LocalReview.TASK_INFORM, LocalReview.TASK_APPOINT_REVIEWER, LocalReview.TASK_AGREE_TERMS, "chasePanelResponse");
    assertThat(workflow.openTaskKeys(inItsLocalReview)).contains("provideInformation");
    // the reviewer's link is mailed as the demo starts, and opens the task for her report
    workflow.executeDueJobs(inItsLocalReview);
    assertThat(Arrays.stream(demoSmtpServer.getReceivedMessages())
        .filter(m -> subject(m).equals("DEMO-2026-0006: your link for sending the review's report")))
        .singleElement().satisfies(m -> {
          assertThat(uk.cspr.testing.Mails.recipients(m)).containsExactly("jo.marlow@example.org");
          assertThat(uk.cspr.testing.Mails.plainText(m)).contains("http://localhost:8080/review/");
        });
    assertThat(workflow.openTaskKeys(inItsLocalReview)).doesNotContain("chasePanelResponse");

    // the overdue case's reminder and escalation are already due: the job executor sends them at once
    workflow.executeDueJobs(overdue);
    assertThat(Arrays.stream(demoSmtpServer.getReceivedMessages()).map(DemoCasesTest::subject))
        .anySatisfy(s -> assertThat(s).startsWith("DEMO-2026-0001: overdue"))
        .noneSatisfy(s -> assertThat(s).startsWith("DEMO-2026-0002"));
  }

  @Test
  void seedingAgainChangesNothing() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    long tasksBefore = engine.getHistoryService().createHistoricTaskInstanceQuery().count();
    demoCases.seed();
    demoCases.seed();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count())
        .isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKeyLike("DEMO-2026-%").count()).isEqualTo(6);
    // no stage started again, no task created or completed again
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().count()).isEqualTo(tasksBefore);
  }

  @Test
  void everyDemoChildIsKnownOnlyByAPseudonymousReferenceNeverAName() {
    var cases = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .processInstanceBusinessKeyLike("DEMO-2026-%").list();
    assertThat(cases).hasSize(6).allSatisfy(c -> assertThat(Workflow.jsonStrings(engine.getRuntimeService()
        .getVariable(c.getId(), "childReferences"))).isNotEmpty().allMatch(reference -> reference.matches("LCS-\\d{4}-[A-Z]")));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
