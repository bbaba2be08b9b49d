package uk.cspr.agency;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.calendar.WorkingDayCalendar;

/** The listeners and delegate {@code cspr-agency-request} reaches by delegate expression. */
@Configuration(proxyBeanMethods = false)
class AgencyConfiguration {

  @Bean
  AgencyRequestAnswers agencyRequestAnswers(WorkingDayCalendar calendar) {
    return new AgencyRequestAnswers(calendar);
  }

  @Bean
  ExecutionListener agencyRequestMadeListener(AgencyRequestAnswers answers) {
    return answers::requestMade;
  }

  @Bean
  ExecutionListener agencyInformationProvidedListener(AgencyRequestAnswers answers) {
    return answers::informationProvided;
  }

  @Bean
  ExecutionListener agencyRequestChangedListener(AgencyRequestAnswers answers) {
    return answers::requestChanged;
  }

  @Bean
  TaskListener agencyTaskNamer(AgencyRequestAnswers answers) {
    return answers::nameTask;
  }

  @Bean
  JavaDelegate extendAgencyRequestDelegate(AgencyRequestAnswers answers) {
    return answers::applyExtension;
  }
}
