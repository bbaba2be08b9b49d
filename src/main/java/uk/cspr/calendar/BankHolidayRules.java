package uk.cspr.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The standard bank holidays of England and Wales, by rule (Banking and Financial Dealings Act 1971
 * and the customary proclamations): New Year's Day, Good Friday, Easter Monday, the first and last
 * Mondays of May, the last Monday of August, Christmas Day and Boxing Day, each on the next weekday
 * when it falls at a weekend. Used only beyond the published data: days moved or added by royal
 * proclamation (2020's VE Day, 2022's jubilee and state funeral, 2023's coronation) are announced,
 * never computed, so dates from this rule are provisional.
 */
public final class BankHolidayRules {

  private BankHolidayRules() {}

  public static NavigableSet<LocalDate> of(int year) {
    NavigableSet<LocalDate> days = new TreeSet<>();
    days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    // Christmas and Boxing Day: a day at a weekend moves to the next weekday not already taken
    LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
    days.add(christmas);
    days.add(weekdayOnOrAfter(LocalDate.of(year, 12, 26).isAfter(christmas) ? LocalDate.of(year, 12, 26)
        : christmas.plusDays(1)));
    return days;
  }

  private static LocalDate weekdayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous, or Meeus/Jones/Butcher, algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
