package uk.cspr.cases;

/** Where a serious incident is notified; held on the case as {@code notificationRoute}. */
public enum NotificationRoute {
  /** Abuse or neglect known or suspected, a child under 18: notify the Panel and run the rapid review. */
  PANEL,
  /** A looked-after child's death without suspected abuse or neglect, or a care leaver's death at 18 to 24. */
  DFE_AND_OFSTED_ONLY,
  /** Considered and not notifiable: the decision and its reason are recorded. */
  NOT_NOTIFIABLE
}
