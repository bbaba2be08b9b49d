package uk.cspr.paneldecision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-panel-decision} owns: what the case gives it, what it records, its task keys. */
public final class PanelDecision {
  public static final String KEY = "cspr-panel-decision";

  public static final String TASK_RECORD_RESPONSE = "recordPanelResponse";
  public static final String TASK_CHASE = "chasePanelResponse";
  public static final String TASK_PROVIDE_INFORMATION = "provideInformationToPanel";
  public static final String TASK_CONFIRM_DECISION = "confirmPartnersDecision";
  public static final String TASK_TELL_PANEL_DECISION = "tellPanelPartnersDecision";
  public static final String SUBPROCESS_AWAIT_RESPONSE = "SubProcess_AwaitPanelResponse";
  public static final String TIMER_NO_RESPONSE = "Timer_NoPanelResponse";
  public static final String TASK_CHASE_MAIL = "Task_AskCoordinatorsToChase";
  public static final String END_DECISION_FINAL = "EndEvent_PartnersDecisionFinal";

  // given by the case: what went to the Panel with the rapid review
  public static final ProcessVariable<LocalDate> RAPID_REVIEW_SUBMITTED_ON = ProcessVariable.date("rapidReviewSubmittedOn");
  /** LOCAL_REVIEW, NO_FURTHER_REVIEW or SUPPORT_NATIONAL_REVIEW: the latest decision, revised here after the Panel's response. */
  public static final ProcessVariable<String> PARTNERS_DECISION = ProcessVariable.text("partnersDecision");
  public static final ProcessVariable<LocalDate> PARTNERS_DECISION_ON = ProcessVariable.date("partnersDecisionOn");
  public static final ProcessVariable<String> PARTNERS_DECISION_REASONS = ProcessVariable.text("partnersDecisionReasons");
  public static final String LOCAL_REVIEW = "LOCAL_REVIEW";
  public static final String NO_FURTHER_REVIEW = "NO_FURTHER_REVIEW";
  public static final String SUPPORT_NATIONAL_REVIEW = "SUPPORT_NATIONAL_REVIEW";

  // kept by the stage
  /** The day after which, with no response recorded, the coordinators are asked to chase the Panel. */
  public static final ProcessVariable<LocalDate> RESPONSE_EXPECTED_BY = ProcessVariable.date("panelResponseExpectedBy");
  /** Each response of the Panel in turn: Json array of {outcome, on, reference, summary, expectedBy, informationRequested, informationDueOn, informationSent, informationSentOn}. */
  public static final ProcessVariable<SpinJsonNode> RESPONSES = ProcessVariable.json("panelResponses");
  /** Each chase in turn: Json array of {dueOn, on, note}. */
  public static final ProcessVariable<SpinJsonNode> CHASES = ProcessVariable.json("panelChases");
  /** The decision sent with the rapid review, as it was: the Panel answered this one. */
  public static final ProcessVariable<String> DECISION_SENT = ProcessVariable.text("decisionSentWithRapidReview");
  public static final ProcessVariable<LocalDate> DECISION_SENT_ON = ProcessVariable.date("decisionSentWithRapidReviewOn");
  /** Whether the Panel's response differs from the partners' decision, so that they confirm or revise it. */
  public static final ProcessVariable<Boolean> PARTNERS_TO_RECONSIDER = ProcessVariable.flag("partnersToReconsider");

  // recordPanelResponse (form record-panel-response), local to the task until checked
  /** The contract's outcomes: the latest response's. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("panelOutcome");
  public static final String NATIONAL_REVIEW = "NATIONAL_REVIEW";
  public static final String LOCAL_REVIEW_AGREED = "LOCAL_REVIEW_AGREED";
  public static final String NO_REVIEW_AGREED = "NO_REVIEW_AGREED";
  public static final String LOCAL_REVIEW_ADVISED = "LOCAL_REVIEW_ADVISED";
  public static final String MORE_INFORMATION = "MORE_INFORMATION";
  public static final ProcessVariable<LocalDate> RESPONSE_ON = ProcessVariable.date("panelResponseOn");
  public static final ProcessVariable<String> RESPONSE_REFERENCE = ProcessVariable.text("panelResponseReference");
  public static final ProcessVariable<String> RESPONSE_SUMMARY = ProcessVariable.text("panelResponseSummary");
  public static final ProcessVariable<String> INFORMATION_REQUESTED = ProcessVariable.text("panelInformationRequested");
  public static final ProcessVariable<LocalDate> INFORMATION_DUE_ON = ProcessVariable.date("panelInformationDueOn");

  // provideInformationToPanel (form provide-information-to-panel)
  public static final ProcessVariable<String> INFORMATION_SENT = ProcessVariable.text("panelInformationSent");
  public static final ProcessVariable<LocalDate> INFORMATION_SENT_ON = ProcessVariable.date("panelInformationSentOn");

  // chasePanelResponse (form chase-panel-response)
  public static final ProcessVariable<LocalDate> CHASED_ON = ProcessVariable.date("panelChasedOn");
  public static final ProcessVariable<String> CHASE_NOTE = ProcessVariable.text("panelChaseNote");

  // confirmPartnersDecision (form confirm-partners-decision): partnersDecision, partnersDecisionOn, partnersDecisionReasons and
  public static final ProcessVariable<String> DECISION_AGREED_BY = ProcessVariable.text("partnersDecisionAgreedBy");
  /** The date the partners first decided on a local review: the local review's six months run from it. */
  public static final ProcessVariable<LocalDate> LOCAL_REVIEW_DECISION_ON = ProcessVariable.date("localReviewDecisionOn");

  // tellPanelPartnersDecision (form tell-panel-partners-decision)
  public static final ProcessVariable<LocalDate> DECISION_SENT_TO_PANEL_ON = ProcessVariable.date("partnersDecisionSentToPanelOn");

  /** What the forms show in words (as read in England), set by the stage. */
  static final String SUBMITTED_ON_IN_WORDS = "rapidReviewSubmittedOnInWords";
  static final String DECISION_SENT_IN_WORDS = "decisionSentInWords";
  static final String OUTCOME_IN_WORDS = "panelOutcomeInWords";
  static final String RESPONSE_ON_IN_WORDS = "panelResponseOnInWords";
  static final String EXPECTED_BY_IN_WORDS = "panelResponseExpectedByInWords";
  static final String INFORMATION_DUE_IN_WORDS = "panelInformationDueInWords";

  static final Map<String, String> DECISION_WORDS = Map.of(
      LOCAL_REVIEW, "Commission a local child safeguarding practice review",
      NO_FURTHER_REVIEW, "No further review",
      SUPPORT_NATIONAL_REVIEW, "Support the Panel's national review");

  /** The fields the response task starts empty with each time it opens, so that a second response is never the first one's. */
  static final List<String> RESPONSE_FIELDS = List.of(OUTCOME.name(), RESPONSE_ON.name(), RESPONSE_REFERENCE.name(),
      RESPONSE_SUMMARY.name(), INFORMATION_REQUESTED.name(), INFORMATION_DUE_ON.name());

  private PanelDecision() {}
}
