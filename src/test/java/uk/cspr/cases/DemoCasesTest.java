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
import uk.cspr.learning.Learning;
import uk.cspr.localreview.LocalReview;
import uk.cspr.notification.Notification;
import uk.cspr.publication.Publication;
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
  void theDemoHasALocalReviewInItsPublicationAndLearningALearningWithALateActionAndANationalReviewSupported() throws Exception {
    Workflow workflow = new Workflow(engine);
    LocalDate today = WorkingDays.todayInEngland();

    // the local review signed off weeks ago: the report may be published today, and the action plan is out
    ProcessInstance published = demoCase("DEMO-2026-0007");
    assertThat(engine.getRuntimeService().getActiveActivityIds(published.getId()))
        .containsExactlyInAnyOrder(CaseProcess.CALL_PUBLICATION, CaseProcess.CALL_LEARNING_FROM_LOCAL_REVIEW);
    LocalDate signedOff = LocalDate.parse((String) workflow.caseVariable(published, "finalReportSignedOffOn"));
    assertThat(signedOff).isBeforeOrEqualTo(today.minusWeeks(4));
    assertThat(workflow.caseVariable(published, "localReviewOnTime")).isEqualTo(true);
    ProcessInstance publication = workflow.stage(published, Publication.KEY);
    var stage = engine.getRuntimeService().getVariables(publication.getId());
    assertThat(stage).containsEntry("publicationType", "FULL").containsEntry("familyToldOfPublication", "YES")
        .containsEntry("publicationHold", "NO_HOLD");
    assertThat(LocalDate.parse((String) stage.get("earliestPublicationDate"))).isBeforeOrEqualTo(today);
    assertThat(LocalDate.parse((String) stage.get("finalReportSentOn"))).isAfterOrEqualTo(signedOff).isBefore(today);
    assertThat(workflow.openTaskKeys(published)).contains(Publication.TASK_RECORD, Learning.TASK_PARTNERS_ACTION)
        .doesNotContain(Publication.TASK_SEND, Learning.TASK_RECORD_ACTION_PLAN);
    // the version checked for anonymisation is attached, a PDF as the partnership accepts one
    String checkTask = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(publication.getId())
        .taskDefinitionKey(Publication.TASK_CHECK_ANONYMISATION).singleResult().getId();
    assertThat(engine.getTaskService().getTaskAttachments(checkTask)).singleElement().satisfies(document -> {
      byte[] content = engine.getTaskService().getAttachmentContent(document.getId()).readAllBytes();
      assertThat(uk.cspr.agency.AgencyDocuments.typeOf(document.getName(), content)).isEqualTo("application/pdf");
    });
    // health's action, due in a few weeks, asked of health with the evidence form
    var healthsAction = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0007")
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-health").list().stream()
        .filter(t -> Learning.FORM_ACTION_EVIDENCE.equals(engine.getTaskService().getVariable(t.getId(), "requestForm")))
        .toList();
    assertThat(healthsAction).singleElement().satisfies(t -> assertThat(t.getDueDate()).isAfter(
        java.util.Date.from(today.plusWeeks(2).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant())));

    // no further review: the early years action is late, and the managers are told as the job executor starts
    ProcessInstance noFurtherReview = demoCase("DEMO-2026-0008");
    assertThat(engine.getRuntimeService().getActiveActivityIds(noFurtherReview.getId())).containsExactly(CaseProcess.CALL_LEARNING);
    assertThat(workflow.caseVariable(noFurtherReview, "panelOutcome")).isEqualTo("NO_REVIEW_AGREED");
    assertThat(workflow.caseVariable(noFurtherReview, "partnersDecision")).isEqualTo("NO_FURTHER_REVIEW");
    ProcessInstance learning = workflow.stage(noFurtherReview, Learning.KEY);
    assertThat(engine.getRuntimeService().getVariable(learning.getId(), "learningFrom")).isEqualTo("RAPID_REVIEW");
    assertThat(engine.getRuntimeService().getVariable(learning.getId(), "action1").toString())
        .contains("\"owner\":\"early-years\"");
    long disseminationAsked = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0008")
        .taskDefinitionKey("provideInformation").list().stream()
        .filter(t -> Learning.FORM_DISSEMINATION.equals(engine.getTaskService().getVariable(t.getId(), "requestForm"))).count();
    assertThat(disseminationAsked).isEqualTo(3);

    // the Panel's national review, supported: education asked for its reviewers, the Panel's report still to come
    ProcessInstance national = demoCase("DEMO-2026-0009");
    assertThat(engine.getRuntimeService().getActiveActivityIds(national.getId()))
        .contains(NationalReviewSupport.TASK_ASK_AGENCY, NationalReviewSupport.TASK_RECORD_REPORT);
    assertThat(workflow.caseVariable(national, "partnersDecision")).isEqualTo("SUPPORT_NATIONAL_REVIEW");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0009")
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-education").count()).isEqualTo(1);

    // as the job executor starts: health's request with its link, the publication allowed, the late action told
    workflow.executeDueJobs(published);
    workflow.executeDueJobs(noFurtherReview);
    workflow.executeDueJobs(national);
    var mails = Arrays.asList(demoSmtpServer.getReceivedMessages());
    assertThat(mails).filteredOn(m -> subject(m).startsWith("DEMO-2026-0007: request for information")
            && uk.cspr.testing.Mails.recipients(m).contains("health-lead@example.org")
            && uk.cspr.testing.Mails.plainText(m).contains("Action 1 of the safeguarding partners' action plan"))
        .singleElement().satisfies(m -> assertThat(uk.cspr.testing.Mails.plainText(m)).contains("http://localhost:8080/respond/"));
    assertThat(mails).map(DemoCasesTest::subject)
        .anySatisfy(s -> assertThat(s).startsWith("DEMO-2026-0007: the review's report may be published from"))
        .anySatisfy(s -> assertThat(s).startsWith("DEMO-2026-0008: late: action 1 of the action plan"))
        .anySatisfy(s -> assertThat(s).startsWith("DEMO-2026-0009: request for information"));
    assertThat(mails).filteredOn(m -> subject(m).startsWith("DEMO-2026-0008: late: action 1"))
        // to the manager's address as it is now (another test in this context changes it, as an administrator would)
        .allSatisfy(m -> assertThat(uk.cspr.testing.Mails.recipients(m)).contains(
            engine.getIdentityService().createUserQuery().userId("manager").singleResult().getEmail()));
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
        .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKeyLike("DEMO-2026-%").count()).isEqualTo(9);
    // no stage started again, no task created or completed again
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().count()).isEqualTo(tasksBefore);
  }

  @Test
  void everyDemoChildIsKnownOnlyByAPseudonymousReferenceNeverAName() {
    var cases = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .processInstanceBusinessKeyLike("DEMO-2026-%").list();
    assertThat(cases).hasSize(9).allSatisfy(c -> assertThat(Workflow.jsonStrings(engine.getRuntimeService()
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
