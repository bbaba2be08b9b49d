package uk.cspr.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the answers a form submitted, collecting a problem per bad field instead of failing on the
 * first, so the person sees everything to fix at once, each named by its label on the task's form.
 * Dates are ISO {@code yyyy-MM-dd} strings, as Camunda Forms send them.
 */
public final class Answers {

  /** What a narrative answer may run to: a chronology, an analysis, a reason Ofsted will read. */
  public static final int LONG_ANSWER = 20_000;
  public static final int EARLIEST_YEAR = 1900;
  public static final int LATEST_YEAR = 2100;

  private final VariableScope scope;
  private final Problems problems;

  /**
   * At a user task's end: begins with what the task's form's own rules find wrong
   * ({@link FormRules}), so the person hears of every problem at once.
   */
  public Answers(VariableScope scope) {
    this.scope = scope;
    FormSchema form = scope instanceof DelegateExecution execution ? FormRules.formAt(execution) : null;
    this.problems = Problems.labelledBy(form);
    if (scope instanceof DelegateExecution execution) {
      problems.addAll(FormRules.problemsAt(execution));
    }
  }

  /** A required date, not before {@code notBefore} (when given) and not after {@code notAfter}. */
  public LocalDate date(String name, LocalDate notBefore, String notBeforeMeaning, LocalDate notAfter) {
    Object value = scope.getVariable(name);
    if ((value == null || (value instanceof String s && s.isBlank())) && problems.about(name)) {
      return null; // the form's rules have said it is required
    }
    LocalDate date = parseDate(name, value, problems);
    if (date == null) {
      return null;
    }
    if (notAfter != null && date.isAfter(notAfter)) {
      problems.add(name, date, "is in the future");
    } else if (notBefore != null && date.isBefore(notBefore)) {
      problems.add(name, date, "is before " + notBeforeMeaning + " (" + uk.cspr.calendar.UkDates.asTyped(notBefore) + ")");
    }
    return date;
  }

  /**
   * A date answered about a case: nothing about it can be done before the local authority became
   * aware of the incident, nor in the future.
   */
  public LocalDate dateSinceAwareness(String name, LocalDate aware) {
    return date(name, aware, "the date the local authority became aware",
        java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
            java.time.ZoneId.of("Europe/London")));
  }

  /** A required piece of text, trimmed, at most {@code maxLength} characters. */
  public String text(String name, int maxLength) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(name, "is required");
      return null;
    }
    if (text.trim().length() > maxLength) {
      problems.add(name, "is longer than " + maxLength + " characters");
    }
    return text.trim();
  }

  /** A problem said after the field's label on the form. */
  public void problem(String field, String whatIsWrong) {
    problems.add(field, whatIsWrong);
  }

  /** A problem in words of its own, for a rule across fields that reads better unprefixed. */
  public void problemSaidAs(String field, String message) {
    problems.addMessage(field, message);
  }

  /** A problem about a date, quoting it as it was typed. */
  public void problem(String field, LocalDate date, String whatIsWrong) {
    problems.add(field, date, whatIsWrong);
  }

  /** Refuses the whole submission when any answer was bad. */
  public void refuseIfAnyProblem(String what) {
    problems.refuseIfAny(what);
  }

  /** An ISO date, or null with a problem recorded for the field. */
  public static LocalDate parseDate(String name, Object value, Problems problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.add(name, "is required");
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(name, "must be a date sent as yyyy-MM-dd text, not a " + value.getClass().getSimpleName());
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      // only a script can send a date Tasklist's date picker would not: it is told the form
      problems.add(name, "is not a date: '" + text + "' (a date is sent as yyyy-MM-dd)");
      return null;
    }
    // a year the working-day calendar and the database can take, and a person could mean
    if (date.getYear() < EARLIEST_YEAR || date.getYear() > LATEST_YEAR) {
      problems.add(name, date, "is not a plausible date (the years " + EARLIEST_YEAR + " to " + LATEST_YEAR + ")");
      return null;
    }
    return date;
  }
}
