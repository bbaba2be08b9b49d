package uk.cspr.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import uk.cspr.testing.PlainEngine;

/** The job executor's health: down when it should run and does not, up when it runs or a node runs none. */
class JobExecutorHealthTest {

  ProcessEngine engine;
  ProcessEngineConfigurationImpl configuration;

  @BeforeEach
  void engine() {
    engine = PlainEngine.withCalendar().build();
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aNodeWhoseJobExecutorShouldRunAndDoesNotIsDownAndSaysWhy() {
    var health = new JobExecutorHealth(configuration, true).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("reason").toString()).contains("no timer fires and no mail is sent");
  }

  @Test
  void aRunningJobExecutorIsUp() {
    JobExecutor executor = configuration.getJobExecutor();
    executor.start();
    try {
      var health = new JobExecutorHealth(configuration, true).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("jobsDue", 0L).containsEntry("jobsFailed", 0L);
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void aNodeStartedWithoutJobExecutionIsUpAsItWasMeantToBe() {
    var health = new JobExecutorHealth(configuration, false).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("jobExecution", "switched off on this node");
  }
}
