package uk.cspr.notification;

/** Where a serious incident is notified; held on the case as {@code notificationRoute}. */
public enum NotificationRoute {
  /** Abuse or neglect known or suspected of a child under 18: notify the Panel and run the rapid review. */
  PANEL,
  /** No child needs the Panel, but a looked-after child or a care leaver (16 to 24) died. */
  DFE_AND_OFSTED_ONLY,
  /** Considered and not notifiable: the decision and its reason are recorded. */
  NOT_NOTIFIABLE,
  /** It happened in another English local authority's area: theirs to notify, and passed on to them. */
  PASSED_TO_ANOTHER_AUTHORITY
}
