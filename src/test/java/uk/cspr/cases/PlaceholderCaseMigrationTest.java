package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import java.util.List;
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
 * No case is stranded on the placeholder: cases waiting there move to the newest case version (its
 * notification still running under it), cases still asking their agencies stay until they have
 * finished asking, and two nodes moving at once move each case once.
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
    ProcessInstance waiting = caseAtThePlaceholder();
    ProcessInstance asking = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(asking);
    String before = waiting.getProcessDefinitionId();
    long requestsBefore = requests(waiting);
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).as("nothing newer to move to").isZero();

    ProcessDefinition newer = deployANewVersion();
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isEqualTo(1);
    assertThat(definitionOf(waiting)).isEqualTo(newer.getId());
    assertThat(definitionOf(asking)).isEqualTo(before);
    // its notification, still running, is still the case's own; no agency is asked again
    ProcessInstance notification = workflow.stage(waiting, Notification.KEY);
    assertThat(notification).isNotNull();
    assertThat(requests(waiting)).isEqualTo(requestsBefore);

    workflow.complete(waiting, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-1",
        "notifiedOn", "2025-12-22");
    workflow.complete(waiting, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-22");
    workflow.complete(waiting, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(waiting.getId())
        .singleResult().getEndTime()).as("the moved case runs on to its end").isNotNull();
    assertThat(requests(waiting)).isEqualTo(requestsBefore);

    answerEveryRequest(asking);
    assertThat(workflow.task(asking, CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE)).isNotNull();
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).isEqualTo(1);
    assertThat(definitionOf(asking)).isEqualTo(newer.getId());
    assertThat(migration.moveCasesWaitingAtThePlaceholder()).as("nothing left to move").isZero();
  }

  @Test
  void twoNodesMovingAtOnceMoveEachCaseOnce() throws Exception {
    clockAt("2025-12-22T10:00");
    List<ProcessInstance> cases = List.of(caseAtThePlaceholder(), caseAtThePlaceholder(), caseAtThePlaceholder());
    ProcessDefinition newer = deployANewVersion();
    // with any case an earlier test left at the placeholder on an older version
    long waiting = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .activityIdIn(CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE).list().stream()
        .filter(c -> !c.getProcessDefinitionId().equals(newer.getId())).count();

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

  private ProcessInstance caseAtThePlaceholder() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
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

  /**
   * What the application's deployer does when a process or form has changed: every resource again,
   * a new version of each (here the case's diagram gains a word, as a real change would change it).
   */
  private ProcessDefinition deployANewVersion() {
    var deployment = engine.getRepositoryService().createDeployment().name(ProcessResourceDeployer.DEPLOYMENT_NAME);
    try {
      for (String root : List.of("processes", "forms")) {
        for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath*:" + root + "/*")) {
          String content = resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
          if (resource.getFilename().equals("cspr-case.bpmn")) {
            content = content.replace("name=\"Child safeguarding practice review case\"",
                "name=\"Child safeguarding practice review case (newer)\"");
          }
          deployment.addString(root + "/" + resource.getFilename(), content);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    deployment.deploy();
    ProcessDefinition newest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult();
    assertThat(newest.getName()).endsWith("(newer)");
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
