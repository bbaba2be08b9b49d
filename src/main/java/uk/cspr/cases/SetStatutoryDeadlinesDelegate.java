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
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_DUE,
        calendar.addWorkingDays(aware, timescales.getNotificationWorkingDays()).toString());
    boolean rapidReview = NotificationRoute.PANEL.name().equals(execution.getVariable(CaseProcess.VAR_NOTIFICATION_ROUTE));
    if (rapidReview) {
      // agencies are asked on the day the case is recorded (day 1 of the rapid review)
      LocalDate today = uk.cspr.calendar.WorkingDays.todayInEngland();
      execution.setVariable(CaseProcess.VAR_AGENCY_RESPONSE_DUE,
          calendar.addWorkingDays(today, timescales.getAgencyResponseWorkingDays()).toString());
      // counted from the notification, it stays empty until the notification is recorded
      execution.setVariable(CaseProcess.VAR_RAPID_REVIEW_DUE, timescales.isRapidReviewCountedFromNotification()
          ? null
          : calendar.addWorkingDays(aware, timescales.getRapidReviewWorkingDays()).toString());
    }
  }
}
