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
  }

  /**
   * A case's deadlines, and whether any rests on bank holidays computed by rule beyond the data.
   *
   * @param recordedOn the day the case is recorded, when agencies are asked (day 1 of the rapid review)
   */
  public record Deadlines(LocalDate notificationDue, LocalDate rapidReviewDue, LocalDate agencyResponseDue,
      boolean provisional) {}

  public Deadlines deadlines(LocalDate aware, LocalDate recordedOn, boolean rapidReview) {
    LocalDate notificationDue = calendar.addWorkingDays(aware, timescales.notificationWorkingDays());
    boolean provisional = calendar.isProvisional(aware, notificationDue);
    LocalDate rapidReviewDue = null;
    LocalDate agencyResponseDue = null;
    if (rapidReview) {
      agencyResponseDue = calendar.addWorkingDays(recordedOn, timescales.agencyResponseWorkingDays());
      provisional |= calendar.isProvisional(recordedOn, agencyResponseDue);
      if (!timescales.isRapidReviewCountedFromNotification()) {
        rapidReviewDue = calendar.addWorkingDays(aware, timescales.rapidReviewWorkingDays());
        provisional |= calendar.isProvisional(aware, rapidReviewDue);
      }
    }
    return new Deadlines(notificationDue, rapidReviewDue, agencyResponseDue, provisional);
  }
}
