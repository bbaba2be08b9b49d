package uk.cspr.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in England read them: "Wednesday 9 December 2026", never an ISO string. */
public final class UkDates {

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private UkDates() {}

  public static String longDate(LocalDate date) {
    return date.format(LONG);
  }
}
