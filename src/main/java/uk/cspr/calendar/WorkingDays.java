package uk.cspr.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The working-day calendar as BPMN expressions see it, registered as the Spring bean
 * {@code workingDays}:
 *
 * <pre>
 *   camunda:dueDate="${workingDays.endOfDay(notificationDue)}"
 *   &lt;timeDate&gt;${workingDays.reminderAt(notificationDue, timescales.reminderWorkingDaysBefore())}&lt;/timeDate&gt;
 * </pre>
 *
 * <p>Dates go in as the contract holds them (ISO {@code yyyy-MM-dd} strings; {@link LocalDate}
 * and {@link Date} are accepted too) and come out as ISO strings, for process variables, or as
 * {@link Date}s, which is what timers, due dates and follow-up dates accept. Each method has its
 * own name because JUEL picks a method by name and argument count, not by argument type.
 */
public class WorkingDays {

  private final WorkingDayCalendar calendar;

  public WorkingDays(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** {@code date} plus {@code workingDays} working days, as an ISO date: for deadline variables. */
  public String addWorkingDays(Object date, int workingDays) {
    return calendar.addWorkingDays(toLocalDate(date, "date"), workingDays).toString();
  }

  /** 23:59:59 in England on the day {@code workingDays} working days after {@code date}. */
  public Date deadline(Object date, int workingDays) {
    LocalDate due = calendar.addWorkingDays(toLocalDate(date, "date"), workingDays);
    return Date.from(calendar.deadlineInstant(due).toInstant());
  }

  /**
   * The first instant after the deadline {@code workingDays} working days from {@code date}: a
   * "due before" bound that includes the tasks due on that last day (due at 23:59:59).
   */
  public Date justAfterDeadline(Object date, int workingDays) {
    return Date.from(deadline(date, workingDays).toInstant().plusSeconds(1));
  }

  /** 23:59:59 in England on {@code dueDate}: a task's due date for a deadline held as a variable. */
  public Date endOfDay(Object dueDate) {
    return Date.from(calendar.deadlineInstant(toLocalDate(dueDate, "due date")).toInstant());
  }

  /** 09:00 in England, {@code workingDaysBefore} working days before {@code dueDate}. */
  public Date reminderAt(Object dueDate, int workingDaysBefore) {
    LocalDate day = calendar.addWorkingDays(toLocalDate(dueDate, "due date"), -workingDaysBefore);
    return Date.from(calendar.sendTime(day).toInstant());
  }

  /** 09:00 in England on the first working day after {@code dueDate}: when a missed deadline is escalated. */
  public Date escalationAt(Object dueDate) {
    LocalDate day = calendar.nextWorkingDay(toLocalDate(dueDate, "due date"));
    return Date.from(calendar.sendTime(day).toInstant());
  }

  public boolean isWorkingDay(Object date) {
    return calendar.isWorkingDay(toLocalDate(date, "date"));
  }

  /** Working days after {@code from} up to and including {@code to}. */
  public int between(Object from, Object to) {
    return calendar.workingDaysBetween(toLocalDate(from, "from date"), toLocalDate(to, "to date"));
  }

  /** Today in England by the engine's clock, which tests move, as an ISO date for BPMN. */
  public String today() {
    return todayInEngland().toString();
  }

  /** Today in England by the engine's clock. */
  public static LocalDate todayInEngland() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }

  static LocalDate toLocalDate(Object value, String what) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("The " + what + " '" + text + "' is not a date in the form yyyy-MM-dd", e);
      }
    }
    throw new IllegalArgumentException("The " + what + " is missing: expected a date in the form yyyy-MM-dd");
  }
}
