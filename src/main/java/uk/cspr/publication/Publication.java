package uk.cspr.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-publication} owns: what the case gives it, what it records, its task keys. */
public final class Publication {
  public static final String KEY = "cspr-publication";

  public static final String TASK_DECIDE = "decidePublication";
  public static final String TASK_CHECK_ANONYMISATION = "checkAnonymisation";
  public static final String TASK_TELL_FAMILY = "tellFamilyOfPublication";
  public static final String TASK_DECIDE_HOLD = "decidePublicationHold";
  /** Held until the coordinators release it: no due date, it waits for them. */
  public static final String TASK_RELEASE = "releasePublication";
  /** Held until a date: it goes on by itself at 09:00 that day, unless released before. */
  public static final String TASK_RELEASE_EARLY = "releasePublicationEarly";
  public static final String TASK_SEND = "sendReportBeforePublication";
  public static final String TASK_RECORD = "recordPublication";
  public static final String TASK_REVIEW = "reviewPublication";
  /** The version to be published is attached to the anonymisation check: the case file and Tasklist's Documents tab take it there. */
  public static final Set<String> TASKS_TAKING_DOCUMENTS = Set.of(TASK_CHECK_ANONYMISATION);

  public static final String TIMER_HOLD_ENDS = "Timer_HoldEnds";
  public static final String TIMER_MAY_PUBLISH = "Timer_MayPublish";
  public static final String TIMER_REVIEW = "Timer_PublicationReview";
  public static final String END_STAYS_PUBLISHED = "EndEvent_StaysPublished";
  public static final String END_REMOVED = "EndEvent_PublicationRemoved";

  /** How long the coordinators have to decide whether the report stays published once the review is asked (as a progress check's 5). */
  static final int REVIEW_DECISION_WORKING_DAYS = 5;

  // given by the case
  /** The day the partners signed off the local review's final report: nothing here happens before it. */
  public static final ProcessVariable<LocalDate> FINAL_REPORT_SIGNED_OFF_ON = ProcessVariable.date("finalReportSignedOffOn");
  public static final ProcessVariable<LocalDate> LOCAL_REVIEW_DECISION_ON = ProcessVariable.date("localReviewDecisionOn");
  /** As the rapid review's meeting recorded them (its form's option values). */
  public static final ProcessVariable<List<String>> PARALLEL_PROCEEDINGS = ProcessVariable.texts("parallelProceedings");

  // set by the stage for its forms
  static final String SIGNED_OFF_IN_WORDS = "finalReportSignedOffOnInWords";
  static final String PROCEEDINGS_IN_WORDS = "parallelProceedingsInWords";
  /** "the full report" or "the information about the improvements to be made". */
  static final String WHAT_IS_PUBLISHED = "whatIsPublishedInWords";
  static final String PLAN_IN_WORDS = "publicationPlanInWords";
  static final String HOLD_IN_WORDS = "publicationHoldInWords";
  static final String NOTICE_IN_WORDS = "prePublicationNoticeInWords";
  static final String EARLIEST_IN_WORDS = "earliestPublicationDateInWords";
  static final String PUBLISHED_IN_WORDS = "publishedOnInWords";
  static final String KEPT_UNTIL_IN_WORDS = "keptPublishedAtLeastUntilInWords";

  // decidePublication
  /** FULL or IMPROVEMENTS_ONLY. */
  public static final ProcessVariable<String> TYPE = ProcessVariable.text("publicationType");
  public static final ProcessVariable<String> TYPE_REASON = ProcessVariable.text("publicationTypeReason");
  public static final ProcessVariable<LocalDate> DECIDED_ON = ProcessVariable.date("publicationDecidedOn");
  public static final String FULL = "FULL";
  public static final String IMPROVEMENTS_ONLY = "IMPROVEMENTS_ONLY";

  // checkAnonymisation
  public static final ProcessVariable<Boolean> NO_CHILD_IDENTIFIABLE = ProcessVariable.flag("noChildIdentifiable");
  public static final ProcessVariable<Boolean> NO_FAMILY_IDENTIFIABLE = ProcessVariable.flag("noFamilyMemberIdentifiable");
  public static final ProcessVariable<Boolean> NO_PRACTITIONER_IDENTIFIABLE = ProcessVariable.flag("noPractitionerIdentifiable");
  public static final ProcessVariable<String> CHECKED_BY = ProcessVariable.text("anonymisationCheckedBy");
  public static final ProcessVariable<LocalDate> CHECKED_ON = ProcessVariable.date("anonymisationCheckedOn");
  public static final ProcessVariable<String> CHECK_NOTES = ProcessVariable.text("anonymisationNotes");

