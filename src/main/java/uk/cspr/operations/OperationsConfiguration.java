package uk.cspr.operations;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.casefile.CaseFiles;

/** Health and metrics for those who run the service (README, Operations). */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

  /** Named as Camunda's own indicator, which it replaces (shown as "jobExecutor"). */
  @Bean
  JobExecutorHealth jobExecutorHealthIndicator(ProcessEngine engine,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionOn) {
    return new JobExecutorHealth((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), jobExecutionOn);
  }

  @Bean
  CaseMetrics caseMetrics(ProcessEngine engine, CaseFiles caseFiles,
      @Value("${cspr.metrics.refresh-every:PT30S}") Duration refreshEvery) {
    return new CaseMetrics(engine.getRuntimeService(), engine.getManagementService(), engine.getIdentityService(),
        caseFiles, refreshEvery);
  }
}
