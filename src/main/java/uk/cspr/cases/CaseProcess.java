package uk.cspr.cases;

/** The names {@code cspr-case} owns: its key, form, task keys and the variables it holds. */
public final class CaseProcess {
  public static final String KEY = "cspr-case";
  public static final String START_FORM = "record-serious-incident";

  public static final String TASK_RECORD_NOT_NOTIFIABLE_DECISION = "recordNotNotifiableDecision";
  /** Where the case waits until the rapid review stage is built. */
  public static final String TASK_AWAIT_RAPID_REVIEW_STAGE = "awaitRapidReviewStage";
  public static final String CALL_NOTIFICATION = "CallActivity_Notification";
  public static final String CALL_ASK_AGENCIES = "CallActivity_AskAgencies";
  public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";
  public static final String END_NOTIFIED_DFE_AND_OFSTED_ONLY = "EndEvent_NotifiedDfeAndOfstedOnly";
  public static final String END_NOT_NOTIFIABLE = "EndEvent_NotNotifiable";

  // start variables (the contract's)
  public static final String VAR_INCIDENT_DATE = "incidentDate";
  public static final String VAR_AWARE_DATE = "awareDate";
  public static final String VAR_INCIDENT_TYPE = "incidentType";
  public static final String VAR_ABUSE_OR_NEGLECT_SUSPECTED = "abuseOrNeglectSuspected";
  public static final String VAR_CHILD_STATUS = "childStatus";
  public static final String VAR_CHILD_AGE = "childAge";
  public static final String VAR_CHILD_REFERENCES = "childReferences";
  public static final String VAR_AGENCIES = "agencies";
  public static final String VAR_CHILDREN = "children";
  public static final String VAR_INCIDENT_LOCATION = "incidentLocation";
  public static final String VAR_OTHER_LOCAL_AUTHORITY = "otherLocalAuthority";

  // set by the case
  public static final String VAR_NOTIFICATION_ROUTE = "notificationRoute";
  public static final String VAR_DFE_AND_OFSTED_MUST_BE_NOTIFIED = "dfeAndOfstedMustBeNotified";
  public static final String VAR_DEADLINES_PROVISIONAL = "deadlinesProvisional";
  public static final String VAR_NOTIFICATION_DUE = "notificationDue";
  public static final String VAR_RAPID_REVIEW_DUE = "rapidReviewDue";
  public static final String VAR_AGENCY_RESPONSE_DUE = "agencyResponseDue";
  public static final String VAR_CASE_CLOSED_ON = "caseClosedOn";

  // the hand-over to the authority where it happened
  public static final String TASK_PASS_TO_ANOTHER_AUTHORITY = "passToAnotherAuthority";
  public static final String END_PASSED_TO_ANOTHER_AUTHORITY = "EndEvent_PassedToAnotherAuthority";
  public static final String VAR_PASSED_ON_TO = "passedOnTo";
  public static final String VAR_PASSED_ON_ON = "passedOnOn";
  public static final String VAR_PASSED_ON_BY = "passedOnBy";

  // the not-notifiable decision
  public static final String VAR_NOT_NOTIFIABLE_REASON = "notNotifiableReason";
  public static final String VAR_NOT_NOTIFIABLE_DECIDED_BY = "notNotifiableDecidedBy";
  public static final String VAR_NOT_NOTIFIABLE_DECIDED_ON = "notNotifiableDecidedOn";

  private CaseProcess() {}
}
