package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.notification.NotificationRoute;
import uk.cspr.timescales.Timescales;

/**
 * Sets the case's statutory deadlines from the date the local authority became aware:
 * {@code notificationDue} and, when the rapid review is counted from awareness (the default),
 * {@code rapidReviewDue}; counted from the notification, the notification stage sets it.
 */
public class SetStatutoryDeadlinesDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public SetStatutoryDeadlinesDelegate(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Deadlines deadlines = deadlines(CaseProcess.AWARE_DATE.required(execution), uk.cspr.calendar.WorkingDays.todayInEngland(),
        NotificationRoute.PANEL.name().equals(CaseProcess.NOTIFICATION_ROUTE.required(execution)));
    CaseProcess.NOTIFICATION_DUE.set(execution, deadlines.notificationDue());
    if (deadlines.agencyResponseDue() != null) {
      CaseProcess.AGENCY_RESPONSE_DUE.set(execution, deadlines.agencyResponseDue());
      // counted from the notification, it stays empty until the notification is recorded
      CaseProcess.RAPID_REVIEW_DUE.set(execution, deadlines.rapidReviewDue());
    }
    CaseProcess.DEADLINES_PROVISIONAL.set(execution, deadlines.provisional());
    if (deadlines.rapidReviewAtRisk()) {
      // the case's "rapid review at risk" event subprocess tells the coordinators at once
      CaseProcess.RAPID_REVIEW_AT_RISK.set(execution, true);
    }
  }

  /**
   * A case's deadlines, and whether any rests on bank holidays computed by rule beyond the data.
   *
   * @param rapidReviewAtRisk the agencies' minimum time runs into the days the rapid review needs
   *     after their answers: the coordinators must know at once that it cannot be met
   */
  public record Deadlines(LocalDate notificationDue, LocalDate rapidReviewDue, LocalDate agencyResponseDue,
      boolean provisional, boolean rapidReviewAtRisk) {}

  /**
   * The deadlines of a case aware on one day and recorded on another (when agencies are asked).
   * Agencies answer within their usual time, but strictly before the rapid review, leaving it its
   * own days for the meeting and sign-off; never in fewer than their minimum after being asked,
   * which wins where a late case leaves no room for both. Counted from the notification, the
   * rapid review is taken as due on the 15th working day after awareness until the notification
   * fixes it.
   */
  public Deadlines deadlines(LocalDate aware, LocalDate recordedOn, boolean rapidReview) {
    LocalDate notificationDue = calendar.addWorkingDays(aware, timescales.notificationWorkingDays());
    boolean provisional = calendar.isProvisional(aware, notificationDue);
    LocalDate rapidReviewDue = null;
    LocalDate agencyResponseDue = null;
    boolean atRisk = false;
    if (rapidReview) {
      LocalDate fromAwareness = calendar.addWorkingDays(aware, timescales.rapidReviewWorkingDays());
      if (!timescales.isRapidReviewCountedFromNotification()) {
        rapidReviewDue = fromAwareness;
      }
      LocalDate usual = calendar.addWorkingDays(recordedOn, timescales.agencyResponseWorkingDays());
      LocalDate beforeRapidReview = calendar.addWorkingDays(fromAwareness, -timescales.agencyResponseBeforeRapidReviewWorkingDays());
      LocalDate minimum = calendar.addWorkingDays(recordedOn, timescales.agencyResponseMinimumWorkingDays());
      agencyResponseDue = usual.isBefore(beforeRapidReview) ? usual : beforeRapidReview;
      if (agencyResponseDue.isBefore(minimum)) {
        agencyResponseDue = minimum;
        atRisk = true;
      }
      provisional |= calendar.isProvisional(aware, fromAwareness) || calendar.isProvisional(recordedOn, agencyResponseDue);
    }
    return new Deadlines(notificationDue, rapidReviewDue, agencyResponseDue, provisional, atRisk);
  }
}
