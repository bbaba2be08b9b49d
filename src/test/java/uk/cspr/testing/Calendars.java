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

  /**
   * As gov.uk would publish it a year later: the shipped data, the next year's standard holidays
   * and any days proclaimed for it, in gov.uk's format.
   */
  public static WorkingDayCalendar publishedThrough(int year, String... proclaimed) {
    WorkingDayCalendar shipped = shipped();
    java.util.TreeSet<java.time.LocalDate> dates = new java.util.TreeSet<>(shipped.bankHolidays().dates());
    for (int y = shipped.bankHolidays().lastYear() + 1; y <= year; y++) {
      dates.addAll(uk.cspr.calendar.BankHolidayRules.of(y));
    }
    for (String day : proclaimed) {
      dates.add(java.time.LocalDate.parse(day));
    }
    String events = String.join(",", dates.stream()
        .map(d -> "{\"title\": \"Bank holiday\", \"date\": \"" + d + "\"}").toList());
    String json = "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [" + events + "]}}";
    return new WorkingDayCalendar(BankHolidays.read(new java.io.ByteArrayInputStream(json.getBytes()),
        BankHolidays.ENGLAND_AND_WALES, "bank-holidays.json published through " + year));
  }

  private Calendars() {}
}
