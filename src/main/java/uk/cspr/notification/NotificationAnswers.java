package uk.cspr.notification;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.cases.CaseAnswers;
import uk.cspr.cases.CaseProcess;
import uk.cspr.cases.NotificationRoute;
import uk.cspr.timescales.Timescales;
import uk.cspr.validation.Answers;

/**
 * Checks what the coordinators record as each notification task completes (called from the
 * user tasks' end listeners) and derives the recorded outcomes: {@code notifiedOn},
 * {@code notificationOnTime} and, where the rapid review is counted from the notification,
 * {@code rapidReviewDue}. A bad answer refuses the completion and the task stays open.
 */
public class NotificationAnswers {

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public NotificationAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /** {@code notifyPanel} completed: the Panel's notification reference and the date it was submitted. */
  public void panelNotified(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    answers.text(Notification.VAR_PANEL_NOTIFICATION_REFERENCE, 60);
    LocalDate notifiedOn = CaseAnswers.dateSinceAwareness(answers, execution, Notification.VAR_NOTIFIED_ON);
    // one submission reaches the Panel, DfE and Ofsted: where a looked-after child or a care leaver
    // died, it must say so, and it is their notification too
    boolean coversDfeAndOfsted = Boolean.TRUE.equals(execution.getVariable(Notification.VAR_DFE_AND_OFSTED_MUST_BE_NOTIFIED));
    if (coversDfeAndOfsted && !Boolean.TRUE.equals(execution.getVariable(Notification.VAR_DFE_AND_OFSTED_COVERED))) {
      answers.problem(Notification.VAR_DFE_AND_OFSTED_COVERED + ": confirm that the notification said a looked-after "
          + "child or a care leaver died, so that it reaches DfE and Ofsted as their notification");
    }
    answers.refuseIfAnyProblem("The notification to the Panel was not recorded");
    recordNotified(execution, notifiedOn);
    if (coversDfeAndOfsted) {
      execution.setVariable(Notification.VAR_DFE_AND_OFSTED_NOTIFIED_ON, notifiedOn.toString());
    }
    if (timescales.isRapidReviewCountedFromNotification()) {
      execution.setVariable(CaseProcess.VAR_RAPID_REVIEW_DUE,
          calendar.addWorkingDays(notifiedOn, timescales.getRapidReviewWorkingDays()).toString());
    }
  }

  /** {@code confirmPartnersTold} completed: when the local safeguarding partners were told. */
  public void partnersTold(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    CaseAnswers.dateSinceAwareness(answers, execution, Notification.VAR_PARTNERS_TOLD_ON);
    answers.refuseIfAnyProblem("The safeguarding partners being told was not recorded");
  }

  /** {@code notifyDfeAndOfsted} completed; on the DfE-and-Ofsted-only route this is the notification. */
  public void dfeAndOfstedNotified(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    LocalDate notifiedOn = CaseAnswers.dateSinceAwareness(answers, execution, Notification.VAR_DFE_AND_OFSTED_NOTIFIED_ON);
    answers.refuseIfAnyProblem("The notification to DfE and Ofsted was not recorded");
    if (NotificationRoute.DFE_AND_OFSTED_ONLY.name().equals(execution.getVariable(CaseProcess.VAR_NOTIFICATION_ROUTE))) {
      execution.setVariable(Notification.VAR_NOTIFIED_ON, notifiedOn.toString());
      recordNotified(execution, notifiedOn);
    }
  }

  private void recordNotified(DelegateExecution execution, LocalDate notifiedOn) {
    LocalDate due = LocalDate.parse((String) execution.getVariable(CaseProcess.VAR_NOTIFICATION_DUE));
    execution.setVariable(Notification.VAR_NOTIFICATION_ON_TIME, !notifiedOn.isAfter(due));
  }
}
