package uk.cspr.rapidreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;

/**
 * The rapid review's part of the case file: the meeting's record, the partners' decision, each
 * partner's sign-off and the submission to the Panel, with its deadline. Each agency's request
 * has its own section already (the agency requests' contribution reads every request of the case).
 */
class RapidReviewInCaseFile implements CaseFileContribution {

  /** The meeting's form: its options' labels are how the case file says what was chosen. */
  private final uk.cspr.validation.FormSchema meeting = uk.cspr.validation.FormSchema.shipped("record-rapid-review-meeting");

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance review : history.instancesOf(RapidReview.KEY)) {
      Map<String, Object> v = history.variables(review.getId());
      String stage = "Rapid review";
      file.stageName(review.getId(), stage);
      LocalDate due = RapidReview.RAPID_REVIEW_DUE.from(v).orElse(null);
      Facts facts = new Facts().date("rapidReviewDue", "Due with the Panel", due)
          .date(RapidReview.MEETING_ON.name(), "Rapid review meeting", RapidReview.MEETING_ON.from(v).orElse(null))
          .text(RapidReview.AGENCY_ANSWERS_SO_FAR.name(), "The agencies", RapidReview.AGENCY_ANSWERS_SO_FAR.from(v).orElse(null))
          .text(RapidReview.CRITERIA_NOT_MET_REASONS.name(), "Why the case does not meet the criteria",
              RapidReview.CRITERIA_NOT_MET_REASONS.from(v).orElse(null))
          .date(RapidReview.PANEL_TOLD_CRITERIA_NOT_MET_ON.name(), "The Panel told the criteria are not met on",
              RapidReview.PANEL_TOLD_CRITERIA_NOT_MET_ON.from(v).orElse(null))
          .text(RapidReview.FACTS_ESTABLISHED.name(), "Facts established", RapidReview.FACTS_ESTABLISHED.from(v).orElse(null))
          .text(RapidReview.LEARNING_IDENTIFIED.name(), "Learning identified", RapidReview.LEARNING_IDENTIFIED.from(v).orElse(null))
          .text(RapidReview.PARALLEL_PROCEEDINGS.name(), "Parallel proceedings",
              RapidReview.PARALLEL_PROCEEDINGS.from(v).map(list -> String.join(", ", list.stream()
                  .map(value -> meeting.optionLabel(RapidReview.PARALLEL_PROCEEDINGS.name(), value)).toList())).orElse(null))
          .text(RapidReview.PARTNERS_DECISION.name(), "The partners' decision", RapidReview.PARTNERS_DECISION.from(v)
              .map(value -> meeting.optionLabel(RapidReview.PARTNERS_DECISION.name(), value)).orElse(null))
          .date(RapidReview.PARTNERS_DECISION_ON.name(), "Decided on", RapidReview.PARTNERS_DECISION_ON.from(v).orElse(null))
          .text(RapidReview.PARTNERS_DECISION_REASONS.name(), "Reasons", RapidReview.PARTNERS_DECISION_REASONS.from(v).orElse(null))
          .text(RapidReview.MAY_BE_OF_NATIONAL_IMPORTANCE.name(), "May be of national importance",
              RapidReview.MAY_BE_OF_NATIONAL_IMPORTANCE.from(v)
                  .map(value -> meeting.optionLabel(RapidReview.MAY_BE_OF_NATIONAL_IMPORTANCE.name(), value)).orElse(null));
      for (String group : RapidReview.PARTNER_GROUPS) {
        signOff(facts, RapidReview.SIGN_OFF_BY_PARTNER.get(group).from(v).orElse(null), group);
      }
      facts.date(RapidReview.SUBMITTED_ON.name(), "Sent to the Panel on", RapidReview.SUBMITTED_ON.from(v).orElse(null))
          .flag(RapidReview.ON_TIME.name(), "Within 15 working days", RapidReview.ON_TIME.from(v).orElse(null))
          .text(RapidReview.DELAY_REASON.name(), "Why it was late", RapidReview.DELAY_REASON.from(v).orElse(null))
          .date(RapidReview.FAMILY_TOLD_ON.name(), "The family told of the decision on", RapidReview.FAMILY_TOLD_ON.from(v).orElse(null))
          .text(RapidReview.FAMILY_TOLD_BY.name(), "The family told by", RapidReview.FAMILY_TOLD_BY.from(v).orElse(null));
      boolean done = !CaseHistory.isOpen(review);
      file.section(new CaseFile.Section(review.getId(), "rapid-review", stage, done ? "Done" : "Waiting", null,
          facts.list(), List.of(), List.of(), review.getId()));
      if (due != null) {
        var deadline = file.deadline(RapidReview.TASK_SUBMIT, "Send the rapid review to the Panel", stage, due, review.getId());
        if (RapidReview.OUTCOME_CRITERIA_NOT_MET.equals(RapidReview.OUTCOME.from(v).orElse(null))) {
          deadline.notNeeded();
        } else {
          deadline.met(RapidReview.SUBMITTED_ON.from(v).orElse(null));
        }
      }
    }
  }

  /** A partner's sign-off in a line: who, as what, and their decision. */
  private static void signOff(Facts facts, SpinJsonNode record, String group) {
      String text = record == null ? null : record.prop("signatoryName").stringValue() + " ("
          + ("LEAD_PARTNER".equals(record.prop("signatoryRole").stringValue()) ? "lead partner" : "delegated partner") + "): "
          + (RapidReview.SIGN_OFF.equals(record.prop("decision").stringValue()) ? "signed off" : "sent back") + " on "
          + uk.cspr.calendar.UkDates.longDate(LocalDate.parse(record.prop("on").stringValue()));
      facts.text(RapidReview.SIGN_OFF_BY_PARTNER.get(group).name(), "Sign-off for " + RapidReview.PARTNER_NAMES.get(group), text);
  }
}
