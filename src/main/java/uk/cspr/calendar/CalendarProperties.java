package uk.cspr.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the bank holidays come from. A partnership replaces the shipped list without a rebuild by
 * pointing {@code cspr.calendar.bank-holidays} at a newer copy of gov.uk's file, e.g.
 * {@code file:/etc/cspr/bank-holidays.json}.
 */
@ConfigurationProperties("cspr.calendar")
public record CalendarProperties(
    @DefaultValue("classpath:calendar/bank-holidays.json") Resource bankHolidays,
    @DefaultValue(BankHolidays.ENGLAND_AND_WALES) String division) {}
