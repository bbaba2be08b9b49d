package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.validation.Answers;
import uk.cspr.variables.ProcessVariable;

/**
 * The partners' support of the Panel's national review, in the case itself: each agency the Panel's
 * reviewers ask is asked through its own request, by a working day after today; the Panel's report,
 * once published, is recorded with its findings for the partnership, which then act on them.
 */
public class NationalReviewSupport {

  public static final String TASK_ASK_AGENCY = "askAgencyForNationalReview";
  public static final String TASK_RECORD_REPORT = "recordNationalReviewReport";
  public static final ProcessVariable<String> AGENCY_ID = ProcessVariable.text("panelReviewAgencyId");
  public static final ProcessVariable<LocalDate> RESPONSE_DUE = ProcessVariable.date("panelReviewResponseDue");
  public static final ProcessVariable<LocalDate> PUBLISHED_ON = ProcessVariable.date("nationalReviewPublishedOn");
  public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("nationalReviewReference");
  public static final ProcessVariable<String> FINDINGS = ProcessVariable.text("nationalReviewFindings");
  static final ProcessVariable<LocalDate> PARTNERS_DECISION_ON = ProcessVariable.date("partnersDecisionOn");

  private final WorkingDayCalendar calendar;

  public NationalReviewSupport(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** {@code askAgencyForNationalReview} completed: the agency's request is due on a working day after today. */
  public void agencyAsked(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the Panel's report was recorded: nothing more is asked
    }
    Answers answers = new Answers(execution);
    LocalDate today = WorkingDays.todayInEngland();
    LocalDate due = answers.date(RESPONSE_DUE.name(), today.plusDays(1), "tomorrow", null);
    if (due != null && !calendar.isWorkingDay(due)) {
      answers.problem(RESPONSE_DUE.name(), due, "is not a working day: the next is "
          + UkDates.longDate(calendar.addWorkingDays(due, 1)));
    }
    answers.refuseIfAnyProblem("The agency was not asked");
  }

  /** {@code recordNationalReviewReport} completed: published not before the partners decided to support it, nor in the future. */
  public void reportRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(PUBLISHED_ON.name(), PARTNERS_DECISION_ON.from(execution).orElse(null),
        "the partners' decision to support the review", WorkingDays.todayInEngland());
    answers.refuseIfAnyProblem("The Panel's report was not recorded");
  }
}
