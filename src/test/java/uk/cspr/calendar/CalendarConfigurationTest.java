package uk.cspr.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The bank holidays come from configuration: a newer file replaces the shipped one without a rebuild. */
class CalendarConfigurationTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import(CalendarConfiguration.class)
  static class CalendarOnly {}

  final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

  @Test
  void theShippedFileIsTheDefault() {
    context.run(c -> {
      assertThat(c).hasNotFailed();
      assertThat(c.getBean(WorkingDays.class).addWorkingDays("2025-12-22", 5)).isEqualTo("2025-12-31");
    });
  }

  @Test
  void aFileNamedInConfigurationReplacesTheShippedData(@TempDir Path dir) throws Exception {
    // a one-off bank holiday proclaimed for Friday 5 June 2026, as for the 2022 jubilee
    Path file = dir.resolve("bank-holidays.json");
    Files.writeString(file, """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year's Day", "date": "2026-01-01", "notes": "", "bunting": true},
          {"title": "A proclaimed bank holiday", "date": "2026-06-05", "notes": "", "bunting": true}
        ]}}""");
    context.withPropertyValues("cspr.calendar.bank-holidays=file:" + file).run(c -> {
      WorkingDayCalendar calendar = c.getBean(WorkingDayCalendar.class);
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 5))).isFalse();
      assertThat(calendar.addWorkingDays(LocalDate.of(2026, 6, 4), 1)).isEqualTo(LocalDate.of(2026, 6, 8));
      // Easter is not in this file, so it is a working day now
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
    });
  }

  @Test
  void aMissingFileStopsStartUpNamingTheProperty() {
    context.withPropertyValues("cspr.calendar.bank-holidays=file:/nowhere/bank-holidays.json").run(c ->
        assertThat(c).getFailure().rootCause().hasMessageContaining("cspr.calendar.bank-holidays")
            .hasMessageContaining("does not exist"));
  }

  @Test
  void aMalformedDateStopsStartUpNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("holidays.json");
    Files.writeString(file, """
        {"england-and-wales": {"events": [{"title": "Typo", "date": "2026-13-01"}]}}""");
    context.withPropertyValues("cspr.calendar.bank-holidays=file:" + file).run(c ->
        assertThat(c).getFailure().hasStackTraceContaining("holidays.json")
            .hasStackTraceContaining("2026-13-01"));
  }

  @Test
  void aFileWithoutTheDivisionStopsStartUp(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scotland.json");
    Files.writeString(file, """
        {"scotland": {"events": [{"title": "St Andrew's Day", "date": "2026-11-30"}]}}""");
    context.withPropertyValues("cspr.calendar.bank-holidays=file:" + file).run(c ->
        assertThat(c).getFailure().rootCause().hasMessageContaining("england-and-wales"));
  }
}
