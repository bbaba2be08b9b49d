package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.timescales.Timescales;

/**
 * Sets the case's statutory deadlines from the date the local authority became aware:
 * {@code notificationDue} and, when the rapid review is counted from awareness,
 * {@code rapidReviewDue}. Both are ISO dates, as the contract holds them.
 */
@Component("setStatutoryDeadlinesDelegate")
class SetStatutoryDeadlinesDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  SetStatutoryDeadlinesDelegate(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate aware = LocalDate.parse((String) execution.getVariable(CaseProcess.VAR_AWARE_DATE));
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_DUE,
        calendar.addWorkingDays(aware, timescales.getNotificationWorkingDays()).toString());
    if (!timescales.isRapidReviewCountedFromNotification()) {
      execution.setVariable(CaseProcess.VAR_RAPID_REVIEW_DUE,
          calendar.addWorkingDays(aware, timescales.getRapidReviewWorkingDays()).toString());
    }
  }
}