  // tellFamilyOfPublication
  /** YES or NO. */
  public static final ProcessVariable<String> FAMILY_TOLD = ProcessVariable.text("familyToldOfPublication");
  public static final ProcessVariable<LocalDate> FAMILY_TOLD_ON = ProcessVariable.date("familyToldOfPublicationOn");
  public static final ProcessVariable<String> FAMILY_TOLD_BY = ProcessVariable.text("familyToldOfPublicationBy");
  public static final ProcessVariable<String> FAMILY_NOT_TOLD_REASON = ProcessVariable.text("familyNotToldOfPublicationReason");
  public static final ProcessVariable<String> FAMILY_RESPONSE = ProcessVariable.text("familyResponseToPublication");
  /** The day publication is planned for (the family are told it): the publication task's due date when set. */
  public static final ProcessVariable<LocalDate> PLANNED_ON = ProcessVariable.date("plannedPublicationOn");

  // decidePublicationHold
  /** NO_HOLD, UNTIL_DATE or UNTIL_RELEASED. */
  public static final ProcessVariable<String> HOLD = ProcessVariable.text("publicationHold");
  public static final ProcessVariable<LocalDate> HELD_UNTIL = ProcessVariable.date("publicationHeldUntil");
  public static final ProcessVariable<String> HOLD_REASON = ProcessVariable.text("publicationHoldReason");
  public static final ProcessVariable<LocalDate> HOLD_DECIDED_ON = ProcessVariable.date("publicationHoldDecidedOn");
  public static final String NO_HOLD = "NO_HOLD";
  public static final String UNTIL_DATE = "UNTIL_DATE";
  public static final String UNTIL_RELEASED = "UNTIL_RELEASED";

  // releasePublication, releasePublicationEarly, or the hold's date reached
  public static final ProcessVariable<LocalDate> RELEASED_ON = ProcessVariable.date("publicationReleasedOn");
  public static final ProcessVariable<String> RELEASE_NOTE = ProcessVariable.text("publicationReleaseNote");
  static final String HOLD_ENDED_BY_ITSELF = "The hold ended on the date set.";

  // sendReportBeforePublication
  public static final ProcessVariable<Boolean> SENT_TO_ALL = ProcessVariable.flag("reportSentToPanelDfeAndOfsted");
  public static final ProcessVariable<LocalDate> SENT_ON = ProcessVariable.date("finalReportSentOn");
  /** finalReportSentOn + pre-publication-notice-working-days working days: nothing is published before it. */
  public static final ProcessVariable<LocalDate> EARLIEST = ProcessVariable.date("earliestPublicationDate");

  // recordPublication
  public static final ProcessVariable<LocalDate> PUBLISHED_ON = ProcessVariable.date("publishedOn");
  public static final ProcessVariable<String> URL = ProcessVariable.text("publicationUrl");
  /** When the coordinators are next asked whether it stays published: a year after publication, or the day they chose. */
  public static final ProcessVariable<LocalDate> REVIEW_ON = ProcessVariable.date("publicationReviewOn");
  public static final ProcessVariable<LocalDate> REVIEW_DUE = ProcessVariable.date("publicationReviewDue");

  // reviewPublication, its fields local to each review
  /** KEEP or REMOVE. */
  public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.text("publicationReviewDecision");
  public static final ProcessVariable<LocalDate> REVIEW_AGAIN_ON = ProcessVariable.date("publicationReviewAgainOn");
  public static final ProcessVariable<String> REVIEW_NOTES = ProcessVariable.text("publicationReviewNotes");
  public static final ProcessVariable<LocalDate> REMOVED_ON = ProcessVariable.date("publicationRemovedOn");
  public static final ProcessVariable<String> REMOVAL_REASON = ProcessVariable.text("publicationRemovalReason");
  public static final String KEEP = "KEEP";
  public static final String REMOVE = "REMOVE";
  public static final ProcessVariable<Boolean> TO_BE_REVIEWED_AGAIN = ProcessVariable.flag("publicationToBeReviewedAgain");
  /** Each review in turn: Json array of {on, due, decision, againOn, notes, removedOn, reason}. */
  public static final ProcessVariable<SpinJsonNode> REVIEWS = ProcessVariable.json("publicationReviews");

  private Publication() {}
}
