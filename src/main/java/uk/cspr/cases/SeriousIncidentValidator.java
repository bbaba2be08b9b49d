package uk.cspr.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.agency.Agency;
import uk.cspr.cases.SeriousIncident.Child;
import uk.cspr.cases.SeriousIncident.ChildStatus;
import uk.cspr.cases.SeriousIncident.IncidentLocation;
import uk.cspr.cases.SeriousIncident.IncidentType;
import uk.cspr.calendar.UkDates;
import uk.cspr.validation.Answers;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Problems;
import uk.cspr.validation.Refusal;

/**
 * The one check of a recorded serious incident, used by the start form, the REST API and the tests
 * alike (it runs as the case's start listener). Every problem names its field; all are reported
 * together.
 */
public class SeriousIncidentValidator {

  public static final int MAX_CHILDREN = 4;
  public static final int MAX_AGE = 24;
  /** How far back an incident can be recorded: beyond the record retention, and beyond any review. */
  public static final int MOST_YEARS_BACK = 25;
  static final Pattern CHILD_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}");
  static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
  static final int MAX_CASE_REFERENCE = 40;
  private static final String NOT_RECORDED = "The serious incident was not recorded";
  private static final String REFERENCE_RULE = "may have only letters, digits and / _ . - (at most 40), and is never a name";

  /**
   * Each field as the start form labels it; each child's as "Child reference (child 2)"; and the
   * names a script may send that the form does not ask (the single-child form, the business key).
   */
  private static final Map<String, String> LABELS = labels();

  /**
   * @param variables the start variables as submitted
   * @param today today in England
   * @throws Refusal naming every bad field
   */
  public SeriousIncident validate(Map<String, Object> variables, LocalDate today) {
    Problems problems = new Problems(LABELS);
    LocalDate incidentDate = Answers.parseDate(CaseProcess.INCIDENT_DATE.name(), variables.get(CaseProcess.INCIDENT_DATE.name()), problems);
    LocalDate awareDate = Answers.parseDate(CaseProcess.AWARE_DATE.name(), variables.get(CaseProcess.AWARE_DATE.name()), problems);
    if (incidentDate != null && incidentDate.isAfter(today)) {
      problems.add(CaseProcess.INCIDENT_DATE.name(), incidentDate, "is in the future");
    } else if (incidentDate != null && incidentDate.isBefore(today.minusYears(MOST_YEARS_BACK))) {
      problems.add(CaseProcess.INCIDENT_DATE.name(), incidentDate, "is more than " + MOST_YEARS_BACK + " years ago");
    }
    if (awareDate != null && awareDate.isAfter(today)) {
      problems.add(CaseProcess.AWARE_DATE.name(), awareDate, "is in the future");
    } else if (awareDate != null && awareDate.isBefore(today.minusYears(MOST_YEARS_BACK))) {
      problems.add(CaseProcess.AWARE_DATE.name(), awareDate, "is more than " + MOST_YEARS_BACK + " years ago");
    }
    if (incidentDate != null && awareDate != null && awareDate.isBefore(incidentDate)) {
      problems.add(CaseProcess.AWARE_DATE.name(), awareDate, "is before the incident (" + UkDates.asTyped(incidentDate) + ")");
    }
    IncidentType incidentType = oneOf(IncidentType.class, CaseProcess.INCIDENT_TYPE.name(), variables.get(CaseProcess.INCIDENT_TYPE.name()), problems);
    Boolean abuseOrNeglect = bool(CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), variables.get(CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name()), problems);
    List<Child> children = variables.get(CaseProcess.CHILDREN.name()) != null
        ? children(variables.get(CaseProcess.CHILDREN.name()), problems)
        : oneStatusForEveryChild(variables, problems);
    IncidentLocation location = variables.get(CaseProcess.INCIDENT_LOCATION.name()) == null
        || (variables.get(CaseProcess.INCIDENT_LOCATION.name()) instanceof String l && l.isBlank())
        ? IncidentLocation.IN_AREA
        : oneOf(IncidentLocation.class, CaseProcess.INCIDENT_LOCATION.name(), variables.get(CaseProcess.INCIDENT_LOCATION.name()), problems);
    String otherAuthority = null;
    if (location == IncidentLocation.ANOTHER_AUTHORITY) {
      Object named = variables.get(CaseProcess.OTHER_LOCAL_AUTHORITY.name());
      if (!(named instanceof String text) || text.isBlank()) {
        problems.add(CaseProcess.OTHER_LOCAL_AUTHORITY.name(), "is required when the incident happened in another "
            + "local authority's area");
      } else if (text.trim().length() > 100) {
        problems.add(CaseProcess.OTHER_LOCAL_AUTHORITY.name(), "is longer than 100 characters");
      } else {
        otherAuthority = text.trim();
      }
    }

    List<String> agencies = list(CaseProcess.AGENCIES.name(), variables.get(CaseProcess.AGENCIES.name()), problems);
    if (agencies != null) {
      if (agencies.isEmpty()) {
        problems.add(CaseProcess.AGENCIES.name(), "needs at least one agency chosen");
      }
      for (String agency : agencies) {
        if (Agency.byId(agency).isEmpty()) {
          problems.add(CaseProcess.AGENCIES.name(), "has '" + agency + "', which is not a known agency (known: "
              + knownAgencies() + ")");
        }
      }
    }
    problems.refuseIfAny(NOT_RECORDED);
    return new SeriousIncident(incidentDate, awareDate, incidentType, abuseOrNeglect, children, agencies, location,
        otherAuthority);
  }

  /** A case reference supplied as the business key: letters, digits and single hyphens, at most 40. */
  public void checkCaseReference(String reference) {
    if (!CASE_REFERENCE.matcher(reference).matches() || reference.length() > MAX_CASE_REFERENCE) {
      throw Refusal.of(NOT_RECORDED, "businessKey", "The case reference '" + reference + "' must be letters, digits "
          + "and single hyphens, at most " + MAX_CASE_REFERENCE + " characters");
    }
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new java.util.HashMap<>(FormSchema.shipped("record-serious-incident").labels());
    for (int child = 1; child <= MAX_CHILDREN; child++) {
      for (String field : List.of("reference", "age", "status")) {
        labels.put("children[" + child + "]." + field, labels.getOrDefault(field, field) + " (child " + child + ")");
      }
    }
    labels.put(CaseProcess.CHILDREN.name(), "The children");
    labels.put(CaseProcess.CHILD_REFERENCES.name(), "Child references");
    labels.put(CaseProcess.CHILD_AGE.name(), "Age of the children at the incident");
    labels.put(CaseProcess.CHILD_STATUS.name(), "Status of the children at the time");
    return Map.copyOf(labels);
  }

  private static String knownAgencies() {
    return String.join(", ", java.util.Arrays.stream(Agency.values()).map(Agency::id).toList());
  }

  private static <E extends Enum<E>> E oneOf(Class<E> type, String name, Object value, Problems problems) {
    String allowed = String.join(" or ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(name, "is required");
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim());
    } catch (IllegalArgumentException e) {
      problems.add(name, "is not one of the answers offered: '" + text + "' (they are " + allowed + ")");
      return null;
    }
  }

  private static Boolean bool(String name, Object value, Problems problems) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(text);
    }
    problems.add(name, "is required (true or false)");
    return null;
  }

  private static Integer age(String name, Object value, Problems problems) {
    // compared as it arrived, never narrowed first: 10000000000 must not wrap into range
    java.math.BigDecimal age = null;
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(value instanceof Float f && (f.isNaN() || f.isInfinite()))) {
      age = new java.math.BigDecimal(n.toString()); // form-js numbers may arrive as 7.0
    } else if (value instanceof String text && text.trim().matches("-?\\d{1,12}")) {
      age = new java.math.BigDecimal(text.trim());
    }
    if (age == null || age.stripTrailingZeros().scale() > 0) {
      problems.add(name, "is required (whole years, 0 to " + MAX_AGE + ")");
      return null;
    }
    if (age.signum() < 0 || age.compareTo(java.math.BigDecimal.valueOf(MAX_AGE)) > 0) {
      problems.add(name, "is " + age.toPlainString() + ", outside 0 to " + MAX_AGE);
      return null;
    }
    return age.intValueExact();
  }

  /**
   * The children as the contract's list: a Json array (the start form's dynamic list, REST) or a
   * Java list of {@code {reference, age, status}}, each checked, with its position in the messages.
   */
  private static List<Child> children(Object value, Problems problems) {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        if (element.isObject()) {
          for (String field : List.of("reference", "age", "status")) {
            if (element.hasProp(field)) {
              SpinJsonNode prop = element.prop(field);
              entry.put(field, prop.isNull() ? null : prop.isNumber() ? prop.numberValue()
                  : prop.isString() ? prop.stringValue() : prop.toString());
            }
          }
        }
        entries.add(entry);
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        if (element instanceof Map<?, ?> map) {
          map.forEach((k, v) -> entry.put(String.valueOf(k), v));
        }
        entries.add(entry);
      }
    } else {
      problems.add(CaseProcess.CHILDREN.name(), "must be a Json list of children, each with a reference, an age and a status");
      return null;
    }
    // the start form offers a place for each further child: one left empty is no child
    entries.removeIf(entry -> entry.values().stream().allMatch(v -> v == null || (v instanceof String text && text.isBlank())));
    if (entries.isEmpty() || entries.size() > MAX_CHILDREN) {
      problems.addMessage(CaseProcess.CHILDREN.name(), "Give 1 to " + MAX_CHILDREN + " children (one notification covers up to "
          + MAX_CHILDREN + "), not " + entries.size());
      return null;
    }
    List<Child> children = new ArrayList<>();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "children[" + (i + 1) + "]";
      Map<String, Object> entry = entries.get(i);
      String reference = reference(at + ".reference", entry.get("reference"), problems);
      Integer age = age(at + ".age", entry.get("age"), problems);
      ChildStatus status = oneOf(ChildStatus.class, at + ".status", entry.get("status"), problems);
      if (reference != null && references.contains(reference)) {
        problems.addMessage(at + ".reference", "Child " + (i + 1) + " has the same reference as child "
            + (references.indexOf(reference) + 1));
      }
      references.add(reference);
      if (age != null && status != null && !ageFitsStatus(age, status)) {
        problems.addMessage(at + ".age", problems.subject(at + ".age") + ": " + ageRule(status, age));
      }
      if (reference != null && age != null && status != null) {
        children.add(new Child(reference, age, status));
      }
    }
    return children.size() == entries.size() ? children : null;
  }

  /** The single-child form of the contract, still accepted: every listed child gets that age and status. */
  private static List<Child> oneStatusForEveryChild(Map<String, Object> variables, Problems problems) {
    ChildStatus status = oneOf(ChildStatus.class, CaseProcess.CHILD_STATUS.name(), variables.get(CaseProcess.CHILD_STATUS.name()), problems);
    Integer age = age(CaseProcess.CHILD_AGE.name(), variables.get(CaseProcess.CHILD_AGE.name()), problems);
    List<String> references = list(CaseProcess.CHILD_REFERENCES.name(), variables.get(CaseProcess.CHILD_REFERENCES.name()), problems);
    if (references != null) {
      if (references.isEmpty() || references.size() > MAX_CHILDREN) {
        problems.addMessage(CaseProcess.CHILD_REFERENCES.name(), "Give 1 to " + MAX_CHILDREN + " child references (one "
            + "notification covers up to " + MAX_CHILDREN + " children), not " + references.size());
        return null;
      }
      for (String reference : references) {
        if (!CHILD_REFERENCE.matcher(reference).matches()) {
          // the reference itself is not echoed: it may be a name typed by mistake
          problems.add(CaseProcess.CHILD_REFERENCES.name(), REFERENCE_RULE);
          return null;
        }
      }
    }
    if (age != null && status != null && !ageFitsStatus(age, status)) {
      problems.addMessage(CaseProcess.CHILD_AGE.name(), problems.subject(CaseProcess.CHILD_AGE.name()) + ": " + ageRule(status, age));
      return null;
    }
    return references == null || age == null || status == null ? null
        : references.stream().map(r -> new Child(r, age, status)).toList();
  }

  private static String reference(String name, Object value, Problems problems) {
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(name, "is required (the child's pseudonymous reference, never a name)");
      return null;
    }
    if (!CHILD_REFERENCE.matcher(text.trim()).matches()) {
      problems.add(name, REFERENCE_RULE);
      return null;
    }
    return text.trim();
  }

  /** A looked-after child is under 18 by definition, at 18 a care leaver; care leavers are 16 to 24. */
  static boolean ageFitsStatus(int age, ChildStatus status) {
    return status == ChildStatus.CARE_LEAVER ? age >= 16 && age <= MAX_AGE : age <= 17;
  }

  /** Why the age does not fit the status, for the person who recorded it. */
  private static String ageRule(ChildStatus status, int age) {
    return switch (status) {
      case LOOKED_AFTER -> "a looked-after child is 0 to 17 years old, not " + age + " (at 18 a care leaver)";
      case CARE_LEAVER -> "a care leaver is 16 to " + MAX_AGE + " years old, not " + age;
      case CHILD_IN_NEED -> "a child in need is 0 to 17 years old, not " + age;
      case CHILD_PROTECTION_PLAN -> "a child on a protection plan is 0 to 17 years old, not " + age;
      case NONE -> "a child is 0 to 17 years old, not " + age + "; from 18, only a care leaver (16 to " + MAX_AGE
          + ") is recorded";
    };
  }

  /** A Json array of strings (Tasklist, REST), a Java collection, or a comma-separated String. */
  static List<String> list(String name, Object value, Problems problems) {
    Collection<?> items;
    if (value == null) {
      problems.add(name, "is required");
      return null;
    } else if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        problems.add(name, "must be a Json array of strings or a comma-separated list");
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
      problems.add(name, "must be a Json array of strings or a comma-separated list");
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
