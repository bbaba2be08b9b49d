package uk.cspr.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Working days in England and Wales: not a Saturday, a Sunday or a bank holiday (substitute days
 * included). Counting follows the statutory convention: day 1 is the first working day after the
 * start date, so a notification "within 5 working days" of an awareness on Monday is due on the
 * following Monday when nothing intervenes.
 */
public class WorkingDayCalendar {

  /** Statutory deadlines are local to England whatever time zone the server runs in. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A deadline day ends at this instant; Tasklist shows it as the task's due date. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  /** Reminders and escalations go out at the start of a working day, not at midnight. */
  public static final LocalTime SEND_TIME = LocalTime.of(9, 0);

  private final BankHolidays bankHolidays;

  public WorkingDayCalendar(BankHolidays bankHolidays) {
    this.bankHolidays = Objects.requireNonNull(bankHolidays);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
  }

  /**
   * The date {@code workingDays} working days after {@code start} (before it, when negative).
   * With zero, {@code start} itself is returned, working day or not.
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    Objects.requireNonNull(start, "start date");
    int step = workingDays >= 0 ? 1 : -1;
    LocalDate date = start;
    for (int counted = 0; counted < Math.abs(workingDays); ) {
      date = date.plusDays(step);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /**
   * How many working days lie after {@code from} up to and including {@code to}; negative when
   * {@code to} is earlier. The inverse of {@link #addWorkingDays}: for a working day {@code to},
   * {@code addWorkingDays(from, workingDaysBetween(from, to))} is {@code to}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from date");
    Objects.requireNonNull(to, "to date");
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether counting from {@code from} to {@code to} rests on bank holidays computed by rule rather
   * than published: then the result is provisional, and a newer calendar may move it.
   */
  public boolean isProvisional(LocalDate from, LocalDate to) {
    return bankHolidays.isProvisional(from) || bankHolidays.isProvisional(to);
  }

  /** The first working day strictly after {@code date}: when an escalation for a missed deadline goes out. */
  public LocalDate nextWorkingDay(LocalDate date) {
    return addWorkingDays(date, 1);
  }

  /** The end of a deadline day, 23:59:59 in England. */
  public ZonedDateTime deadlineInstant(LocalDate dueDate) {
    return ZonedDateTime.of(dueDate, END_OF_DAY, LONDON);
  }

  /** 09:00 in England on the given day: when reminders and escalations are sent. */
  public ZonedDateTime sendTime(LocalDate day) {
    return ZonedDateTime.of(day, SEND_TIME, LONDON);
  }

  public BankHolidays bankHolidays() {
    return bankHolidays;
  }
}
