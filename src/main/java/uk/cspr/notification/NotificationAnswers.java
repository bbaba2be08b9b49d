package uk.cspr.notification;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
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
    LocalDate notifiedOn = answers.dateSinceAwareness(Notification.NOTIFIED_ON.name(), Notification.AWARE_DATE.required(execution));
    // one submission reaches the Panel, DfE and Ofsted: where a looked-after child or a care leaver
    // died, it must say so, and it is their notification too
    boolean coversDfeAndOfsted = Notification.DFE_AND_OFSTED_MUST_BE_NOTIFIED.from(execution).orElse(false);
    if (coversDfeAndOfsted && !Notification.DFE_AND_OFSTED_COVERED.from(execution).orElse(false)) {
      answers.problemSaidAs(Notification.DFE_AND_OFSTED_COVERED.name(), "Confirm that the notification said a looked-after "
          + "child or a care leaver died, so that it reaches DfE and Ofsted as their notification");
    }
    requireDelayReasonIfLate(execution, answers, notifiedOn);
    answers.refuseIfAnyProblem("The notification to the Panel was not recorded");
    recordNotified(execution, notifiedOn);
    if (coversDfeAndOfsted) {
      Notification.DFE_AND_OFSTED_NOTIFIED_ON.set(execution, notifiedOn);
    }
    if (timescales.isRapidReviewCountedFromNotification()) {
      Notification.RAPID_REVIEW_DUE.set(execution,
          calendar.addWorkingDays(notifiedOn, timescales.rapidReviewWorkingDays()));
    }
  }

  /** {@code confirmPartnersTold} completed: when the local safeguarding partners were told. */
  public void partnersTold(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    answers.dateSinceAwareness(Notification.PARTNERS_TOLD_ON.name(), Notification.AWARE_DATE.required(execution));
    answers.refuseIfAnyProblem("The safeguarding partners being told was not recorded");
  }

  /** {@code notifyDfeAndOfsted} completed; on the DfE-and-Ofsted-only route this is the notification. */
  public void dfeAndOfstedNotified(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    LocalDate notifiedOn = answers.dateSinceAwareness(Notification.DFE_AND_OFSTED_NOTIFIED_ON.name(),
        Notification.AWARE_DATE.required(execution));
    if (NotificationRoute.DFE_AND_OFSTED_ONLY.name().equals(Notification.NOTIFICATION_ROUTE.from(execution).orElse(null))) {
      requireDelayReasonIfLate(execution, answers, notifiedOn);
    }
    answers.refuseIfAnyProblem("The notification to DfE and Ofsted was not recorded");
    if (NotificationRoute.DFE_AND_OFSTED_ONLY.name().equals(Notification.NOTIFICATION_ROUTE.from(execution).orElse(null))) {
      Notification.NOTIFIED_ON.set(execution, notifiedOn);
      recordNotified(execution, notifiedOn);
    }
  }

  /** A notification after the fifth working day says why: the form shows the question only then, so Java asks. */
  private static void requireDelayReasonIfLate(DelegateExecution execution, Answers answers, LocalDate notifiedOn) {
    LocalDate due = Notification.NOTIFICATION_DUE.required(execution);
    boolean late = notifiedOn != null && notifiedOn.isAfter(due);
    if (late && Notification.NOTIFICATION_DELAY_REASON.from(execution).filter(r -> !r.isBlank()).isEmpty()) {
      answers.problem(Notification.NOTIFICATION_DELAY_REASON.name(), "is required: the notification was submitted after "
          + "its deadline (" + UkDates.asTyped(due) + ")");
    }
  }

  private void recordNotified(DelegateExecution execution, LocalDate notifiedOn) {
    Notification.NOTIFICATION_ON_TIME.set(execution, !notifiedOn.isAfter(Notification.NOTIFICATION_DUE.required(execution)));
  }
}
