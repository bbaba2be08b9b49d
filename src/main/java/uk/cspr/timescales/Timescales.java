package uk.cspr.timescales;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The statutory and guidance timescales, in {@code cspr.timescales.*}. Defaults follow Working
 * Together 2023 and the Panel's guidance and are written once, on the components below; a
 * partnership changes them in {@code application.yaml} without touching BPMN. BPMN reads them
 * from the bean {@code timescales}: {@code ${timescales.agencyResponseWorkingDays()}}.
 *
 * <p>Checked when the application starts: a bad value stops start-up with a message naming the
 * property, rather than producing deadlines nobody notices are wrong.
 */
@ConfigurationProperties(Timescales.PREFIX)
public record Timescales(
    @DefaultValue("5") int notificationWorkingDays,
    @DefaultValue("15") int rapidReviewWorkingDays,
    /* where the rapid review's 15 working days are counted from */
    @DefaultValue("AWARENESS") RapidReviewClockStart rapidReviewClockStartsAt,
    @DefaultValue("8") int agencyResponseWorkingDays,
    /* agencies answer this many working days before the rapid review is due, for the meeting and sign-off */
    @DefaultValue("5") int agencyResponseBeforeRapidReviewWorkingDays,
    /* however late the case, an agency gets at least this long after it is asked */
    @DefaultValue("3") int agencyResponseMinimumWorkingDays,
    @DefaultValue("2") int reminderWorkingDaysBefore,
    @DefaultValue("15") int panelResponseChaseWorkingDays,
    /* chased once, the Panel is chased again after this many more working days while nothing comes */
    @DefaultValue("5") int panelResponseChaseAgainWorkingDays,
    /* the partners decide on a response that differs from their decision (and tell the Panel of one not to review) within */
    @DefaultValue("10") int partnersDecisionAfterPanelWorkingDays,
    @DefaultValue("P6M") Period localReview,
    /* tell the Panel, Ofsted and DfE of a decision to review (Working Together 2018; 2023 may no longer ask it) */
    @DefaultValue("true") boolean localReviewInformPanelOfstedAndDfe,
    @DefaultValue("5") int localReviewInformWorkingDays,
    /* the partners check the review's progress this often while it runs (SI 2018/789 reg 14) */
    @DefaultValue("P4W") Period localReviewProgressCheck,
    /* the coordinators are reminded this many working days before the final report is due */
    @DefaultValue("20") int localReviewReminderWorkingDays,
    /* agencies asked for information for the review answer within */
    @DefaultValue("20") int localReviewAgencyResponseWorkingDays,
    @DefaultValue("7") int prePublicationNoticeWorkingDays,
    @DefaultValue("P12M") Period minimumPublication,
    @DefaultValue("P25Y") Period recordRetention,
    /* agencies confirm how the learning reached their practitioners within this many working days of the plan */
    @DefaultValue("30") int learningDisseminationWorkingDays,
    /* the partners review the learning's impact this long after the action plan is agreed */
    @DefaultValue("P6M") Period learningImpactReview,
    /* the coordinators get the impact review this many working days before it is due */
    @DefaultValue("20") int learningImpactReviewNoticeWorkingDays) {

  static final String PREFIX = "cspr.timescales";

  /** Where the rapid review's 15 working days are counted from. */
  public enum RapidReviewClockStart {
    /** From the day the local authority became aware (the Panel's expectation, and the default). */
    AWARENESS,
    /** From the day the notification was sent to the Panel (some partnerships' local practice). */
    NOTIFICATION
  }

  private static final int MAX_WORKING_DAYS = 130; // half a year: anything longer is a typo

  public Timescales {
    List<String> problems = new ArrayList<>();
    workingDays(problems, "notification-working-days", notificationWorkingDays);
    workingDays(problems, "rapid-review-working-days", rapidReviewWorkingDays);
    workingDays(problems, "agency-response-working-days", agencyResponseWorkingDays);
    workingDays(problems, "agency-response-before-rapid-review-working-days", agencyResponseBeforeRapidReviewWorkingDays);
    workingDays(problems, "agency-response-minimum-working-days", agencyResponseMinimumWorkingDays);
    if (agencyResponseMinimumWorkingDays > agencyResponseWorkingDays) {
      problems.add(PREFIX + ".agency-response-minimum-working-days (" + agencyResponseMinimumWorkingDays
          + ") must not be more than agency-response-working-days (" + agencyResponseWorkingDays + ")");
    }
    if (agencyResponseBeforeRapidReviewWorkingDays >= rapidReviewWorkingDays) {
      problems.add(PREFIX + ".agency-response-before-rapid-review-working-days (" + agencyResponseBeforeRapidReviewWorkingDays
          + ") must be fewer than rapid-review-working-days (" + rapidReviewWorkingDays + ")");
    }
    workingDays(problems, "panel-response-chase-working-days", panelResponseChaseWorkingDays);
    workingDays(problems, "panel-response-chase-again-working-days", panelResponseChaseAgainWorkingDays);
    workingDays(problems, "partners-decision-after-panel-working-days", partnersDecisionAfterPanelWorkingDays);
    workingDays(problems, "pre-publication-notice-working-days", prePublicationNoticeWorkingDays);
    if (rapidReviewClockStartsAt == null) {
      problems.add(PREFIX + ".rapid-review-clock-starts-at must be AWARENESS or NOTIFICATION");
    }
    if (reminderWorkingDaysBefore < 1
        || reminderWorkingDaysBefore >= Math.min(notificationWorkingDays, agencyResponseMinimumWorkingDays)) {
      problems.add(PREFIX + ".reminder-working-days-before must be at least 1 and fewer than both "
          + "notification-working-days and agency-response-minimum-working-days, or reminders would go out "
          + "before the work is asked for (was " + reminderWorkingDaysBefore + ")");
    }
    if (agencyResponseWorkingDays >= rapidReviewWorkingDays) {
      problems.add(PREFIX + ".agency-response-working-days (" + agencyResponseWorkingDays
          + ") must be fewer than rapid-review-working-days (" + rapidReviewWorkingDays
          + "): agencies answer before the rapid review meets");
    }
    period(problems, "local-review", localReview);
    workingDays(problems, "local-review-inform-working-days", localReviewInformWorkingDays);
    period(problems, "local-review-progress-check", localReviewProgressCheck);
    workingDays(problems, "local-review-reminder-working-days", localReviewReminderWorkingDays);
    workingDays(problems, "local-review-agency-response-working-days", localReviewAgencyResponseWorkingDays);
    period(problems, "minimum-publication", minimumPublication);
    period(problems, "record-retention", recordRetention);
    workingDays(problems, "learning-dissemination-working-days", learningDisseminationWorkingDays);
    period(problems, "learning-impact-review", learningImpactReview);
    workingDays(problems, "learning-impact-review-notice-working-days", learningImpactReviewNoticeWorkingDays);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The defaults, for tests and tools that run without Spring. */
  public static Timescales defaults() {
    return of(Map.of());
  }

  /**
   * The timescales a partnership's settings give, named as in {@code application.yaml} without the
   * prefix ({@code "rapid-review-clock-starts-at" -> "NOTIFICATION"}); bound as Spring Boot binds
   * them, so what is not named takes the same defaults.
   */
  public static Timescales of(Map<String, String> settings) {
    Map<String, String> prefixed = new java.util.HashMap<>();
    settings.forEach((name, value) -> prefixed.put(PREFIX + "." + name, value));
    return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(PREFIX, Bindable.of(Timescales.class));
  }

  public boolean isRapidReviewCountedFromNotification() {
    return rapidReviewClockStartsAt == RapidReviewClockStart.NOTIFICATION;
  }

  /** How long after the review begins, and after each check, the next progress check is asked for (ISO 8601, for a timer). */
  public String localReviewProgressCheckInterval() {
    return localReviewProgressCheck.toString();
  }

  /** Whole days of retention, for Camunda's history time to live, which counts days. */
  public int recordRetentionDays() {
    LocalDate from = LocalDate.of(2000, 1, 1);
    return Math.toIntExact(ChronoUnit.DAYS.between(from, from.plus(recordRetention)));
  }

  private static void workingDays(List<String> problems, String name, int value) {
    if (value < 1 || value > MAX_WORKING_DAYS) {
      problems.add(PREFIX + "." + name + " must be a number of working days from 1 to "
          + MAX_WORKING_DAYS + " (was " + value + ")");
    }
  }

  private static void period(List<String> problems, String name, Period value) {
    if (value == null || value.isZero() || value.isNegative()
        || value.getYears() < 0 || value.getMonths() < 0 || value.getDays() < 0) {
      problems.add(PREFIX + "." + name + " must be a positive period such as P6M or P25Y (was "
          + value + ")");
    }
  }
}
