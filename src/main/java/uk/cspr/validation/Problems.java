package uk.cspr.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import uk.cspr.calendar.UkDates;

/**
 * Collects every problem with a submission, so the person sees everything to fix at once, each
 * said with the field's label from the form the person answered.
 */
public final class Problems {

  private final Map<String, String> labels;
  private final List<Problem> found = new ArrayList<>();

  /** @param labels each field's label by its name; a field without one is named as sent (a script sent it) */
  public Problems(Map<String, String> labels) {
    this.labels = labels;
  }

  public static Problems labelledBy(FormSchema form) {
    return new Problems(form == null ? Map.of() : form.labels());
  }

  /** The field as a person reads it in a sentence: its label, or for a question, the answer to it. */
  public String subject(String field) {
    String label = labels.getOrDefault(field, field).trim();
    return label.endsWith("?") ? "The answer to “" + label + "”" : label;
  }

  /** A problem said after the field's label: {@code add("passedOnTo", "is required")}. */
  public Problems add(String field, String whatIsWrong) {
    return addMessage(field, subject(field) + " " + whatIsWrong);
  }

  /** A problem about a date, said with the date as it was typed: "Date of the decision (20/11/2026) is in the future". */
  public Problems add(String field, LocalDate date, String whatIsWrong) {
    return addMessage(field, subject(field) + " (" + UkDates.asTyped(date) + ") " + whatIsWrong);
  }

  /** A problem in words of its own, for a rule that reads better unprefixed. */
  public Problems addMessage(String field, String message) {
    found.add(new Problem(field, message));
    return this;
  }

  public Problems addAll(Collection<Problem> problems) {
    found.addAll(problems);
    return this;
  }

  public boolean about(String field) {
    return found.stream().anyMatch(p -> p.field().equals(field));
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }

  /** Refuses the whole submission, saying {@code what} was not done, when anything was wrong. */
  public void refuseIfAny(String what) {
    if (!found.isEmpty()) {
      throw new Refusal(what, found);
    }
  }
}
