package uk.cspr.casefile;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.timescales.Timescales;

/** The case file, put together from every stage's {@link CaseFileContribution}, in their declared order. */
@Configuration(proxyBeanMethods = false)
public class CaseFileConfiguration {

  @Bean
  CaseFiles caseFiles(ProcessEngine engine, WorkingDayCalendar calendar, Timescales timescales,
      List<CaseFileContribution> contributions) {
    // amber when the reminders go out: the colour and the mail say the same thing on the same day
    return new CaseFiles(engine, calendar, timescales.reminderWorkingDaysBefore(), contributions);
  }
}
