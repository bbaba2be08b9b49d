package uk.cspr.rapidreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-rapid-review} owns: what the case gives it, what it records, its task keys. */
public final class RapidReview {
  public static final String KEY = "cspr-rapid-review";

  public static final String TASK_ASK_ANOTHER_AGENCY = "askAnotherAgency";
  public static final String TASK_RECORD_MEETING = "recordRapidReviewMeeting";
  public static final String TASK_TELL_PANEL_CRITERIA_NOT_MET = "tellPanelCriteriaNotMet";
  public static final String TASK_SIGN_OFF = "signOffRapidReview";
  public static final String TASK_REVISE = "reviseRapidReview";
  public static final String TASK_SUBMIT = "submitRapidReview";
  public static final String CALL_ASK_AGENCIES = "CallActivity_AskAgencies";
  public static final String CALL_ASK_ANOTHER_AGENCY = "CallActivity_AskAnotherAgency";
  public static final String SUBPROCESS_RAPID_REVIEW = "SubProcess_RapidReviewWithinFifteenWorkingDays";
  public static final String TIMER_REMINDER = "Timer_RapidReviewReminder";
  public static final String TIMER_ESCALATION = "Timer_RapidReviewEscalation";
  public static final String END_SUBMITTED = "EndEvent_RapidReviewSubmitted";
  public static final String END_CRITERIA_NOT_MET = "EndEvent_CriteriaNotMet";

  /** The three statutory safeguarding partners, each signing off in its own group's task. */
  public static final List<String> PARTNER_GROUPS = List.of("partner-local-authority", "partner-icb", "partner-police");
  /** Each partner's latest sign-off, held in a variable of its own so that two partners signing at once do not collide. */
  static final Map<String, ProcessVariable<SpinJsonNode>> SIGN_OFF_BY_PARTNER = Map.of(
      "partner-local-authority", ProcessVariable.json("localAuthoritySignOff"),
      "partner-icb", ProcessVariable.json("icbSignOff"),
      "partner-police", ProcessVariable.json("policeSignOff"));
  static final Map<String, String> PARTNER_NAMES = Map.of(
      "partner-local-authority", "the local authority",
      "partner-icb", "the integrated care board",
      "partner-police", "the police");

  // given by the case
  public static final ProcessVariable<LocalDate> RAPID_REVIEW_DUE = ProcessVariable.date("rapidReviewDue");
  public static final ProcessVariable<LocalDate> AGENCY_RESPONSE_DUE = ProcessVariable.date("agencyResponseDue");
  public static final ProcessVariable<LocalDate> INCIDENT_DATE = ProcessVariable.date("incidentDate");
  /** The involved agencies' ids: a Json array (or, as a script may send it, comma-separated text), held as Json. */
  public static final String AGENCIES = "agencies";
  /**
   * True for a case recorded before this stage existed, moved on from the case's placeholder: its
   * agencies were asked (and answered) by the case itself, so the day-1 requests are not made again.
   */
  public static final String AGENCIES_ASKED_BY_THE_CASE = "agenciesAskedByTheCase";

  // kept up to date by the stage
  /** Who has answered and who has not, in words, for the meeting's form. */
  public static final ProcessVariable<String> AGENCY_ANSWERS_SO_FAR = ProcessVariable.text("agencyAnswersSoFar");

  // askAnotherAgency (form ask-another-agency)
  public static final ProcessVariable<String> ADDED_AGENCY_ID = ProcessVariable.text("addedAgencyId");
  public static final ProcessVariable<String> ADDED_AGENCY_REASON = ProcessVariable.text("addedAgencyReason");
  public static final ProcessVariable<LocalDate> ADDED_AGENCY_RESPONSE_DUE = ProcessVariable.date("addedAgencyResponseDue");

