package uk.cspr.cases;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case's task end listeners, for {@code camunda:delegateExpression} (see NotificationConfiguration). */
@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

  @Bean
  AgencyIds agencyIds() {
    return new AgencyIds();
  }

  @Bean
  ExecutionListener notNotifiableDecisionListener() {
    return new CaseAnswers()::notNotifiableDecision;
  }

  @Bean
  ExecutionListener passedToAnotherAuthorityListener() {
    return new CaseAnswers()::passedToAnotherAuthority;
  }
}
