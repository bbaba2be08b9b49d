package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.timescales.Timescales;

/**
 * Sets the case's statutory deadlines from the date the local authority became aware:
 * {@code notificationDue} and, when the rapid review is counted from awareness (the default),
 * {@code rapidReviewDue}; counted from the notification, the notification stage sets it.
 */
@Component("setStatutoryDeadlinesDelegate")
public class SetStatutoryDeadlinesDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public SetStatutoryDeadlinesDelegate(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate aware = LocalDate.parse((String) execution.getVariable(CaseProcess.VAR_AWARE_DATE));
    Deadlines deadlines = deadlines(aware, uk.cspr.calendar.WorkingDays.todayInEngland(),
        NotificationRoute.PANEL.name().equals(execution.getVariable(CaseProcess.VAR_NOTIFICATION_ROUTE)));
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_DUE, deadlines.notificationDue().toString());
    if (deadlines.agencyResponseDue() != null) {
      execution.setVariable(CaseProcess.VAR_AGENCY_RESPONSE_DUE, deadlines.agencyResponseDue().toString());
      // counted from the notification, it stays empty until the notification is recorded
      execution.setVariable(CaseProcess.VAR_RAPID_REVIEW_DUE,
          deadlines.rapidReviewDue() == null ? null : deadlines.rapidReviewDue().toString());
    }
    execution.setVariable(CaseProcess.VAR_DEADLINES_PROVISIONAL, deadlines.provisional());
  }

  /**
   * A case's deadlines, and whether any rests on bank holidays computed by rule beyond the data.
   *
   * @param recordedOn the day the case is recorded, when agencies are asked (day 1 of the rapid review)
   */
  public record Deadlines(LocalDate notificationDue, LocalDate rapidReviewDue, LocalDate agencyResponseDue,
      boolean provisional) {}

  public Deadlines deadlines(LocalDate aware, LocalDate recordedOn, boolean rapidReview) {
    LocalDate notificationDue = calendar.addWorkingDays(aware, timescales.getNotificationWorkingDays());
    boolean provisional = calendar.isProvisional(aware, notificationDue);
    LocalDate rapidReviewDue = null;
    LocalDate agencyResponseDue = null;
    if (rapidReview) {
      agencyResponseDue = calendar.addWorkingDays(recordedOn, timescales.getAgencyResponseWorkingDays());
      provisional |= calendar.isProvisional(recordedOn, agencyResponseDue);
      if (!timescales.isRapidReviewCountedFromNotification()) {
        rapidReviewDue = calendar.addWorkingDays(aware, timescales.getRapidReviewWorkingDays());
        provisional |= calendar.isProvisional(aware, rapidReviewDue);
      }
    }
    return new Deadlines(notificationDue, rapidReviewDue, agencyResponseDue, provisional);
  }
}
