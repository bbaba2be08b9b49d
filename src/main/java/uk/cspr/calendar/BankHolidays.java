package uk.cspr.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The bank holidays of one division of gov.uk's {@code bank-holidays.json}, read once at start-up,
 * and beyond the years it covers the standard ones by rule ({@link BankHolidayRules}).
 *
 * <p>Kept as data rather than computed from rules where data exists, because the real list is set
 * by royal proclamation: the 2022 jubilee and state funeral, the 2023 coronation and the moved
 * 2020 VE day could never have been derived from Easter and "last Monday in May". So a day outside
 * the data is {@link #isProvisional provisional}: a proclamation may still move or add a holiday.
 */
public final class BankHolidays {

  public static final String ENGLAND_AND_WALES = "england-and-wales";

  private final NavigableSet<LocalDate> dates;
  private final String source;

  private BankHolidays(NavigableSet<LocalDate> dates, String source) {
    this.dates = Collections.unmodifiableNavigableSet(dates);
    this.source = source;
  }

  /**
   * Reads the given division from a document in gov.uk's format:
   * {@code {"england-and-wales": {"division": ..., "events": [{"title", "date", ...}]}}}.
   *
   * @throws IllegalArgumentException when the document or a date in it is malformed, naming the
   *     source, so a bad replacement file stops start-up instead of silently removing holidays
   */
  public static BankHolidays read(InputStream json, String division, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("Bank holidays file " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode events = root == null ? null : root.path(division).path("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw new IllegalArgumentException(
          "Bank holidays file " + source + " has no events for division '" + division + "'");
    }
    NavigableSet<LocalDate> dates = new TreeSet<>();
    for (JsonNode event : events) {
      String date = event.path("date").asText("");
      try {
        dates.add(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Bank holidays file " + source + " has an event with date '" + date + "', expected yyyy-MM-dd", e);
      }
    }
    return new BankHolidays(dates, source);
  }

  private final java.util.Map<Integer, NavigableSet<LocalDate>> byRule = new java.util.concurrent.ConcurrentHashMap<>();

  public boolean isBankHoliday(LocalDate date) {
    return covers(date) ? dates.contains(date) : byRule.computeIfAbsent(date.getYear(), BankHolidayRules::of).contains(date);
  }

  /** Whether the day's being a bank holiday or not comes from the rule, not from published data. */
  public boolean isProvisional(LocalDate date) {
    return !covers(date);
  }

  /** The last day the published data speaks for: its last year, whole. */
  public LocalDate lastDay() {
    return LocalDate.of(lastYear(), 12, 31);
  }

  public NavigableSet<LocalDate> dates() {
    return dates;
  }

  public int firstYear() {
    return dates.first().getYear();
  }

  public int lastYear() {
    return dates.last().getYear();
  }

  public boolean covers(LocalDate date) {
    return date.getYear() >= firstYear() && date.getYear() <= lastYear();
  }

  public String source() {
    return source;
  }
}
