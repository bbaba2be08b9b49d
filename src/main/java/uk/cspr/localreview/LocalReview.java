package uk.cspr.localreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-local-review} owns: what the case gives it, what it records, its task keys. */
public final class LocalReview {
  public static final String KEY = "cspr-local-review";

  public static final String TASK_INFORM = "informOfLocalReview";
  public static final String TASK_APPOINT_REVIEWER = "appointReviewer";
  public static final String TASK_AGREE_TERMS = "agreeTermsOfReference";
  public static final String TASK_FAMILY = "recordFamilyInvolvement";
  public static final String TASK_PRACTITIONERS = "recordPractitionerLearningEvent";
  public static final String TASK_RECEIVE_REPORT = "receiveReviewerReport";
  public static final String TASK_QUALITY_ASSURE = "qualityAssureReport";
  public static final String TASK_PROGRESS_CHECK = "checkLocalReviewProgress";
  public static final String TASK_RECORD_DELAY = "recordLocalReviewDelay";
  public static final String TASK_SIGN_OFF = "signOffFinalReport";
  public static final String TASK_REVISE = "reviseFinalReport";
  public static final String TASK_WRITE_TO_REVIEWER = "writeToReviewer";
  /** Where the reviewer's reports are kept: the task their link completes, and the revision after a send-back. */
  public static final java.util.Set<String> TASKS_TAKING_DOCUMENTS = java.util.Set.of(TASK_RECEIVE_REPORT, TASK_REVISE);
  public static final String SUBPROCESS_CONDUCT = "SubProcess_ConductReview";
  public static final String CALL_ASK_AGENCIES = "CallActivity_AskAgenciesForLocalReview";
  public static final String TIMER_PROGRESS_CHECK = "Timer_ProgressCheck";
  public static final String TIMER_REMINDER = "Timer_LocalReviewReminder";
  public static final String TIMER_OVERDUE = "Timer_LocalReviewOverdue";
  public static final String TASK_SEND_REVIEWER_LINK = "Task_SendReviewerLink";
  public static final String END_SIGNED_OFF = "EndEvent_FinalReportSignedOff";

  // given by the case
  /** The day the partners decided to review: the six months run from it, never from this stage's start. */
  public static final ProcessVariable<LocalDate> DECISION_ON = ProcessVariable.date("localReviewDecisionOn");
  public static final ProcessVariable<LocalDate> INCIDENT_DATE = ProcessVariable.date("incidentDate");
  public static final ProcessVariable<List<String>> PARALLEL_PROCEEDINGS = ProcessVariable.texts("parallelProceedings");
  /** The case's involved agencies, offered as those to ask. */
  public static final String AGENCIES = "agencies";

  // set by the stage
  public static final ProcessVariable<LocalDate> DUE = ProcessVariable.date("localReviewDue");
  static final String DUE_IN_WORDS = "localReviewDueInWords";
  static final String DECISION_ON_IN_WORDS = "localReviewDecisionOnInWords";
  static final String PROCEEDINGS_IN_WORDS = "parallelProceedingsInWords";

  // informOfLocalReview
  public static final ProcessVariable<LocalDate> INFORMED_ON = ProcessVariable.date("panelOfstedDfeInformedOn");

  // appointReviewer
  public static final ProcessVariable<String> REVIEWER_NAME = ProcessVariable.text("reviewerName");
  public static final ProcessVariable<String> REVIEWER_ORGANISATION = ProcessVariable.text("reviewerOrganisation");
  public static final ProcessVariable<String> REVIEWER_EMAIL = ProcessVariable.text("reviewerEmail");
  /** YES: the reviewer declared their independence from the case and the agencies involved. */
  public static final ProcessVariable<String> REVIEWER_INDEPENDENCE = ProcessVariable.text("reviewerIndependenceDeclared");
  public static final ProcessVariable<String> REVIEWER_DECLARATION = ProcessVariable.text("reviewerDeclaration");
  public static final ProcessVariable<String> SECOND_REVIEWER_NAME = ProcessVariable.text("secondReviewerName");
  public static final ProcessVariable<String> SECOND_REVIEWER_ORGANISATION = ProcessVariable.text("secondReviewerOrganisation");
  public static final ProcessVariable<String> SECOND_REVIEWER_DECLARATION = ProcessVariable.text("secondReviewerDeclaration");
  public static final ProcessVariable<LocalDate> REVIEWER_APPOINTED_ON = ProcessVariable.date("reviewerAppointedOn");

  // agreeTermsOfReference
  public static final ProcessVariable<String> TERMS_OF_REFERENCE = ProcessVariable.text("termsOfReference");
  public static final ProcessVariable<String> METHOD = ProcessVariable.text("reviewMethod");
  public static final ProcessVariable<LocalDate> TERMS_AGREED_ON = ProcessVariable.date("termsAgreedOn");
  public static final ProcessVariable<List<String>> AGENCIES_TO_ASK = ProcessVariable.texts("localReviewAgencies");
  public static final ProcessVariable<LocalDate> AGENCY_RESPONSE_DUE = ProcessVariable.date("localReviewAgencyResponseDue");
  /** What the agencies are asked for the review, in the coordinators' words; a standard request when left empty. */
  public static final ProcessVariable<String> AGENCY_REQUEST = ProcessVariable.text("localReviewAgencyRequest");
  static final String STANDARD_AGENCY_REQUEST = "Information for the local child safeguarding practice review, as its terms "
      + "of reference set out: your agency's records of its involvement with the child and family, its chronology, and the "
      + "practitioners the reviewer may speak to.";

