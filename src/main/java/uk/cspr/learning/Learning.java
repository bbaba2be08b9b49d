package uk.cspr.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-learning} owns: what the case gives it, what it records, its task keys. */
public final class Learning {
  public static final String KEY = "cspr-learning";

  public static final String TASK_RECORD_ACTION_PLAN = "recordActionPlan";
  public static final String TASK_PARTNERS_ACTION = "recordPartnersActionEvidence";
  public static final String TASK_REVIEW_IMPACT = "reviewLearningImpact";
  public static final String TASK_CLOSE_CASE = "closeCase";
  /** Where evidence and audits are kept: the partners' own actions, and each impact review. */
  public static final java.util.Set<String> TASKS_TAKING_DOCUMENTS = java.util.Set.of(TASK_PARTNERS_ACTION, TASK_REVIEW_IMPACT);

  public static final String SUBPROCESS_FOLLOW_ACTION = "SubProcess_FollowAction";
  public static final String CALL_ACTION_EVIDENCE = "CallActivity_AskForActionEvidence";
  public static final String CALL_DISSEMINATION = "CallActivity_AskForDissemination";
  public static final String TIMER_ACTION_LATE = "Timer_ActionLate";
  public static final String TIMER_PARTNERS_ACTION_LATE = "Timer_PartnersActionLate";
  public static final String TIMER_IMPACT_REVIEW = "Timer_ImpactReviewDue";
  public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";

  /** The forms agencies answer in this stage's requests ({@code requestForm} of {@code cspr-agency-request}). */
  public static final String FORM_ACTION_EVIDENCE = "provide-action-evidence";
  public static final String FORM_DISSEMINATION = "confirm-learning-dissemination";

  /** Deadline keys of the case file that are no task's: each action, each agency's dissemination. */
  public static final String DEADLINE_ACTION = "learningAction";
  public static final String DEADLINE_DISSEMINATION = "learningDissemination";

  // given by the case
  /** What the partners act on: {@code LOCAL_REVIEW}, {@code NATIONAL_REVIEW} or {@code RAPID_REVIEW}. */
  public static final ProcessVariable<String> LEARNING_FROM = ProcessVariable.text("learningFrom");
  public static final String FROM_LOCAL_REVIEW = "LOCAL_REVIEW";
  public static final String FROM_NATIONAL_REVIEW = "NATIONAL_REVIEW";
  public static final String FROM_RAPID_REVIEW = "RAPID_REVIEW";
  static final Map<String, String> WHAT_THE_PARTNERS_ACT_ON = Map.of(
      FROM_LOCAL_REVIEW, "the local review's recommendations",
      FROM_NATIONAL_REVIEW, "the Panel's findings from its national review",
      FROM_RAPID_REVIEW, "the rapid review's learning (no further review)");
  /** The case's involved agencies: offered, ticked, as those to confirm the learning's dissemination. */
  public static final ProcessVariable<List<String>> AGENCIES = ProcessVariable.texts("agencies");
  public static final ProcessVariable<LocalDate> FINAL_REPORT_SIGNED_OFF_ON = ProcessVariable.date("finalReportSignedOffOn");
  public static final ProcessVariable<LocalDate> PUBLISHED_ON = ProcessVariable.date("publishedOn");

  // set by the stage
  public static final ProcessVariable<String> LEARNING_FROM_IN_WORDS = ProcessVariable.text("learningFromInWords");

  // recordActionPlan
  public static final ProcessVariable<String> LEARNING_SUMMARY = ProcessVariable.text("learningSummary");
  public static final ProcessVariable<LocalDate> PLAN_AGREED_ON = ProcessVariable.date("planAgreedOn");
  /** The plan as agreed: a Json list of {description, owner, dueOn}, the owner an agency id or {@link #OWNER_PARTNERS}. */
  public static final ProcessVariable<SpinJsonNode> ACTION_PLAN = ProcessVariable.json("actionPlan");
  public static final String OWNER_PARTNERS = "safeguarding-partners";
  public static final int MAX_ACTIONS = 8;
  public static final ProcessVariable<List<String>> DISSEMINATION_AGENCIES = ProcessVariable.texts("disseminationAgencies");
  public static final ProcessVariable<LocalDate> DISSEMINATION_DUE = ProcessVariable.date("disseminationDue");
  public static final ProcessVariable<LocalDate> IMPACT_REVIEW_DUE = ProcessVariable.date("impactReviewDue");
  static final String PLAN_AGREED_ON_IN_WORDS = "planAgreedOnInWords";
  static final String IMPACT_REVIEW_DUE_IN_WORDS = "impactReviewDueInWords";

