package uk.cspr.cases;

/** The names {@code cspr-case} owns: its key, task keys and the variables it holds. */
public final class CaseProcess {
  public static final String KEY = "cspr-case";
  public static final String START_FORM = "record-serious-incident";

  public static final String VAR_INCIDENT_DATE = "incidentDate";
  public static final String VAR_AWARE_DATE = "awareDate";
  public static final String VAR_NOTIFICATION_DUE = "notificationDue";
  public static final String VAR_RAPID_REVIEW_DUE = "rapidReviewDue";

  private CaseProcess() {}
}
