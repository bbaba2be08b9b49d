package uk.cspr.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;
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

  @Test
  void beyondTheDataItWarnsOnceAndStillSkipsWeekends() {
    var fresh = Calendars.shipped();
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      assertThat(fresh.addWorkingDays(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 1));
      assertThat(fresh.addWorkingDays(LocalDate.of(2031, 3, 7), 1)).isEqualTo(LocalDate.of(2031, 3, 10));
      assertThat(fresh.isWorkingDay(LocalDate.of(2030, 6, 1))).isFalse(); // a Saturday
      List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getFormattedMessage()).contains("2029-01-01").contains("2028")
          .contains("cspr.calendar.bank-holidays");
    } finally {
      logger.detachAppender(appender);
    }
  }
}
