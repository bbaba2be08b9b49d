package uk.cspr.reports;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.calendar.WorkingDayCalendar;

@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

  @Bean
  TimelinessReports timelinessReports(ProcessEngine engine, WorkingDayCalendar calendar) {
    return new TimelinessReports(engine.getHistoryService(), engine.getIdentityService(), calendar);
  }
}
