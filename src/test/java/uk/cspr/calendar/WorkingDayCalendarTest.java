package uk.cspr.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.testing.Calendars;

class WorkingDayCalendarTest {

  static final WorkingDayCalendar calendar = Calendars.shipped();

  /** The bank holidays of England and Wales as domain.md lists them from the proclamations. */
  static final Map<Integer, List<String>> PROCLAIMED = Map.of(
      2024, List.of("01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"),
      2025, List.of("01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
      2026, List.of("01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
      2027, List.of("01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"),
      2028, List.of("01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"));

  static Stream<LocalDate> proclaimedBankHolidays() {
    return PROCLAIMED.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(md -> LocalDate.parse(e.getKey() + "-" + md)));
  }

  @ParameterizedTest
  @MethodSource("proclaimedBankHolidays")
  void everyBankHolidayOf2024To2028IsNotAWorkingDay(LocalDate bankHoliday) {
    assertThat(calendar.isWorkingDay(bankHoliday)).as("%s", bankHoliday).isFalse();
  }

  @Test
  void theShippedDataHoldsExactlyTheProclaimedBankHolidaysOf2024To2028() {
    var shipped = calendar.bankHolidays().dates().subSet(
        LocalDate.of(2024, 1, 1), true, LocalDate.of(2028, 12, 31), true);
    assertThat(shipped).containsExactlyElementsOf(proclaimedBankHolidays().sorted().toList());
  }

  @Test
  void theShippedDataCovers2018To2028AndFallsOnWeekdays() {
    assertThat(calendar.bankHolidays().firstYear()).isLessThanOrEqualTo(2018);
    assertThat(calendar.bankHolidays().lastYear()).isGreaterThanOrEqualTo(2028);
    assertThat(calendar.bankHolidays().dates()).allSatisfy(d ->
        assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    // the one-off holidays a rule could never produce
    assertThat(calendar.bankHolidays().dates()).contains(
        LocalDate.of(2020, 5, 8), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19), LocalDate.of(2023, 5, 8));
  }

  @ParameterizedTest(name = "Christmas {0}: Christmas Day and Boxing Day on a weekend are taken on {1} and {2}")
  @CsvSource({"2026, 2026-12-25, 2026-12-28", "2027, 2027-12-27, 2027-12-28"})
  void christmasSubstituteDaysAreNotWorkingDays(int year, LocalDate first, LocalDate second) {
    assertThat(calendar.isWorkingDay(first)).isFalse();
    assertThat(calendar.isWorkingDay(second)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(year, 12, 24))).isEqualTo(
        LocalDate.of(year, 12, 24).getDayOfWeek().getValue() < 6);
    // the first working day after Christmas is the one after the substitute days
    assertThat(calendar.nextWorkingDay(LocalDate.of(year, 12, 24))).isEqualTo(
        year == 2026 ? LocalDate.of(2026, 12, 29) : LocalDate.of(2027, 12, 29));
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // the contract's worked examples
      "2025-12-22, 5, 2025-12-31",
      "2025-12-22, 15, 2026-01-15",
      "2025-05-03, 5, 2025-05-12",
      // day 1 is the first working day after the start date
      "2026-06-01, 1, 2026-06-02",
      "2026-06-05, 1, 2026-06-08",
      // across Easter 2026 (Good Friday 3 April, Easter Monday 6 April)
      "2026-04-01, 2, 2026-04-07",
      // across Christmas 2026, Boxing Day substituted on Monday 28 December
      "2026-12-23, 5, 2027-01-04",
      // across Christmas 2027, both days substituted, and New Year 2028 substituted on Monday 3 January
      "2027-12-23, 5, 2028-01-04",
      // the agency deadline: 8 working days
      "2026-05-01, 8, 2026-05-14",
      // backwards: a reminder 2 working days before Tuesday 7 April 2026 falls on Thursday 2 April
      "2026-04-07, -2, 2026-04-01",
      "2026-04-07, -1, 2026-04-02",
      "2026-06-03, 0, 2026-06-03"})
  void addsWorkingDays(LocalDate start, int workingDays, LocalDate expected) {
    assertThat(calendar.addWorkingDays(start, workingDays)).isEqualTo(expected);
  }

  @Test
  void countingBetweenTwoDatesIsTheInverseOfAdding() {
    for (LocalDate start = LocalDate.of(2024, 1, 1); start.getYear() < 2029; start = start.plusDays(3)) {
      for (int n : new int[] {1, 5, 8, 15}) {
        LocalDate due = calendar.addWorkingDays(start, n);
        assertThat(calendar.workingDaysBetween(start, due)).as("%s + %d", start, n).isEqualTo(n);
        assertThat(calendar.workingDaysBetween(due, start)).isEqualTo(-n);
        assertThat(calendar.isWorkingDay(due)).isTrue();
      }
    }
  }

  @Test
  void workingDaysBetweenSkipsWeekendsAndBankHolidays() {
    // Christmas week 2025: 23, 24, 29, 30, 31 December
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 31))).isEqualTo(5);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 28))).isZero();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isZero();
  }

  @Test
  void theDeadlineIsTheEndOfTheDayInEnglandInWinterAndSummer() {
    // GMT in winter, BST (UTC+1) in summer
    assertThat(calendar.deadlineInstant(LocalDate.of(2025, 12, 31)).toInstant())
        .isEqualTo(LocalDate.of(2025, 12, 31).atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
    assertThat(calendar.deadlineInstant(LocalDate.of(2026, 7, 1)).toInstant())
        .isEqualTo(LocalDate.of(2026, 7, 1).atTime(22, 59, 59).toInstant(ZoneOffset.UTC));
    assertThat(calendar.sendTime(LocalDate.of(2026, 7, 1)).toInstant())
        .isEqualTo(LocalDate.of(2026, 7, 1).atTime(8, 0).toInstant(ZoneOffset.UTC));
    assertThat(calendar.sendTime(LocalDate.of(2026, 1, 5)).toInstant())
        .isEqualTo(LocalDate.of(2026, 1, 5).atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void aDueBeforeBoundIncludesTasksDueOnTheLastWorkingDay() {
    WorkingDays workingDays = new WorkingDays(calendar);
    // from Saturday 28 November 2026, five working days end on Friday 4 December
    assertThat(workingDays.justAfterDeadline("2026-11-28", 5).toInstant())
        .isEqualTo(LocalDate.of(2026, 12, 5).atStartOfDay().toInstant(ZoneOffset.UTC));
    assertThat(workingDays.endOfDay("2026-12-04")).isBefore(workingDays.justAfterDeadline("2026-11-28", 5));
  }

  /** What proclamations moved or added, which no rule can know: the only differences allowed. */
  static final Map<Integer, List<String>> ONLY_IN_THE_DATA = Map.of(
      2020, List.of("2020-05-08"), 2022, List.of("2022-06-02", "2022-06-03", "2022-09-19"), 2023, List.of("2023-05-08"));
  static final Map<Integer, List<String>> ONLY_BY_RULE = Map.of(
      2020, List.of("2020-05-04"), 2022, List.of("2022-05-30"));

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028})
  void theRuleReproducesEveryPublishedHolidayButTheProclaimedOnes(int year) {
    var published = calendar.bankHolidays().dates().subSet(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
    var byRule = BankHolidayRules.of(year);
    assertThat(published.stream().filter(d -> !byRule.contains(d)).map(LocalDate::toString))
        .containsExactlyElementsOf(ONLY_IN_THE_DATA.getOrDefault(year, List.of()));
    assertThat(byRule.stream().filter(d -> !published.contains(d)).map(LocalDate::toString))
        .containsExactlyElementsOf(ONLY_BY_RULE.getOrDefault(year, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // checked by hand: Easter Sunday 1 April 2029 and 21 April 2030; Christmas 2029 on a Tuesday
      "2029 | 2029-01-01, 2029-03-30, 2029-04-02, 2029-05-07, 2029-05-28, 2029-08-27, 2029-12-25, 2029-12-26",
      "2030 | 2030-01-01, 2030-04-19, 2030-04-22, 2030-05-06, 2030-05-27, 2030-08-26, 2030-12-25, 2030-12-26",
      // weekend substitutes: New Year's Day on a Saturday, Christmas on a Sunday
      "2033 | 2033-01-03, 2033-04-15, 2033-04-18, 2033-05-02, 2033-05-30, 2033-08-29, 2033-12-26, 2033-12-27"})
  void beyondTheDataTheStandardHolidaysComeFromTheRule(int year, String expected) {
    assertThat(BankHolidayRules.of(year).stream().map(LocalDate::toString))
        .containsExactly(expected.split(",\\s*"));
    for (String day : expected.split(",\\s*")) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as(day).isFalse();
    }
  }

  @Test
  void countingIntoTheYearsBeyondTheDataSkipsTheirHolidaysAndIsProvisional() {
    // 1 January 2029, a Monday, is a bank holiday that 2028-only data misses
    assertThat(calendar.addWorkingDays(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 2));
    assertThat(calendar.addWorkingDays(LocalDate.of(2028, 12, 22), 5)).isEqualTo(LocalDate.of(2029, 1, 3));
    assertThat(calendar.isProvisional(LocalDate.of(2028, 12, 22), LocalDate.of(2029, 1, 3))).isTrue();
    assertThat(calendar.isProvisional(LocalDate.of(2028, 12, 1), LocalDate.of(2028, 12, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 1))).isFalse(); // a Saturday
  }

  @Test
  void startUpWarnsAYearBeforeTheDataRunsOut() {
    assertThat(CalendarConfiguration.warnIfEndingSoon(calendar.bankHolidays(), LocalDate.of(2027, 12, 31))).isFalse();
    assertThat(CalendarConfiguration.warnIfEndingSoon(calendar.bankHolidays(), LocalDate.of(2028, 1, 2))).isTrue();
  }
}
