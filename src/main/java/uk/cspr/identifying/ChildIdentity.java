package uk.cspr.identifying;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Problems;

/**
 * What lets an agency find a child in its own records: never a process variable, kept sealed by
 * {@link IdentifyingDetails}. The names follow the contract's JSON.
 *
 * @param otherNames names the child is or was known by (an alias, a former surname)
 * @param carers the parents' or carers' names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildIdentity(String fullName, List<String> otherNames, LocalDate dateOfBirth, String address,
    String nhsNumber, List<String> carers) {

  /** How far before the incident a date of birth may be: the oldest a care leaver recorded here is. */
  public static final int MOST_YEARS_BEFORE_INCIDENT = 25;
  static final int LONGEST_NAME = 200;
  static final int LONGEST_ADDRESS = 500;
  static final int MOST_NAMES = 10;

  private static final Map<String, String> LABELS = Map.of(
      "fullName", "Full name", "otherNames", "Other names", "dateOfBirth", "Date of birth", "address",
      "Address at the time", "nhsNumber", "NHS number", "carers", "Parents or carers");

  public ChildIdentity {
    otherNames = otherNames == null ? List.of() : otherNames.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    carers = carers == null ? List.of() : carers.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
    fullName = fullName == null ? null : fullName.trim();
    address = address == null || address.isBlank() ? null : address.trim();
    nhsNumber = nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber.replaceAll("[\\s-]", "");
  }

  /**
   * What is wrong with the details, each problem naming its field, never quoting what was typed
   * (a refusal is logged by its fields, and these are the details the log must never hold).
   */
  public List<Problem> problems(LocalDate incidentDate) {
    Problems problems = new Problems(LABELS);
    if (fullName == null || fullName.isBlank()) {
      problems.add("fullName", "is required");
    } else if (fullName.length() > LONGEST_NAME) {
      problems.add("fullName", "is longer than " + LONGEST_NAME + " characters");
    }
    names("otherNames", otherNames, problems);
    names("carers", carers, problems);
    if (address != null && address.length() > LONGEST_ADDRESS) {
      problems.add("address", "is longer than " + LONGEST_ADDRESS + " characters");
    }
    if (dateOfBirth != null && incidentDate != null) {
      if (dateOfBirth.isAfter(incidentDate)) {
        problems.add("dateOfBirth", "is after the incident (" + uk.cspr.calendar.UkDates.asTyped(incidentDate) + ")");
      } else if (dateOfBirth.isBefore(incidentDate.minusYears(MOST_YEARS_BEFORE_INCIDENT))) {
        problems.add("dateOfBirth", "is more than " + MOST_YEARS_BEFORE_INCIDENT + " years before the incident");
      }
    }
    if (nhsNumber != null && !validNhsNumber(nhsNumber)) {
      problems.add("nhsNumber", "is not an NHS number: ten digits whose last is the check digit of the nine before it");
    }
    return problems.list();
  }

  private static void names(String field, List<String> names, Problems problems) {
    if (names.size() > MOST_NAMES) {
      problems.add(field, "has more than " + MOST_NAMES + " names");
    } else if (names.stream().anyMatch(n -> n.length() > LONGEST_NAME)) {
      problems.add(field, "has a name longer than " + LONGEST_NAME + " characters");
    }
  }

  /** NHS Digital's modulus 11: weights 10 down to 2, check digit 11 minus the remainder; 10 is never valid. */
  static boolean validNhsNumber(String number) {
    if (!number.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (number.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == number.charAt(9) - '0';
  }
}
