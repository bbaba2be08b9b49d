package uk.cspr.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.timescales.Timescales;

/** Plugins the Camunda starter picks up from the context and applies to the engine it builds. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  ProcessResourceDeployer processResourceDeployer() {
    return new ProcessResourceDeployer();
  }

  @Bean
  SchemaLock schemaLock(javax.sql.DataSource dataSource) {
    return new SchemaLock(dataSource);
  }

  @Bean
  EngineHardening engineHardening() {
    return new EngineHardening();
  }

  @Bean
  FormRulesPlugin formRulesPlugin() {
    return new FormRulesPlugin();
  }

  @Bean
  CaseReferenceInTaskNames caseReferenceInTaskNames() {
    return new CaseReferenceInTaskNames();
  }

  @Bean
  FailedJobRetries failedJobRetries(
      @org.springframework.beans.factory.annotation.Value("${cspr.jobs.retry-cycle:" + FailedJobRetries.CYCLE + "}")
      String cycle) {
    return new FailedJobRetries(cycle);
  }

  @Bean
  RetryMeansNow retryMeansNow() {
    return new RetryMeansNow();
  }

  @Bean
  RecordRetentionPlugin recordRetentionPlugin(Timescales timescales) {
    return new RecordRetentionPlugin(timescales.recordRetentionDays());
  }
}
