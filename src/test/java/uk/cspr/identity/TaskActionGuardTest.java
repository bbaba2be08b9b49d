package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * The task rules on the plain engine: what a person (a call with a Camunda authentication) may
 * send with a task, and that the engine's own work is not held to them.
 */
class TaskActionGuardTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3133);

  ProcessEngine engine;
  static int requests;

  @BeforeEach
  void parts() {
    engine = workflowEngine.engine();
  }

  @AfterEach
  void nobody() {
    engine.getIdentityService().clearAuthentication();
  }

  Task askThePolice() {
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY,
        "NSCP-GUARD-" + ++requests, Map.of("agencyId", "police", "requestText", "Your involvement.",
            "responseDue", WorkingDays.todayInEngland().plusDays(14).toString()));
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  void asThePolice() {
    engine.getIdentityService().setAuthentication("police-lead", List.of("agency-police"));
  }

  @Test
  void aPersonAnswersOnlyWhatTheFormAsks() {
    Task task = askThePolice();
    asThePolice();
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Workflow.with(Workflow.agencyAnswers(), "contactEmail", "attacker@example.net")))
        .isInstanceOf(Refusal.class).hasMessageContaining("contactEmail is not a question on this task's form");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
        Workflow.with(Workflow.agencyAnswers(), "involvement", Variables.objectValue(List.of("a")).create())))
        .isInstanceOf(Refusal.class).hasMessageContaining("Your agency's involvement with the child and family must be text");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
        Workflow.with(Workflow.agencyAnswers(), "involvement", Variables.byteArrayValue(new byte[] {1}))))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Workflow.with(Workflow.agencyAnswers(), "involvement", "Visits\u0000 in 2025")))
        .isInstanceOf(Refusal.class).hasMessageContaining("Your agency's involvement with the child and family contains a character that is not text");
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "contactEmail")).isNull();

    engine.getFormService().submitTaskForm(task.getId(), Workflow.agencyAnswers());
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void noPersonThrowsABpmnErrorOrEscalationOnATask() {
    Task task = askThePolice();
    asThePolice();
    assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(task.getId(), "AgencyRequestWithdrawn"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("finished by completing its form");
    assertThatThrownBy(() -> engine.getTaskService().handleEscalation(task.getId(), "Anything"))
        .isInstanceOf(AuthorizationException.class);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void aBpmnErrorNothingCatchesIsAnExceptionNotASilentEnd() {
    Task task = askThePolice(); // the engine's own call, which the task rules leave alone
    assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(task.getId(), "AgencyRequestWithdrawn"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("AgencyRequestWithdrawn");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void aPersonClaimsForThemselvesAndHandsTheirTaskBack() {
    Task task = askThePolice();
    asThePolice();
    engine.getTaskService().claim(task.getId(), "police-lead");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("police-lead");
    engine.getTaskService().setAssignee(task.getId(), null);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void theEnginesOwnWorkIsNotHeldToThePersonsRules() {
    Task task = askThePolice();
    // no authentication: the application's server code, a delegate, a test
    engine.getTaskService().complete(task.getId(), Workflow.with(Workflow.agencyAnswers(), "noteForTheRecord", "kept"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("noteForTheRecord").singleResult().getValue()).isEqualTo("kept");
  }

  @Test
  void aCommandWithoutTheFieldTheRulesReadIsRefusedNotWaved() {
    assertThatThrownBy(() -> uk.cspr.engine.EngineCommands.field(new Object(), "taskId"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the command is refused");
  }
}
