package uk.cspr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import uk.cspr.calendar.BankHolidays;
import uk.cspr.calendar.WorkingDayCalendar;

public final class Calendars {

  /** The calendar on the bank holidays shipped in the application. */
  public static WorkingDayCalendar shipped() {
    try (InputStream in = Calendars.class.getResourceAsStream("/calendar/bank-holidays.json")) {
      return new WorkingDayCalendar(BankHolidays.read(in, BankHolidays.ENGLAND_AND_WALES, "shipped bank-holidays.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Calendars() {}
}
