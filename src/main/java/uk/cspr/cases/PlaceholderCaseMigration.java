package uk.cspr.cases;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every case that an older version of {@code cspr-case} would end too soon, or leave waiting for
 * a stage now installed, to the newest version, so that no case is stranded when a stage after it is
 * installed: a case waiting at "Run the rapid review (stage not yet built)"; a case still in its
 * notification, rapid review or the Panel's decision, which its old version would close, or park, when
 * they end; and a case waiting at "Local review: the case waits for its stage", which, once moved, is
 * moved on from there into its local review (its six months still counted from the partners' decision).
 *
 * <p>Only a case whose every current step is in the newest version moves. A case still asking its
 * agencies from the case itself (the first versions) has request instances that a new version could
 * not carry across, so it finishes asking on its old version and moves at a later start, once it
 * reaches the placeholder. A stage a case has already called runs on to its end on its own version:
 * only the case moves. Each case moves, and moves on, in its own command, on a plan the engine has
 * validated; where it refuses one, those cases stay and an error says why, and the node still starts.
 * Several nodes may run this at once: a case another node has just moved, or moved on, is passed over.
 */
public final class PlaceholderCaseMigration {

  private static final Logger log = LoggerFactory.getLogger(PlaceholderCaseMigration.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public PlaceholderCaseMigration(ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  /** @return how many cases this call moved */
  public int moveCasesWaitingAtThePlaceholder() {
    ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(CaseProcess.KEY)
        .latestVersion().withoutTenantId().singleResult();
    if (newest == null || !hasPlaceholder(newest)) {
      return 0;
    }
    int moved = 0;
    for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(CaseProcess.KEY)
        .withoutTenantId().list()) {
      if (older.getVersion() >= newest.getVersion()) {
        continue;
      }
      List<String> waiting = runtime.createProcessInstanceQuery().processDefinitionId(older.getId())
          .activityIdIn(MOVED_FROM.toArray(String[]::new)).list().stream().map(ProcessInstance::getId)
          .filter(caseId -> everyStepIn(newest, caseId)).toList();
      if (waiting.isEmpty()) {
        continue;
      }
      // every activity a waiting case can be in (the placeholders, the notification, rapid review or Panel's
      // decision still running, the join where a finished one waits, the rapid-review-at-risk subscription) keeps its id
      MigrationPlan plan;
      try {
        plan = runtime.createMigrationPlan(older.getId(), newest.getId())
            .mapEqualActivities().updateEventTriggers().build();
      } catch (MigrationPlanValidationException refused) {
        // the cases stay where they are, visible in Cockpit, and the operator is told why; a node that
        // refused to start over them would stop every other case too
        log.error("{} {} of cspr-case version {} cannot move to version {}: {}",
            waiting.size(), waiting.size() == 1 ? "case" : "cases", older.getVersion(), newest.getVersion(),
            refused.getMessage());
        continue;
      }
      for (String caseId : waiting) {
        moved += move(plan, caseId, older);
      }
    }
    renameMovedTasks(newest);
    if (moved > 0) {
      log.info("{} {} moved to cspr-case version {}", moved,
          moved == 1 ? "case" : "cases", newest.getVersion());
    }
    int movedOn = moveOnToInstalledStages(newest);
    if (movedOn > 0) {
      log.info("{} {} moved on from waiting for a stage now installed", movedOn, movedOn == 1 ? "case" : "cases");
    }
    return moved;
  }

  private int move(MigrationPlan plan, String caseId, ProcessDefinition older) {
    try {
      runtime.newMigration(plan).processInstanceIds(caseId).execute();
      return 1;
    } catch (RuntimeException refused) {
      ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult();
      if (now == null || !now.getProcessDefinitionId().equals(older.getId())) {
        return 0; // another node moved (or a person closed) it meanwhile
      }
      // this case stays where it is, visible in Cockpit; the others still move and the node still starts
      log.error("Case {} of cspr-case version {} could not move to the newest version: {}", now.getBusinessKey(),
          older.getVersion(), refused.getMessage());
      return 0;
    }
  }

  /**
   * A task keeps the name and description it was created with: a moved case's placeholder would go on
   * saying "stage not yet built". Every start puts right any the newest version names otherwise.
   */
  private void renameMovedTasks(ProcessDefinition newest) {
    UserTask placeholder = repository.getBpmnModelInstance(newest.getId())
        .getModelElementById(CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE);
    String description = placeholder.getDocumentations().stream().map(d -> d.getTextContent()).findFirst().orElse(null);
    for (Task task : tasks.createTaskQuery().processDefinitionId(newest.getId())
        .taskDefinitionKey(CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE).list()) {
      String reference = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult().getBusinessKey();
      String name = reference + ": " + placeholder.getName();
      if (!name.equals(task.getName())) {
        task.setName(name);
        task.setDescription(description);
        try {
          tasks.saveTask(task);
        } catch (OptimisticLockingException renamedByAnotherNode) {
          // the same name, written by a node starting beside this one
        }
      }
    }
  }

  /**
   * Where a case on an older version would stop, end too soon or wait for a stage the newest version
   * has: the rapid review's placeholder, the stages up to the local review, and the places where a case
   * waited for the stages after the Panel's decision.
   */
  static final List<String> MOVED_FROM = List.of(CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE, CaseProcess.CALL_NOTIFICATION,
      CaseProcess.CALL_RAPID_REVIEW, CaseProcess.CALL_PANEL_DECISION, CaseProcess.AWAIT_LOCAL_REVIEW_STAGE,
      CaseProcess.CALL_LOCAL_REVIEW, CaseProcess.AWAIT_PUBLICATION_STAGE, CaseProcess.AWAIT_NATIONAL_REVIEW_SUPPORT_STAGE,
      CaseProcess.AWAIT_LEARNING_STAGE);

  /** Where a case waited for a stage that the newest version now has: moved, it goes straight on to it. */
  static final List<String> STAGE_PLACEHOLDERS = List.of(CaseProcess.AWAIT_LOCAL_REVIEW_STAGE,
      CaseProcess.AWAIT_PUBLICATION_STAGE, CaseProcess.AWAIT_NATIONAL_REVIEW_SUPPORT_STAGE, CaseProcess.AWAIT_LEARNING_STAGE);

  /**
   * A case moved while waiting for a stage now installed leaves its placeholder for the stage (a
   * receive task, moved on as the engine's {@code signal}). A case moved at an earlier start that did
   * not move on then (its node stopped, or its stage refused to start) is moved on now.
   */
  private int moveOnToInstalledStages(ProcessDefinition newest) {
    var model = repository.getBpmnModelInstance(newest.getId());
    int movedOn = 0;
    for (String placeholder : STAGE_PLACEHOLDERS) {
      if (!(model.getModelElementById(placeholder) instanceof FlowNode node) || node.getOutgoing().isEmpty()) {
        continue; // still waiting for its stage in this version
      }
      for (Execution waiting : runtime.createExecutionQuery().processDefinitionId(newest.getId()).activityId(placeholder).list()) {
        if (moveOn(waiting, placeholder)) {
          movedOn++;
        }
      }
    }
    return movedOn;
  }

  /**
   * Signals one case on from its placeholder, only while it still waits there: listed a moment ago, it
   * may have been moved on by another node since, and a signal then would reach whatever step it waits
   * at next. Two nodes checking in the same instant both signal; the engine's optimistic locking, or the
   * local review's call activity, which takes no signal, refuses the second. A stage that refuses to
   * start (a {@code Refusal} is no {@code ProcessEngineException}) leaves the case waiting, with an error
   * naming it; the other cases still move on and the node still starts.
   */
  private boolean moveOn(Execution waiting, String placeholder) {
    if (!stillAt(waiting, placeholder)) {
      return false;
    }
    try {
      runtime.signal(waiting.getId());
      return true;
    } catch (RuntimeException refused) {
      if (!stillAt(waiting, placeholder)) {
        log.info("Case {} was moved on from {} meanwhile, by another node", reference(waiting), placeholder);
        return false;
      }
      log.error("Case {} waits at {} and could not move on to its stage, now installed: {}", reference(waiting),
          placeholder, refused.getMessage());
      return false;
    }
  }

  private boolean stillAt(Execution waiting, String placeholder) {
    return runtime.createExecutionQuery().executionId(waiting.getId()).activityId(placeholder).count() == 1;
  }

  private String reference(Execution execution) {
    ProcessInstance theCase = runtime.createProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .singleResult();
    return theCase == null ? execution.getProcessInstanceId() : theCase.getBusinessKey();
  }

  private boolean everyStepIn(ProcessDefinition newest, String caseId) {
    var model = repository.getBpmnModelInstance(newest.getId());
    return runtime.getActiveActivityIds(caseId).stream().allMatch(id -> model.getModelElementById(id) != null);
  }

  private boolean hasPlaceholder(ProcessDefinition definition) {
    return repository.getBpmnModelInstance(definition.getId())
        .getModelElementById(CaseProcess.TASK_AWAIT_RAPID_REVIEW_STAGE) != null;
  }
}
