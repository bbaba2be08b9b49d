package uk.cspr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a failed job is tried again: a real failure ten minutes on, four tries in all; a lost race at once. */
class FailedJobRetriesTest {

  /** The task's work: throws what it is given, once, then succeeds. */
  public static final class Work implements org.camunda.bpm.engine.delegate.JavaDelegate {
    RuntimeException next;
    int done;

    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      RuntimeException failure = next;
      next = null;
      if (failure != null) {
        throw failure;
      }
      done++;
    }
  }

  final Work work = new Work();
  ProcessEngine engine;

  @BeforeEach
  void engine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:failed-job-retries;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("failed-job-retries")
        .setJobExecutorActivate(false);
    configuration.setBeans(Map.of("work", work));
    configuration.setProcessEnginePlugins(List.of(new FailedJobRetries()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("work.bpmn", Bpmn.createExecutableProcess("work")
        .startEvent().serviceTask("Task_Work").camundaAsyncBefore().camundaDelegateExpression("${work}").endEvent().done())
        .deploy();
    ClockUtil.setCurrentTime(new Date(Date.parse("Mon, 7 Dec 2026 10:00:00 GMT")));
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void aJobThatLostARaceIsTriedAgainAtOnceWithoutSpendingATry() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    work.next = new OptimisticLockingException("the stage was changed by another request ending");

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .isInstanceOf(OptimisticLockingException.class);

    Job again = engine.getManagementService().createJobQuery().processInstanceId(instance).executable().singleResult();
    assertThat(again).as("due now, not in ten minutes").isNotNull();
    assertThat(again.getRetries()).isEqualTo(job.getRetries());
    engine.getManagementService().executeJob(again.getId());
    assertThat(work.done).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void aJobThatFailedIsTriedAgainTenMinutesOnFourTimesInAll() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    work.next = new IllegalStateException("the mail server would not take the mail");

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).executable().count()).isZero();
    Job waiting = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    assertThat(waiting.getRetries()).as("four tries, one spent").isEqualTo(3);
    assertThat(waiting.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime()
        + Duration.ofMinutes(10).toMillis()));
  }
}
