package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.engine.ProcessResourceDeployer;
import uk.cspr.notification.Notification;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.LaterStages;
import uk.cspr.testing.WorkflowEngine;

/**
 * No case is stranded on the placeholder of the version before the rapid review stage: cases waiting
 * there move to the newest case version (their notification still running under them) and start the
 * rapid review at its meeting without asking their agencies again; cases still asking their agencies
 * stay until they have finished asking; two nodes moving at once move each case once. Nor on the
 * version before the local review stage: a case waiting for it moves and goes on into its local review,
 * its six months counted from the partners' decision, and one still with the Panel reaches it when the
 * Panel answers; cases that waited for the stages after it (publication, the national review's support, learning)
 * move on into them.
 */
class PlaceholderCaseMigrationTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3183);

  ProcessEngine engine;
  Workflow workflow;
  PlaceholderCaseMigration migration;
  LaterStages laterStages;

  @BeforeEach
  void theEngine() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    migration = new PlaceholderCaseMigration(engine);
    laterStages = new LaterStages(engine);
  }

  @Test
  void aCaseAtThePlaceholderMovesAndACaseStillAskingItsAgenciesMovesOnlyOnceItHasAsked() {
    clockAt("2025-12-22T10:00");
    ProcessDefinition earlier = deployTheVersionBeforeTheRapidReview();
    ProcessInstance waiting = caseAtThePlaceholder(earlier);
    ProcessInstance asking = engine.getRuntimeService().startProcessInstanceById(earlier.getId(),
        panelIncident("2025-12-22"));
    workflow.executeDueJobs(asking);
    String before = waiting.getProcessDefinitionId();
    long requestsBefore = requests(waiting);
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).as("nothing newer to move to").isZero();

    ProcessDefinition newer = deployANewVersion();
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isEqualTo(1);
    assertThat(definitionOf(waiting)).isEqualTo(newer.getId());
    assertThat(definitionOf(asking)).isEqualTo(before);
    // its task says what it now does, not "stage not yet built"
    assertThat(workflow.task(waiting, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE).getName())
        .isEqualTo(waiting.getBusinessKey() + ": Start the rapid review of a case recorded before it");
    assertThat(workflow.task(waiting, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE).getDescription())
        .contains("the agencies are not asked again");
    // its notification, still running, is still the case's own; no agency is asked again
    ProcessInstance notification = workflow.stage(waiting, Notification.KEY);
    assertThat(notification).isNotNull();
    assertThat(requests(waiting)).isEqualTo(requestsBefore);

    workflow.complete(waiting, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-1",
        "notifiedOn", "2025-12-22");
    workflow.complete(waiting, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-22");
    workflow.complete(waiting, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE);
    // the rapid review starts at its meeting, the agencies' earlier answers its own, nobody asked again
    assertThat(workflow.stage(waiting, "cspr-rapid-review")).isNotNull();
    workflow.executeDueJobs(waiting);
    assertThat(requests(waiting)).isEqualTo(requestsBefore);
    var meeting = workflow.task(waiting, "recordRapidReviewMeeting");
    assertThat(meeting).isNotNull();
    assertThat(String.valueOf(engine.getTaskService().getVariable(meeting.getId(), "agencyAnswersSoFar")))
        .startsWith(requestsBefore + " of " + requestsBefore + " agencies have answered");

    answerEveryRequest(asking);
    assertThat(workflow.task(asking, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE)).isNotNull();
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isEqualTo(1);
    assertThat(definitionOf(asking)).isEqualTo(newer.getId());
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).as("nothing left to move").isZero();
  }

  @Test
  void aCaseInItsRapidReviewOnTheVersionBeforeThePanelDecisionMovesAndGoesOnToThePanel() {
    clockAt("2025-12-22T10:00");
    ProcessDefinition earlier = deploy(Map.of("processes/cspr-case.bpmn", "earlier/cspr-case-before-panel-decision.bpmn"), true);
    ProcessInstance reviewing = engine.getRuntimeService().startProcessInstanceById(earlier.getId(), panelIncident("2025-12-22"));
    workflow.executeDueJobs(reviewing);
    answerEveryRequest(reviewing);
    ProcessInstance review = workflow.stage(reviewing, "cspr-rapid-review");

    ProcessDefinition newer = deployANewVersion();
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isGreaterThanOrEqualTo(1);
    assertThat(definitionOf(reviewing)).isEqualTo(newer.getId());
    // the stage it had called runs on, its own, on its own version
    assertThat(workflow.stage(reviewing, "cspr-rapid-review").getId()).isEqualTo(review.getId());

    workflow.complete(reviewing, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-2", "notifiedOn", "2025-12-22");
    workflow.complete(reviewing, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-22");
    workflow.sendTheRapidReviewToThePanel(reviewing, "2025-12-22", "2025-12-22");
    // its old version would have closed the case here; it waits on the Panel instead
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(reviewing.getId())
        .activityIdIn(CaseProcess.CALL_PANEL_DECISION).count()).isEqualTo(1);
    assertThat(workflow.task(reviewing, "recordPanelResponse")).isNotNull();
  }

  @Test
  void twoNodesMovingAtOnceMoveEachCaseOnce() throws Exception {
    clockAt("2025-12-22T10:00");
    ProcessDefinition earlier = deployTheVersionBeforeTheRapidReview();
    List<ProcessInstance> cases = List.of(caseAtThePlaceholder(earlier), caseAtThePlaceholder(earlier),
        caseAtThePlaceholder(earlier));
    ProcessDefinition newer = deployANewVersion();
    // with any case an earlier test left on an older version, at the placeholder or in a stage before the Panel's
    // decision, but not one still asking its agencies from the case itself
    long waiting = casesToMove(newer);

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    assertThat(waiting).isGreaterThanOrEqualTo(3);
    assertThat(one.get() + other.get()).as("each moved once, by one node or the other").isEqualTo((int) waiting);
    assertThat(cases).allSatisfy(c -> assertThat(definitionOf(c)).isEqualTo(newer.getId()));
  }

  @Test
  void aCaseWaitingForTheLocalReviewStageMovesIntoItsLocalReviewCountedFromTheDecisionAndOneWithThePanelReachesItOnItsResponse() {
    ProcessDefinition earlier = deployTheVersionBeforeTheLocalReview();
    ProcessInstance waiting = caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED");
    ProcessInstance withThePanel = caseThePanelAnswered(earlier, null);
    ProcessInstance supporting = caseThePanelAnswered(earlier, "NATIONAL_REVIEW");
    ProcessInstance learning = caseThePanelAnswered(earlier, "NO_REVIEW_AGREED");
    assertThat(engine.getRuntimeService().getActiveActivityIds(waiting.getId())).containsExactly(CaseProcess.AWAIT_LOCAL_REVIEW_STAGE);
    assertThat(engine.getRuntimeService().getActiveActivityIds(supporting.getId()))
        .containsExactly(CaseProcess.AWAIT_NATIONAL_REVIEW_SUPPORT_STAGE);
    assertThat(engine.getRuntimeService().getActiveActivityIds(learning.getId())).containsExactly(CaseProcess.AWAIT_LEARNING_STAGE);
    ProcessInstance panelDecision = workflow.stage(withThePanel, "cspr-panel-decision");
    // the version they are on is still the newest: there is nowhere to go, and nobody is moved on
    migration.moveCasesWaitingAtThePlaceholder();
    assertThat(List.of(waiting, withThePanel, supporting, learning))
        .allSatisfy(c -> assertThat(definitionOf(c)).isEqualTo(earlier.getId()));
    assertThat(localReviewsOf(waiting)).isZero();

    // weeks after the decision of Monday 12 January, the release with the local review stage starts
    clockAt("2026-03-02T10:00");
    ProcessDefinition newer = deployANewVersion();
    migration.moveCasesWaitingAtThePlaceholder();

    assertThat(definitionOf(waiting)).isEqualTo(newer.getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(waiting.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
    ProcessInstance review = workflow.stage(waiting, "cspr-local-review");
    // its six months still run from the decision, not from the day it moved
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "localReviewDecisionOn")).isEqualTo("2026-01-12");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "localReviewDue")).isEqualTo("2026-07-12");
    assertThat(workflow.openTaskKeys(waiting)).contains("informOfLocalReview");
    assertThat(workflow.passed(waiting, CaseProcess.AWAIT_LOCAL_REVIEW_STAGE)).isTrue();

    // the one still with the Panel moves, its Panel decision running on as it was, and goes on once the Panel answers
    assertThat(definitionOf(withThePanel)).isEqualTo(newer.getId());
    assertThat(workflow.stage(withThePanel, "cspr-panel-decision").getId()).isEqualTo(panelDecision.getId());
    respond(withThePanel, "LOCAL_REVIEW_AGREED");
    assertThat(engine.getRuntimeService().getActiveActivityIds(withThePanel.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(withThePanel, "cspr-local-review").getId(), "localReviewDue"))
        .isEqualTo("2026-07-12");

    // the others' stages are installed too now: the national review's support, and the learning
    assertThat(definitionOf(supporting)).isEqualTo(newer.getId());
    assertThat(workflow.openTaskKeys(supporting)).containsExactly(NationalReviewSupport.TASK_ASK_AGENCY,
        NationalReviewSupport.TASK_RECORD_REPORT);
    assertThat(definitionOf(learning)).isEqualTo(newer.getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(learning.getId())).containsExactly(CaseProcess.CALL_LEARNING);
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(learning, "cspr-learning").getId(), "learningFrom"))
        .isEqualTo("RAPID_REVIEW");

    // the next start finds nothing to do: each case moved once and went into one local review
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isZero();
    assertThat(localReviewsOf(waiting)).isEqualTo(1);
    assertThat(localReviewsOf(withThePanel)).isEqualTo(1);
    assertThat(engine.getRuntimeService().getActiveActivityIds(waiting.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(learning.getId())
        .processDefinitionKey("cspr-learning").count()).isEqualTo(1);
  }

  @Test
  void aCaseWaitingForPublicationMovesIntoItsPublicationAndLearningAndOneInItsLocalReviewGoesOnToThemWhenSignedOff() {
    clockAt("2025-12-22T10:00");
    ProcessDefinition earlier = deploy(Map.of("processes/cspr-case.bpmn", "earlier/cspr-case-before-learning.bpmn"), true);
    ProcessInstance signedOff = caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED");
    ProcessInstance reviewing = caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED");
    clockAt("2026-02-16T10:00");
    laterStages.commissionTheLocalReview(signedOff);
    laterStages.commissionTheLocalReview(reviewing);
    clockAt("2026-06-01T10:00");
    laterStages.finishTheLocalReview(signedOff);
    assertThat(engine.getRuntimeService().getActiveActivityIds(signedOff.getId())).containsExactly(CaseProcess.AWAIT_PUBLICATION_STAGE);

    clockAt("2026-06-08T10:00");
    ProcessDefinition newer = deployANewVersion();
    migration.moveCasesWaitingAtThePlaceholder();
    // the signed-off case goes on to both: the report published, and the partners' action plan begun
    assertThat(definitionOf(signedOff)).isEqualTo(newer.getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(signedOff.getId()))
        .containsExactlyInAnyOrder(CaseProcess.CALL_PUBLICATION, CaseProcess.CALL_LEARNING_FROM_LOCAL_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(signedOff, "cspr-publication").getId(),
        "finalReportSignedOffOn")).isEqualTo("2026-06-01");
    assertThat(workflow.openTaskKeys(signedOff)).contains("decidePublication", "recordActionPlan");
    // the one still in its local review moves with it running on as it was, and goes to both once signed off
    assertThat(definitionOf(reviewing)).isEqualTo(newer.getId());
    laterStages.finishTheLocalReview(reviewing);
    assertThat(engine.getRuntimeService().getActiveActivityIds(reviewing.getId()))
        .containsExactlyInAnyOrder(CaseProcess.CALL_PUBLICATION, CaseProcess.CALL_LEARNING_FROM_LOCAL_REVIEW);
    // a second start moves nobody again
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(signedOff.getId())
        .processDefinitionKey("cspr-publication").count()).isEqualTo(1);
  }

  @Test
  void aCaseWhoseLocalReviewCannotStartWaitsNamedInAnErrorWhileTheOthersMoveOnAndMovesOnOncePutRight() {
    ProcessDefinition earlier = deployTheVersionBeforeTheLocalReview();
    ProcessInstance withoutItsDate = caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED");
    ProcessInstance sound = caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED");
    // its decision's date lost (removed by hand, say): the stage cannot count its six months, and refuses to start
    engine.getRuntimeService().removeVariable(withoutItsDate.getId(), "localReviewDecisionOn");
    clockAt("2026-03-02T10:00");
    ProcessDefinition newer = deployANewVersion();

    List<String> errors = errorsLoggedWhile(() -> migration.moveCasesWaitingAtThePlaceholder());
    assertThat(definitionOf(withoutItsDate)).isEqualTo(newer.getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(withoutItsDate.getId()))
        .containsExactly(CaseProcess.AWAIT_LOCAL_REVIEW_STAGE);
    assertThat(localReviewsOf(withoutItsDate)).isZero();
    assertThat(errors).singleElement().asString().contains(withoutItsDate.getBusinessKey())
        .contains("could not move on").contains("localReviewDecisionOn is required");
    assertThat(engine.getRuntimeService().getActiveActivityIds(sound.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);

    // put right, it moves on at the next start, already on the newest version
    engine.getRuntimeService().setVariable(withoutItsDate.getId(), "localReviewDecisionOn", "2026-01-12");
    assertThat(errorsLoggedWhile(() -> migration.moveCasesWaitingAtThePlaceholder())).isEmpty();
    assertThat(engine.getRuntimeService().getActiveActivityIds(withoutItsDate.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(withoutItsDate, "cspr-local-review").getId(), "localReviewDue"))
        .isEqualTo("2026-07-12");
    assertThat(localReviewsOf(sound)).isEqualTo(1);
  }

  @Test
  void twoNodesStartingAtOnceMoveEachCaseWaitingForTheLocalReviewOnceAndIntoOneLocalReview() throws Exception {
    ProcessDefinition earlier = deployTheVersionBeforeTheLocalReview();
    List<ProcessInstance> cases = List.of(caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED"),
        caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED"), caseThePanelAnswered(earlier, "LOCAL_REVIEW_AGREED"),
        caseThePanelAnswered(earlier, null));
    clockAt("2026-03-02T10:00");
    ProcessDefinition newer = deployANewVersion();
    long waiting = casesToMove(newer);

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    assertThat(waiting).isGreaterThanOrEqualTo(4);
    assertThat(one.get() + other.get()).as("each moved once, by one node or the other").isEqualTo((int) waiting);
    assertThat(cases).allSatisfy(c -> assertThat(definitionOf(c)).isEqualTo(newer.getId()));
    assertThat(cases.subList(0, 3)).allSatisfy(c -> {
      assertThat(engine.getRuntimeService().getActiveActivityIds(c.getId())).containsExactly(CaseProcess.CALL_LOCAL_REVIEW);
      assertThat(localReviewsOf(c)).as("moved on once, into one local review").isEqualTo(1);
      assertThat(engine.getRuntimeService().getVariable(workflow.stage(c, "cspr-local-review").getId(), "localReviewDue"))
          .isEqualTo("2026-07-12");
    });
    assertThat(engine.getRuntimeService().getActiveActivityIds(cases.get(3).getId())).containsExactly(CaseProcess.CALL_PANEL_DECISION);
  }

  private int afterBarrier(CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return migration.moveCasesWaitingAtThePlaceholder();
  }

  /**
   * Every case a start would move to {@code newer}, this test's and any an earlier test left on an older
   * version at the placeholder or in a stage before the Panel's decision, but not one still asking its
   * agencies from the case itself.
   */
  private long casesToMove(ProcessDefinition newer) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .activityIdIn(PlaceholderCaseMigration.MOVED_FROM.toArray(String[]::new)).list().stream()
        .filter(c -> !c.getProcessDefinitionId().equals(newer.getId()))
        .filter(c -> !engine.getRuntimeService().getActiveActivityIds(c.getId()).contains("CallActivity_AskAgencies")).count();
  }

  /**
   * A case on {@code earlier}, recorded Monday 22 December 2025, its rapid review deciding on a local
   * review on Monday 12 January 2026 and sent on the 15th; the Panel's letter of the 28th recorded, if
   * {@code panelOutcome} is given (a national review the partners then support; no review, where the
   * partners had decided on none), or still awaited.
   */
  private ProcessInstance caseThePanelAnswered(ProcessDefinition earlier, String panelOutcome) {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = engine.getRuntimeService().startProcessInstanceById(earlier.getId(), panelIncident("2025-12-22"));
    clockAt("2025-12-30T15:00");
    workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-3", "notifiedOn", "2025-12-30");
    workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-29");
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-15T11:00");
    workflow.sendTheRapidReviewToThePanel(caseInstance, "2026-01-12", "2026-01-15");
    clockAt("2026-01-29T10:00");
    if ("NO_REVIEW_AGREED".equals(panelOutcome)) {
      engine.getRuntimeService().setVariable(workflow.stage(caseInstance, "cspr-panel-decision").getId(),
          "partnersDecision", "NO_FURTHER_REVIEW");
    }
    if (panelOutcome != null) {
      respond(caseInstance, panelOutcome);
    }
    if ("NATIONAL_REVIEW".equals(panelOutcome)) {
      workflow.complete(caseInstance, "confirmPartnersDecision", "partnersDecision", "SUPPORT_NATIONAL_REVIEW",
          "partnersDecisionOn", "2026-01-29", "partnersDecisionReasons", "The Panel's review covers it.",
          "partnersDecisionAgreedBy", "Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)");
    }
    return caseInstance;
  }

  private void respond(ProcessInstance caseInstance, String panelOutcome) {
    workflow.complete(caseInstance, "recordPanelResponse", "panelOutcome", panelOutcome, "panelResponseOn", "2026-01-28",
        "panelResponseReference", "CSPRP/2026/0042", "panelResponseSummary", "");
  }

  private long localReviewsOf(ProcessInstance caseInstance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey("cspr-local-review").count();
  }

  /** The case as it was before the local review stage: waiting for it at a receive task nothing leaves. */
  private ProcessDefinition deployTheVersionBeforeTheLocalReview() {
    ProcessDefinition earlier = deploy(Map.of("processes/cspr-case.bpmn", "earlier/cspr-case-before-local-review.bpmn"), true);
    assertThat((Object) engine.getRepositoryService().getBpmnModelInstance(earlier.getId())
        .getModelElementById(CaseProcess.CALL_LOCAL_REVIEW)).isNull();
    return earlier;
  }

  /** What the migration logged at ERROR while this ran: the lines an operator is alerted by. */
  private static List<String> errorsLoggedWhile(Runnable run) {
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(PlaceholderCaseMigration.class);
    var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    lines.start();
    logger.addAppender(lines);
    try {
      run.run();
    } finally {
      logger.detachAppender(lines);
    }
    return lines.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
        .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
  }

  private ProcessInstance caseAtThePlaceholder(ProcessDefinition earlier) {
    ProcessInstance caseInstance = engine.getRuntimeService().startProcessInstanceById(earlier.getId(),
        panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);
    answerEveryRequest(caseInstance);
    assertThat(workflow.task(caseInstance, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE)).isNotNull();
    return caseInstance;
  }

  private void answerEveryRequest(ProcessInstance caseInstance) {
    for (var task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey("provideInformation").list()) {
      engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers());
    }
    workflow.executeDueJobs(caseInstance);
  }

  /** The case as it was before the rapid review stage (kept in the tests), with today's stages and forms. */
  private ProcessDefinition deployTheVersionBeforeTheRapidReview() {
    return deploy(Map.of("processes/cspr-case.bpmn", "earlier/cspr-case-before-rapid-review.bpmn",
        "forms/await-stage.form", "earlier/await-stage-before-rapid-review.form"), false);
  }

  /** What the application's deployer does when a process or form has changed: every resource again, a new version of each. */
  private ProcessDefinition deployANewVersion() {
    return deploy(Map.of(), true);
  }

  private ProcessDefinition deploy(Map<String, String> replaced, boolean withRapidReview) {
    var deployment = engine.getRepositoryService().createDeployment().name(ProcessResourceDeployer.DEPLOYMENT_NAME);
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    try {
      for (String root : List.of("processes", "forms")) {
        for (var resource : resolver.getResources("classpath*:" + root + "/*")) {
          String name = root + "/" + resource.getFilename();
          var from = replaced.containsKey(name) ? resolver.getResource("classpath:" + replaced.get(name)) : resource;
          deployment.addString(name, from.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    deployment.deploy();
    ProcessDefinition newest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult();
    assertThat(engine.getRepositoryService().getBpmnModelInstance(newest.getId())
        .getModelElementById("CallActivity_RapidReview") != null).isEqualTo(withRapidReview);
    return newest;
  }

  private String definitionOf(ProcessInstance caseInstance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseInstance.getId())
        .singleResult().getProcessDefinitionId();
  }

  private long requests(ProcessInstance caseInstance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-agency-request").count();
  }
}
