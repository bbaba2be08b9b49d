package uk.cspr.validation;

/**
 * One thing wrong with what was submitted: the field it concerns, by the name a script sends it
 * under, and a message for the person, which names the field by its label on the form and gives
 * dates as they were typed ("Date the local authority became aware (20/11/2026) is before the
 * incident (26/11/2026)").
 */
public record Problem(String field, String message) {

  @Override
  public String toString() {
    return message;
  }
}
