package uk.cspr.notification;

/** The names {@code cspr-notification} owns. */
public final class Notification {
  public static final String KEY = "cspr-notification";

  public static final String TASK_NOTIFY_PANEL = "notifyPanel";
  public static final String TASK_CONFIRM_PARTNERS_TOLD = "confirmPartnersTold";
  public static final String TASK_NOTIFY_DFE_AND_OFSTED = "notifyDfeAndOfsted";
  public static final String SUBPROCESS_NOTIFY = "SubProcess_NotifyWithinFiveWorkingDays";
  public static final String TIMER_REMINDER = "Timer_NotificationReminder";
  public static final String TIMER_ESCALATION = "Timer_NotificationEscalation";

  public static final String VAR_PANEL_NOTIFICATION_REFERENCE = "panelNotificationReference";
  public static final String VAR_NOTIFIED_ON = "notifiedOn";
  public static final String VAR_NOTIFICATION_ON_TIME = "notificationOnTime";
  public static final String VAR_PARTNERS_TOLD_ON = "partnersToldOn";
  public static final String VAR_DFE_AND_OFSTED_NOTIFIED_ON = "dfeAndOfstedNotifiedOn";
  public static final String VAR_OFSTED_NOTIFICATION_REFERENCE = "ofstedNotificationReference";
  /** Given by the case: a looked-after child or a care leaver died, so DfE and Ofsted are told too. */
  public static final String VAR_DFE_AND_OFSTED_MUST_BE_NOTIFIED = "dfeAndOfstedMustBeNotified";
  /** On the Panel route: the one notification said so, and reached DfE and Ofsted. */
  public static final String VAR_DFE_AND_OFSTED_COVERED = "dfeAndOfstedCovered";

  private Notification() {}
}
