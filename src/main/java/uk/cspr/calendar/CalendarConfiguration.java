package uk.cspr.calendar;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  BankHolidays bankHolidays(CalendarProperties properties) throws IOException {
    var resource = properties.bankHolidays();
    String source = resource.getDescription();
    if (!resource.exists()) {
      throw new IllegalStateException(
          "cspr.calendar.bank-holidays names " + source + ", which does not exist");
    }
    try (InputStream in = resource.getInputStream()) {
      BankHolidays holidays = BankHolidays.read(in, properties.division(), source);
      log.info("Bank holidays of {} from {}: {} dates, {} to {}", properties.division(), source,
          holidays.dates().size(), holidays.firstYear(), holidays.lastYear());
      warnIfEndingSoon(holidays, WorkingDays.todayInEngland());
      return holidays;
    }
  }

  /** Deadlines beyond the data are computed by rule and provisional: a year's notice to replace it. */
  static boolean warnIfEndingSoon(BankHolidays holidays, java.time.LocalDate today) {
    if (today.plusMonths(12).isAfter(holidays.lastDay())) {
      log.warn("The bank holidays in {} end on {}: deadlines after that are computed by rule and provisional "
          + "(a holiday added by proclamation would move them). Download the current bank-holidays.json from "
          + "gov.uk and set cspr.calendar.bank-holidays to it; running cases' deadlines are then recomputed.",
          holidays.source(), holidays.lastDay());
      return true;
    }
    return false;
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(BankHolidays bankHolidays) {
    return new WorkingDayCalendar(bankHolidays);
  }

  @Bean
  ProvisionalDueDateNote provisionalDueDateNote(BankHolidays bankHolidays) {
    return new ProvisionalDueDateNote(bankHolidays);
  }

  /** Named for BPMN expressions: {@code ${workingDays.deadline(awareDate, 5)}}. */
  @Bean("workingDays")
  WorkingDays workingDays(WorkingDayCalendar calendar) {
    return new WorkingDays(calendar);
  }
}
