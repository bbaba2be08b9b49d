package uk.cspr.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.cspr.calendar.UkDates;

/** A section's facts, each left out when there is nothing to say: dates as UK dates, flags as Yes or No. */
public final class Facts {

  private final List<CaseFile.Fact> facts = new ArrayList<>();

  public Facts date(String key, String label, LocalDate date) {
    if (date != null) {
      facts.add(new CaseFile.Fact(key, label, date, UkDates.longDate(date)));
    }
    return this;
  }

  public Facts text(String key, String label, String text) {
    if (text != null && !text.isBlank()) {
      facts.add(new CaseFile.Fact(key, label, text, text));
    }
    return this;
  }

  public Facts flag(String key, String label, Boolean flag) {
    if (flag != null) {
      facts.add(new CaseFile.Fact(key, label, flag, flag ? "Yes" : "No"));
    }
    return this;
  }

  /** A value and the words a person reads for it. */
  public Facts value(String key, String label, Object value, String text) {
    if (value != null) {
      facts.add(new CaseFile.Fact(key, label, value, text));
    }
    return this;
  }

  public List<CaseFile.Fact> list() {
    return List.copyOf(facts);
  }
}