  // recordFamilyInvolvement, recordPractitionerLearningEvent
  public static final ProcessVariable<String> FAMILY_INVOLVED = ProcessVariable.text("familyInvolved");
  public static final ProcessVariable<String> FAMILY_INVOLVEMENT = ProcessVariable.text("familyInvolvement");
  public static final ProcessVariable<String> FAMILY_LIMITED_BY = ProcessVariable.text("familyInvolvementLimits");
  public static final ProcessVariable<String> LEARNING_EVENT_HELD = ProcessVariable.text("learningEventHeld");
  public static final ProcessVariable<LocalDate> LEARNING_EVENT_ON = ProcessVariable.date("learningEventOn");
  public static final ProcessVariable<String> LEARNING_EVENT = ProcessVariable.text("learningEvent");
  public static final ProcessVariable<String> LEARNING_EVENT_LIMITED_BY = ProcessVariable.text("learningEventLimits");

  // receiveReviewerReport: what the reviewer (or the coordinators for them) sends
  /** DRAFT or FINAL. */
  public static final ProcessVariable<String> DOCUMENT_KIND = ProcessVariable.text("reviewerDocumentKind");
  public static final ProcessVariable<String> REVIEWER_NOTE = ProcessVariable.text("reviewerNote");
  public static final ProcessVariable<LocalDate> REPORT_RECEIVED_ON = ProcessVariable.date("reportReceivedOn");
  public static final String DRAFT = "DRAFT";
  public static final String FINAL = "FINAL";
  /** Each version received in turn: Json array of {kind, on, note, by, outcome, comments}. */
  public static final ProcessVariable<SpinJsonNode> REPORTS = ProcessVariable.json("reviewerReports");

  // qualityAssureReport (SI 2018/789 Part 3: the improvements recommended, and why events happened as they did)
  public static final ProcessVariable<String> QA_IMPROVEMENTS = ProcessVariable.text("reportSetsOutImprovements");
  public static final ProcessVariable<String> QA_ANALYSIS = ProcessVariable.text("reportAnalysesWhy");
  public static final ProcessVariable<String> QA_OUTCOME = ProcessVariable.text("qualityAssuranceOutcome");
  public static final ProcessVariable<String> QA_COMMENTS = ProcessVariable.text("qualityAssuranceComments");
  public static final String ACCEPT = "ACCEPT";
  public static final String RETURN = "RETURN";

  // checkLocalReviewProgress
  public static final ProcessVariable<String> ON_TRACK = ProcessVariable.text("reviewOnTrack");
  public static final ProcessVariable<String> PROGRESS_NOTES = ProcessVariable.text("progressNotes");
  public static final ProcessVariable<String> REQUEST_TO_REVIEWER = ProcessVariable.text("requestToReviewer");
  /** Each progress check in turn: Json array of {on, onTrack, notes, request}. */
  public static final ProcessVariable<SpinJsonNode> PROGRESS_CHECKS = ProcessVariable.json("progressChecks");
  /** The written request the mail to the reviewer carries, set by the check that asked it. */
  public static final ProcessVariable<String> WRITTEN_REQUEST = ProcessVariable.text("writtenRequestToReviewer");
  public static final ProcessVariable<Boolean> REVIEWER_TO_BE_ASKED = ProcessVariable.flag("reviewerToBeAsked");
  /** Each written request to the reviewer in turn, from a progress check or on its own: Json array of {on, request, by}. */
  public static final ProcessVariable<SpinJsonNode> WRITTEN_REQUESTS = ProcessVariable.json("writtenRequestsToReviewer");

  // recordLocalReviewDelay
  public static final ProcessVariable<String> DELAY_REASON = ProcessVariable.text("delayReason");
  public static final ProcessVariable<LocalDate> EXPECTED_ON = ProcessVariable.date("localReviewExpectedOn");

  // signOffFinalReport, local to each partner's task (the rapid review's sign-off fields)
  public static final ProcessVariable<String> SIGN_OFF_DECISION = ProcessVariable.text("signOffDecision");
  public static final ProcessVariable<String> SIGNATORY_NAME = ProcessVariable.text("signatoryName");
  public static final ProcessVariable<String> SIGNATORY_ROLE = ProcessVariable.text("signatoryRole");
  public static final ProcessVariable<String> SEND_BACK_COMMENTS = ProcessVariable.text("sendBackComments");
  public static final ProcessVariable<String> PARTNER_GROUP = ProcessVariable.text("partnerGroup");
  public static final String SIGN_OFF = "SIGN_OFF";
  public static final String SEND_BACK = "SEND_BACK";
  public static final List<String> PARTNER_GROUPS = List.of("partner-local-authority", "partner-icb", "partner-police");
  static final Map<String, ProcessVariable<SpinJsonNode>> SIGN_OFF_BY_PARTNER = Map.of(
      "partner-local-authority", ProcessVariable.json("localAuthorityFinalSignOff"),
      "partner-icb", ProcessVariable.json("icbFinalSignOff"),
      "partner-police", ProcessVariable.json("policeFinalSignOff"));
  static final Map<String, String> PARTNER_NAMES = Map.of(
      "partner-local-authority", "the local authority",
      "partner-icb", "the integrated care board",
      "partner-police", "the police");
  public static final ProcessVariable<String> SENT_BACK_COMMENTS = ProcessVariable.text("finalReportSentBackComments");
  public static final ProcessVariable<String> REVISION_NOTE = ProcessVariable.text("finalReportRevisionNote");

  // the outcome, for the case and the yearly report
  public static final ProcessVariable<LocalDate> SIGNED_OFF_ON = ProcessVariable.date("finalReportSignedOffOn");
  public static final ProcessVariable<Boolean> ON_TIME = ProcessVariable.flag("localReviewOnTime");

  private LocalReview() {}
}
