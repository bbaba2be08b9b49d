package uk.cspr.identifying;

import java.util.List;
import java.util.Map;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Problems;

/**
 * Where the incident happened, in words, as an agency needs it to find the event in its own
 * records ("the family home", "the A61 near Northtown"). As identifying as an address, so kept
 * sealed by {@link IdentifyingDetails}, never a process variable. The case's variable
 * {@code incidentLocation} says only which authority it falls to.
 */
public record IncidentPlace(String place) {

  static final int LONGEST = 500;
  public static final String LABEL = "Where the incident happened";

  public IncidentPlace {
    place = place == null || place.isBlank() ? null : place.trim();
  }

  /** What is wrong, naming the field and never quoting it. */
  public List<Problem> problems() {
    Problems problems = new Problems(Map.of("place", LABEL));
    if (place == null) {
      problems.add("place", "is required");
    } else if (place.length() > LONGEST) {
      problems.add("place", "is longer than " + LONGEST + " characters");
    }
    return problems.list();
  }
}