  // recordRapidReviewMeeting (form record-rapid-review-meeting)
  public static final ProcessVariable<LocalDate> MEETING_ON = ProcessVariable.date("rapidReviewMeetingOn");
  /** YES or NO: does the case meet the criteria for a rapid review after all? */
  public static final ProcessVariable<String> CRITERIA_MET = ProcessVariable.text("reviewCriteriaMet");
  public static final ProcessVariable<String> CRITERIA_NOT_MET_REASONS = ProcessVariable.text("criteriaNotMetReasons");
  public static final ProcessVariable<String> FACTS_ESTABLISHED = ProcessVariable.text("factsEstablished");
  /** Json array of {"action", "owner"}. */
  public static final ProcessVariable<SpinJsonNode> SAFEGUARDING_ACTIONS = ProcessVariable.json("safeguardingActions");
  public static final ProcessVariable<String> LEARNING_IDENTIFIED = ProcessVariable.text("learningIdentified");
  public static final ProcessVariable<List<String>> PARALLEL_PROCEEDINGS = ProcessVariable.texts("parallelProceedings");
  public static final ProcessVariable<String> PARTNERS_DECISION = ProcessVariable.text("partnersDecision");
  public static final ProcessVariable<LocalDate> PARTNERS_DECISION_ON = ProcessVariable.date("partnersDecisionOn");
  public static final ProcessVariable<String> PARTNERS_DECISION_REASONS = ProcessVariable.text("partnersDecisionReasons");
  /** YES or NO. */
  public static final ProcessVariable<String> MAY_BE_OF_NATIONAL_IMPORTANCE = ProcessVariable.text("mayBeOfNationalImportance");
  /** Recorded at the meeting: the agencies whose information the meeting had, and those it went on without. */
  public static final ProcessVariable<List<String>> AGENCIES_RECEIVED = ProcessVariable.texts("agenciesReceived");
  public static final ProcessVariable<List<String>> AGENCIES_NOT_RECEIVED = ProcessVariable.texts("agenciesNotReceived");

  // tellPanelCriteriaNotMet
  public static final ProcessVariable<LocalDate> PANEL_TOLD_CRITERIA_NOT_MET_ON = ProcessVariable.date("panelToldCriteriaNotMetOn");

  // signOffRapidReview (form sign-off-rapid-review), local to each partner's task
  public static final ProcessVariable<String> SIGN_OFF_DECISION = ProcessVariable.text("signOffDecision");
  public static final ProcessVariable<String> SIGNATORY_NAME = ProcessVariable.text("signatoryName");
  public static final ProcessVariable<String> SIGNATORY_ROLE = ProcessVariable.text("signatoryRole");
  public static final ProcessVariable<String> SEND_BACK_COMMENTS = ProcessVariable.text("sendBackComments");
  /** The element variable of the sign-off's multi-instance: whose task it is. */
  public static final ProcessVariable<String> PARTNER_GROUP = ProcessVariable.text("partnerGroup");
  public static final ProcessVariable<Integer> SIGN_OFF_ROUND = ProcessVariable.count("signOffRound");
  /** What the partners who sent it back said, for the coordinators' revise task. */
  public static final ProcessVariable<String> SENT_BACK_COMMENTS = ProcessVariable.text("rapidReviewSentBackComments");
  public static final String SIGN_OFF = "SIGN_OFF";
  public static final String SEND_BACK = "SEND_BACK";

  // reviseRapidReview
  public static final ProcessVariable<String> REVISION_NOTE = ProcessVariable.text("revisionNote");

  // submitRapidReview (form submit-rapid-review)
  public static final ProcessVariable<LocalDate> SUBMITTED_ON = ProcessVariable.date("rapidReviewSubmittedOn");
  public static final ProcessVariable<Boolean> ON_TIME = ProcessVariable.flag("rapidReviewOnTime");
  public static final ProcessVariable<String> DELAY_REASON = ProcessVariable.text("rapidReviewDelayReason");
  public static final ProcessVariable<LocalDate> FAMILY_TOLD_ON = ProcessVariable.date("familyToldOfDecisionOn");
  public static final ProcessVariable<String> FAMILY_TOLD_BY = ProcessVariable.text("familyToldOfDecisionBy");

  /** How the stage ended, for the case: SUBMITTED or CRITERIA_NOT_MET. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("rapidReviewOutcome");
  public static final String OUTCOME_SUBMITTED = "SUBMITTED";
  public static final String OUTCOME_CRITERIA_NOT_MET = "CRITERIA_NOT_MET";

  // read from the case's notification stage
  static final String NOTIFICATION_KEY = "cspr-notification";
  static final String NOTIFIED_ON = "notifiedOn";

  private RapidReview() {}
}
