package uk.cspr.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import uk.cspr.agency.Agency;
import uk.cspr.cases.SeriousIncident.ChildStatus;
import uk.cspr.cases.SeriousIncident.IncidentType;
import uk.cspr.validation.Answers;
import uk.cspr.validation.Refusal;

/**
 * The one check of a recorded serious incident, used by the start form, the REST API and the tests
 * alike (it runs as the case's start listener). Every problem names its field; all are reported
 * together.
 */
@Component
public class SeriousIncidentValidator {

  public static final int MAX_CHILDREN = 4;
  public static final int MAX_AGE = 24;
  /** How far back an incident can be recorded: beyond the record retention, and beyond any review. */
  public static final int MOST_YEARS_BACK = 25;
  static final Pattern CHILD_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}");
  static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
  static final int MAX_CASE_REFERENCE = 40;

  /**
   * @param variables the start variables as submitted
   * @param today today in England
   * @throws Refusal naming every bad field
   */
  public SeriousIncident validate(Map<String, Object> variables, LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate incidentDate = Answers.parseDate(CaseProcess.VAR_INCIDENT_DATE, variables.get(CaseProcess.VAR_INCIDENT_DATE), problems);
    LocalDate awareDate = Answers.parseDate(CaseProcess.VAR_AWARE_DATE, variables.get(CaseProcess.VAR_AWARE_DATE), problems);
    if (incidentDate != null && incidentDate.isAfter(today)) {
      problems.add("incidentDate: " + incidentDate + " is in the future");
    } else if (incidentDate != null && incidentDate.isBefore(today.minusYears(MOST_YEARS_BACK))) {
      problems.add("incidentDate: " + incidentDate + " is more than " + MOST_YEARS_BACK + " years ago");
    }
    if (awareDate != null && awareDate.isAfter(today)) {
      problems.add("awareDate: " + awareDate + " is in the future");
    } else if (awareDate != null && awareDate.isBefore(today.minusYears(MOST_YEARS_BACK))) {
      problems.add("awareDate: " + awareDate + " is more than " + MOST_YEARS_BACK + " years ago");
    }
    if (incidentDate != null && awareDate != null && awareDate.isBefore(incidentDate)) {
      problems.add("awareDate: " + awareDate + " is before the incident (" + incidentDate + ")");
    }
    IncidentType incidentType = oneOf(IncidentType.class, CaseProcess.VAR_INCIDENT_TYPE, variables, problems);
    ChildStatus childStatus = oneOf(ChildStatus.class, CaseProcess.VAR_CHILD_STATUS, variables, problems);
    Boolean abuseOrNeglect = bool(CaseProcess.VAR_ABUSE_OR_NEGLECT_SUSPECTED, variables.get(CaseProcess.VAR_ABUSE_OR_NEGLECT_SUSPECTED), problems);
    Integer age = age(variables.get(CaseProcess.VAR_CHILD_AGE), problems);

    List<String> children = list(CaseProcess.VAR_CHILD_REFERENCES, variables.get(CaseProcess.VAR_CHILD_REFERENCES), problems);
    if (children != null) {
      if (children.isEmpty() || children.size() > MAX_CHILDREN) {
        problems.add("childReferences: give 1 to " + MAX_CHILDREN + " child references (one notification covers up to "
            + MAX_CHILDREN + " children), not " + children.size());
      }
      for (String child : children) {
        if (!CHILD_REFERENCE.matcher(child).matches()) {
          // the reference itself is not echoed: it may be a name typed by mistake
          problems.add("childReferences: a reference must be letters, digits and / _ . - (at most 40), never a name");
          break;
        }
      }
    }
    List<String> agencies = list(CaseProcess.VAR_AGENCIES, variables.get(CaseProcess.VAR_AGENCIES), problems);
    if (agencies != null) {
      if (agencies.isEmpty()) {
        problems.add("agencies: choose at least one agency involved with the child or family");
      }
      for (String agency : agencies) {
        if (Agency.byId(agency).isEmpty()) {
          problems.add("agencies: '" + agency + "' is not a known agency (known: " + knownAgencies() + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Refusal("The serious incident was not recorded", problems);
    }
    return new SeriousIncident(incidentDate, awareDate, incidentType, abuseOrNeglect, childStatus, age,
        children, agencies);
  }

  /** A case reference supplied as the business key: letters, digits and single hyphens, at most 40. */
  public void checkCaseReference(String reference) {
    if (!CASE_REFERENCE.matcher(reference).matches() || reference.length() > MAX_CASE_REFERENCE) {
      throw new Refusal("The serious incident was not recorded", List.of(
          "businessKey: the case reference '" + reference + "' must be letters, digits and single hyphens, at most "
              + MAX_CASE_REFERENCE + " characters"));
    }
  }

  private static String knownAgencies() {
    return String.join(", ", java.util.Arrays.stream(Agency.values()).map(Agency::id).toList());
  }

  private static <E extends Enum<E>> E oneOf(Class<E> type, String name, Map<String, Object> variables, List<String> problems) {
    Object value = variables.get(name);
    String allowed = String.join(" or ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(name + ": is required (" + allowed + ")");
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim());
    } catch (IllegalArgumentException e) {
      problems.add(name + ": '" + text + "' is not one of " + allowed);
      return null;
    }
  }

  private static Boolean bool(String name, Object value, List<String> problems) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(text);
    }
    problems.add(name + ": is required (true or false)");
    return null;
  }

  private static Integer age(Object value, List<String> problems) {
    // compared as it arrived, never narrowed first: 10000000000 must not wrap into range
    java.math.BigDecimal age = null;
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(value instanceof Float f && (f.isNaN() || f.isInfinite()))) {
      age = new java.math.BigDecimal(n.toString()); // form-js numbers may arrive as 7.0
    } else if (value instanceof String text && text.trim().matches("-?\\d{1,12}")) {
      age = new java.math.BigDecimal(text.trim());
    }
    if (age == null || age.stripTrailingZeros().scale() > 0) {
      problems.add("childAge: is required (whole years, 0 to " + MAX_AGE + ")");
      return null;
    }
    if (age.signum() < 0 || age.compareTo(java.math.BigDecimal.valueOf(MAX_AGE)) > 0) {
      problems.add("childAge: " + age.toPlainString() + " is outside 0 to " + MAX_AGE);
      return null;
    }
    return age.intValueExact();
  }

  /** A Json array of strings (Tasklist, REST), a Java collection, or a comma-separated String. */
  static List<String> list(String name, Object value, List<String> problems) {
    Collection<?> items;
    if (value == null) {
      problems.add(name + ": is required");
      return null;
    } else if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        problems.add(name + ": must be a Json array of strings or a comma-separated list");
        return null;
      }
      List<Object> elements = new ArrayList<>();
      for (SpinJsonNode element : json.elements()) {
        elements.add(element.isString() ? element.stringValue() : element.toString());
      }
      items = elements;
    } else if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value instanceof String text) {
      items = text.isBlank() ? List.of() : List.of(text.split(","));
    } else {
      problems.add(name + ": must be a Json array of strings or a comma-separated list");
      return null;
    }
    LinkedHashSet<String> cleaned = new LinkedHashSet<>();
    for (Object item : items) {
      String text = item == null ? "" : item.toString().trim();
      if (!text.isEmpty()) {
        cleaned.add(text);
      }
    }
    return new ArrayList<>(cleaned);
  }
}