  /**
   * Where each action stands, one variable per action ({@code action1} …), so that two agencies
   * answering at once write different variables: Json {number, description, owner, ownerName, dueOn,
   * state, expectedOn, askedOn, escalatedOn, evidencedOn, completedOn, actionTaken, evidence,
   * closedOn, closedReason, redated: [{on, reason, expectedOn}]}.
   */
  public static ProcessVariable<SpinJsonNode> action(int number) {
    return ProcessVariable.json("action" + number);
  }

  /** The action a step of {@code SubProcess_FollowAction} is about (its element variable). */
  public static final ProcessVariable<Integer> ACTION_NUMBER = ProcessVariable.count("actionNumber");
  public static final String OPEN = "OPEN";
  public static final String LATE = "LATE";
  public static final String EVIDENCED = "EVIDENCED";
  public static final String CLOSED = "CLOSED";

  // the action's evidence: provide-action-evidence (the agency) and record-partners-action-evidence (the coordinators)
  public static final ProcessVariable<String> ACTION_STATUS = ProcessVariable.text("actionStatus");
  public static final String COMPLETED = "COMPLETED";
  public static final String NOT_YET = "NOT_YET";
  public static final ProcessVariable<String> ACTION_TAKEN = ProcessVariable.text("actionTaken");
  public static final ProcessVariable<LocalDate> ACTION_COMPLETED_ON = ProcessVariable.date("actionCompletedOn");
  public static final ProcessVariable<String> ACTION_EVIDENCE = ProcessVariable.text("actionEvidence");
  public static final ProcessVariable<String> ACTION_NOT_DONE_REASON = ProcessVariable.text("actionNotDoneReason");
  public static final ProcessVariable<LocalDate> ACTION_EXPECTED_ON = ProcessVariable.date("actionExpectedOn");
  public static final ProcessVariable<String> ACTION_CLOSED_REASON = ProcessVariable.text("actionClosedReason");

  // confirm-learning-dissemination (the agency)
  public static final ProcessVariable<List<String>> DISSEMINATION_METHODS = ProcessVariable.texts("disseminationMethods");
  public static final ProcessVariable<Integer> PRACTITIONERS_REACHED = ProcessVariable.count("practitionersReached");
  public static final ProcessVariable<LocalDate> DISSEMINATED_ON = ProcessVariable.date("disseminatedOn");

  // reviewLearningImpact
  public static final ProcessVariable<LocalDate> IMPACT_REVIEWED_ON = ProcessVariable.date("impactReviewedOn");
  public static final ProcessVariable<String> PRACTICE_CHANGES = ProcessVariable.text("practiceChanges");
  public static final ProcessVariable<String> IMPACT_EVIDENCE = ProcessVariable.text("impactEvidence");
  public static final ProcessVariable<String> STILL_TO_CHANGE = ProcessVariable.text("impactStillToChange");
  public static final ProcessVariable<String> ANOTHER_REVIEW = ProcessVariable.text("anotherImpactReview");
  public static final ProcessVariable<LocalDate> NEXT_REVIEW_ON = ProcessVariable.date("nextImpactReviewOn");
  /** Each impact review in turn: Json list of {due, on, practiceChanges, evidence, stillToChange, nextDue}. */
  public static final ProcessVariable<SpinJsonNode> IMPACT_REVIEWS = ProcessVariable.json("impactReviews");
  public static final ProcessVariable<Boolean> REVIEW_AGAIN = ProcessVariable.flag("impactReviewAgain");

  // closeCase: the outcome the case keeps
  public static final ProcessVariable<LocalDate> CASE_CLOSED_ON = ProcessVariable.date("caseClosedOn");
  public static final ProcessVariable<String> CLOSURE_SUMMARY = ProcessVariable.text("closureSummary");

  private Learning() {}
}
