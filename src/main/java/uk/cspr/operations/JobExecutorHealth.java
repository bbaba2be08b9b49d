package uk.cspr.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether this node's job executor runs: it fires every timer and sends every mail, so a node whose
 * job executor has stopped is not ready, though its pages still answer. A node started with job
 * execution switched off ({@code camunda.bpm.job-execution.enabled: false}, a web-only node while
 * another runs the timers) is healthy as it is. Replaces Camunda's own indicator, which would be
 * missing on such a node and say nothing of the jobs waiting. With the database gone its queries fail, and the
 * node is reported DOWN (503), not answered with an error (500, found by {@code TwoNodesIT}).
 */
public class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngineConfigurationImpl engine;
  private final ManagementService management;
  private final boolean jobExecutionOn;

  public JobExecutorHealth(ProcessEngineConfigurationImpl engine, boolean jobExecutionOn) {
    this.engine = engine;
    this.management = engine.getManagementService();
    this.jobExecutionOn = jobExecutionOn;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    long due = management.createJobQuery().executable().count();
    long failed = management.createJobQuery().noRetriesLeft().count();
    if (!jobExecutionOn) {
      health.up().withDetail("jobExecution", "switched off on this node");
    } else {
      JobExecutor executor = engine.getJobExecutor();
      if (executor != null && executor.isActive()) {
        health.up();
      } else {
        health.down().withDetail("reason",
            "the job executor is not running: no timer fires and no mail is sent from this node");
      }
    }
    health.withDetail("jobsDue", due).withDetail("jobsFailed", failed);
  }
}
