package uk.cspr.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in England read them: "Wednesday 9 December 2026", never an ISO string. */
public final class UkDates {

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter LONG_WITH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK)
      .withZone(java.time.ZoneId.of("Europe/London"));
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK);

  private UkDates() {}

  public static String longDate(LocalDate date) {
    return date.format(LONG);
  }

  /** A moment as read in England, in its local time: "Wednesday 9 December 2026, 14:05". */
  public static String longDateTime(java.time.Instant moment) {
    return LONG_WITH_TIME.format(moment);
  }

  /**
   * A date as a person in England types it, and as the date fields of Tasklist's forms show it to
   * them ("20/11/2026"): what a message about their answer quotes back.
   */
  public static String asTyped(LocalDate date) {
    return date.format(TYPED);
  }
}
