package uk.cspr.timescales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class TimescalesTest {

  @Configuration
  @EnableConfigurationProperties(Timescales.class)
  static class TimescalesOnly {}

  final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(TimescalesOnly.class);

  @Test
  void theDefaultsAreTheStatutoryAndGuidanceTimescales() {
    context.run(c -> {
      Timescales t = c.getBean(Timescales.class);
      assertThat(t.notificationWorkingDays()).isEqualTo(5);
      assertThat(t.rapidReviewWorkingDays()).isEqualTo(15);
      assertThat(t.rapidReviewClockStartsAt()).isEqualTo(Timescales.RapidReviewClockStart.AWARENESS);
      assertThat(t.agencyResponseWorkingDays()).isEqualTo(8);
      assertThat(t.agencyResponseBeforeRapidReviewWorkingDays()).isEqualTo(5);
      assertThat(t.agencyResponseMinimumWorkingDays()).isEqualTo(3);
      assertThat(t.reminderWorkingDaysBefore()).isEqualTo(2);
      assertThat(t.panelResponseChaseWorkingDays()).isEqualTo(15);
      assertThat(t.localReview()).isEqualTo(Period.ofMonths(6));
      assertThat(t.prePublicationNoticeWorkingDays()).isEqualTo(7);
      assertThat(t.minimumPublication()).isEqualTo(Period.ofMonths(12));
      assertThat(t.recordRetention()).isEqualTo(Period.ofYears(25));
      assertThat(t.recordRetentionDays()).isBetween(9131, 9132);
    });
  }

  @Test
  void theTestsDefaultsAreTheApplicationsAsTheyAreWrittenOnce() {
    context.run(c -> assertThat(Timescales.defaults()).isEqualTo(c.getBean(Timescales.class)));
    context.withPropertyValues("cspr.timescales.local-review=P9M").run(c ->
        assertThat(Timescales.of(java.util.Map.of("local-review", "P9M"))).isEqualTo(c.getBean(Timescales.class)));
  }

  @Test
  void aPartnershipCanCountTheRapidReviewFromTheNotificationAndChangeItsTimescales() {
    context.withPropertyValues(
        "cspr.timescales.rapid-review-clock-starts-at=NOTIFICATION",
        "cspr.timescales.agency-response-working-days=10",
        "cspr.timescales.local-review=P9M").run(c -> {
          Timescales t = c.getBean(Timescales.class);
          assertThat(t.isRapidReviewCountedFromNotification()).isTrue();
          assertThat(t.agencyResponseWorkingDays()).isEqualTo(10);
          assertThat(t.localReview()).isEqualTo(Period.ofMonths(9));
        });
  }

  @ParameterizedTest(name = "{0}={1} stops start-up")
  @CsvSource(delimiter = '|', value = {
      "cspr.timescales.notification-working-days | 0 | notification-working-days",
      "cspr.timescales.rapid-review-working-days | -15 | rapid-review-working-days",
      "cspr.timescales.agency-response-working-days | 20 | agency-response-working-days",
      "cspr.timescales.reminder-working-days-before | 8 | reminder-working-days-before",
      "cspr.timescales.reminder-working-days-before | 0 | reminder-working-days-before",
      "cspr.timescales.reminder-working-days-before | 3 | reminder-working-days-before",
      "cspr.timescales.agency-response-minimum-working-days | 9 | agency-response-minimum-working-days",
      "cspr.timescales.agency-response-before-rapid-review-working-days | 15 | agency-response-before-rapid-review-working-days",
      "cspr.timescales.agency-response-before-rapid-review-working-days | 0 | agency-response-before-rapid-review-working-days",
      "cspr.timescales.panel-response-chase-working-days | 1000 | panel-response-chase-working-days",
      "cspr.timescales.pre-publication-notice-working-days | 0 | pre-publication-notice-working-days",
      "cspr.timescales.local-review | P0D | local-review",
      "cspr.timescales.minimum-publication | P-12M | minimum-publication",
      "cspr.timescales.record-retention | P0Y | record-retention",
      "cspr.timescales.rapid-review-clock-starts-at | WHENEVER | rapid-review-clock-starts-at",
      "cspr.timescales.notification-working-days | five | notification-working-days"})
  void anInvalidValueStopsStartUpWithAMessageNamingTheProperty(String property, String value, String named) {
    context.withPropertyValues(property + "=" + value).run(c -> {
      assertThat(c).hasFailed();
      assertThat(fullMessage(c.getStartupFailure())).contains(named);
    });
  }

  private static String fullMessage(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
