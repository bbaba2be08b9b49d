package uk.cspr.notification;

import java.time.LocalDate;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-notification} owns: what the case gives it and what it gives back. */
public final class Notification {
  public static final String KEY = "cspr-notification";

  public static final String TASK_NOTIFY_PANEL = "notifyPanel";
  public static final String TASK_CONFIRM_PARTNERS_TOLD = "confirmPartnersTold";
  public static final String TASK_NOTIFY_DFE_AND_OFSTED = "notifyDfeAndOfsted";
  public static final String SUBPROCESS_NOTIFY = "SubProcess_NotifyWithinFiveWorkingDays";
  public static final String TIMER_REMINDER = "Timer_NotificationReminder";
  public static final String TIMER_ESCALATION = "Timer_NotificationEscalation";

  // given by the case
  public static final ProcessVariable<String> NOTIFICATION_ROUTE = ProcessVariable.text("notificationRoute");
  /** A looked-after child or a care leaver died, so DfE and Ofsted are told too. */
  public static final ProcessVariable<Boolean> DFE_AND_OFSTED_MUST_BE_NOTIFIED = ProcessVariable.flag("dfeAndOfstedMustBeNotified");
  public static final ProcessVariable<LocalDate> AWARE_DATE = ProcessVariable.date("awareDate");
  public static final ProcessVariable<LocalDate> NOTIFICATION_DUE = ProcessVariable.date("notificationDue");
  /** Given, and given back: counted from the notification, it is set here. */
  public static final ProcessVariable<LocalDate> RAPID_REVIEW_DUE = ProcessVariable.date("rapidReviewDue");

  // recorded here, given back
  public static final ProcessVariable<String> PANEL_NOTIFICATION_REFERENCE = ProcessVariable.text("panelNotificationReference");
  public static final ProcessVariable<LocalDate> NOTIFIED_ON = ProcessVariable.date("notifiedOn");
  public static final ProcessVariable<Boolean> NOTIFICATION_ON_TIME = ProcessVariable.flag("notificationOnTime");
  /** Asked for when the notification was late, for the yearly report. */
  public static final ProcessVariable<String> NOTIFICATION_DELAY_REASON = ProcessVariable.text("notificationDelayReason");
  public static final ProcessVariable<LocalDate> PARTNERS_TOLD_ON = ProcessVariable.date("partnersToldOn");
  public static final ProcessVariable<LocalDate> DFE_AND_OFSTED_NOTIFIED_ON = ProcessVariable.date("dfeAndOfstedNotifiedOn");
  public static final ProcessVariable<String> OFSTED_NOTIFICATION_REFERENCE = ProcessVariable.text("ofstedNotificationReference");
  /** On the Panel route: the one notification said so, and reached DfE and Ofsted. */
  public static final ProcessVariable<Boolean> DFE_AND_OFSTED_COVERED = ProcessVariable.flag("dfeAndOfstedCovered");

  private Notification() {}
}
