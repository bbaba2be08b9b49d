package uk.cspr.cases;

import java.time.LocalDate;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-case} owns: its key, form, task keys and its variables, each with its type. */
public final class CaseProcess {
  public static final String KEY = "cspr-case";
  public static final String START_FORM = "record-serious-incident";

  public static final String TASK_RECORD_NOT_NOTIFIABLE_DECISION = "recordNotNotifiableDecision";
  /** Where the case waits until the rapid review stage is built. */
  public static final String TASK_AWAIT_RAPID_REVIEW_STAGE = "awaitRapidReviewStage";
  public static final String TASK_PASS_TO_ANOTHER_AUTHORITY = "passToAnotherAuthority";
  public static final String CALL_NOTIFICATION = "CallActivity_Notification";
  public static final String CALL_RAPID_REVIEW = "CallActivity_RapidReview";
  public static final String CALL_PANEL_DECISION = "CallActivity_PanelDecision";
  /** Where the case waits, after the Panel's decision, for the stages still to be built. */
  public static final String AWAIT_LOCAL_REVIEW_STAGE = "awaitLocalReviewStage";
  public static final String CALL_LOCAL_REVIEW = "CallActivity_LocalReview";
  public static final String AWAIT_PUBLICATION_STAGE = "awaitPublicationStage";
  public static final String AWAIT_NATIONAL_REVIEW_SUPPORT_STAGE = "awaitNationalReviewSupportStage";
  public static final String AWAIT_LEARNING_STAGE = "awaitLearningStage";
  public static final String CALL_PUBLICATION = "CallActivity_Publication";
  public static final String CALL_LEARNING_FROM_LOCAL_REVIEW = "CallActivity_LearningFromLocalReview";
  public static final String CALL_LEARNING = "CallActivity_Learning";
  public static final String SUBPROCESS_SUPPORT_NATIONAL_REVIEW = "SubProcess_SupportNationalReview";
  public static final String END_REVIEW_PUBLISHED_AND_LEARNT = "EndEvent_ReviewPublishedAndLearnt";
  public static final String END_LEARNING_IN_PRACTICE = "EndEvent_LearningInPractice";
  public static final String END_NOTIFIED_DFE_AND_OFSTED_ONLY = "EndEvent_NotifiedDfeAndOfstedOnly";
  public static final String END_NOT_NOTIFIABLE = "EndEvent_NotNotifiable";
  public static final String END_PASSED_TO_ANOTHER_AUTHORITY = "EndEvent_PassedToAnotherAuthority";

  // recorded at the start (the contract's start variables, in one shape)
  public static final ProcessVariable<LocalDate> INCIDENT_DATE = ProcessVariable.date("incidentDate");
  public static final ProcessVariable<LocalDate> AWARE_DATE = ProcessVariable.date("awareDate");
  public static final ProcessVariable<String> INCIDENT_TYPE = ProcessVariable.text("incidentType");
  public static final ProcessVariable<Boolean> ABUSE_OR_NEGLECT_SUSPECTED = ProcessVariable.flag("abuseOrNeglectSuspected");
  public static final ProcessVariable<SpinJsonNode> CHILDREN = ProcessVariable.json("children");
  public static final ProcessVariable<List<String>> CHILD_REFERENCES = ProcessVariable.texts("childReferences");
  public static final ProcessVariable<List<String>> AGENCIES = ProcessVariable.texts("agencies");
  public static final ProcessVariable<String> INCIDENT_LOCATION = ProcessVariable.text("incidentLocation");
  public static final ProcessVariable<String> OTHER_LOCAL_AUTHORITY = ProcessVariable.text("otherLocalAuthority");
  /** The single-child form of the start variables: accepted, then given way to {@link #CHILDREN}. */
  public static final ProcessVariable<String> CHILD_STATUS = ProcessVariable.text("childStatus");
  public static final ProcessVariable<Integer> CHILD_AGE = ProcessVariable.count("childAge");

  // set by the case
  public static final ProcessVariable<String> NOTIFICATION_ROUTE = ProcessVariable.text("notificationRoute");
  public static final ProcessVariable<Boolean> DFE_AND_OFSTED_MUST_BE_NOTIFIED = ProcessVariable.flag("dfeAndOfstedMustBeNotified");
  public static final ProcessVariable<Boolean> DEADLINES_PROVISIONAL = ProcessVariable.flag("deadlinesProvisional");
  public static final ProcessVariable<LocalDate> NOTIFICATION_DUE = ProcessVariable.date("notificationDue");
  public static final ProcessVariable<LocalDate> RAPID_REVIEW_DUE = ProcessVariable.date("rapidReviewDue");
  public static final ProcessVariable<LocalDate> AGENCY_RESPONSE_DUE = ProcessVariable.date("agencyResponseDue");
  public static final ProcessVariable<LocalDate> CASE_CLOSED_ON = ProcessVariable.date("caseClosedOn");
  /** The day the coordinators closed the learning stage, as it gave it back. */
  public static final ProcessVariable<LocalDate> LEARNING_CLOSED_ON = ProcessVariable.date("learningClosedOn");
  /** Recorded so late that the agencies' minimum time runs into the rapid review's own: it cannot be met. */
  public static final ProcessVariable<Boolean> RAPID_REVIEW_AT_RISK = ProcessVariable.flag("rapidReviewAtRisk");
  public static final String EVENT_RAPID_REVIEW_AT_RISK = "EventSubProcess_RapidReviewAtRisk";

  // the hand-over to the authority where it happened
  public static final ProcessVariable<String> PASSED_ON_TO = ProcessVariable.text("passedOnTo");
  public static final ProcessVariable<LocalDate> PASSED_ON_ON = ProcessVariable.date("passedOnOn");
  public static final ProcessVariable<String> PASSED_ON_BY = ProcessVariable.text("passedOnBy");

  // the not-notifiable decision
  public static final ProcessVariable<String> NOT_NOTIFIABLE_REASON = ProcessVariable.text("notNotifiableReason");
  public static final ProcessVariable<String> NOT_NOTIFIABLE_DECIDED_BY = ProcessVariable.text("notNotifiableDecidedBy");
  public static final ProcessVariable<LocalDate> NOT_NOTIFIABLE_DECIDED_ON = ProcessVariable.date("notNotifiableDecidedOn");

  private CaseProcess() {}
}
