package uk.cspr.cases;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case's task end listeners, for {@code camunda:delegateExpression} (see NotificationConfiguration). */
@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

  @Bean
  ProvisionalDeadlines provisionalDeadlines(org.camunda.bpm.engine.ProcessEngine engine,
      uk.cspr.calendar.WorkingDayCalendar calendar, uk.cspr.timescales.Timescales timescales,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    return new ProvisionalDeadlines(engine, calendar, timescales, transactions);
  }

  /** At every start: a newer bank holidays file may settle deadlines computed by rule. */
  @Bean
  org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>
      recomputeProvisionalDeadlines(ProvisionalDeadlines deadlines) {
    return ready -> deadlines.recompute();
  }

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
