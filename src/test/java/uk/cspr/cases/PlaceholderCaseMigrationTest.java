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
import uk.cspr.testing.WorkflowEngine;

/**
 * No case is stranded on the placeholder of the version before the rapid review stage: cases waiting
 * there move to the newest case version (their notification still running under them) and start the
 * rapid review at its meeting without asking their agencies again; cases still asking their agencies
 * stay until they have finished asking; two nodes moving at once move each case once.
 */
class PlaceholderCaseMigrationTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3183);

  ProcessEngine engine;
  Workflow workflow;
  PlaceholderCaseMigration migration;

  @BeforeEach
  void theEngine() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    migration = new PlaceholderCaseMigration(engine);
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
    long waiting = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .activityIdIn(PlaceholderCaseMigration.MOVED_FROM.toArray(String[]::new)).list().stream()
        .filter(c -> !c.getProcessDefinitionId().equals(newer.getId()))
        .filter(c -> !engine.getRuntimeService().getActiveActivityIds(c.getId()).contains("CallActivity_AskAgencies")).count();

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> afterBarrier(together));
    assertThat(waiting).isGreaterThanOrEqualTo(3);
    assertThat(one.get() + other.get()).as("each moved once, by one node or the other").isEqualTo((int) waiting);
    assertThat(cases).allSatisfy(c -> assertThat(definitionOf(c)).isEqualTo(newer.getId()));
  }

  private int afterBarrier(CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return migration.moveCasesWaitingAtThePlaceholder();
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
