package uk.cspr.paneldecision;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.timescales.Timescales;
import uk.cspr.validation.Answers;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Problems;
import uk.cspr.variables.ProcessVariable;

/**
 * The checks of {@code cspr-panel-decision} and what it derives: each response of the Panel in turn,
 * each chase, the information sent, and the partners' decision on a response that differs from theirs.
 * Each runs as an execution listener reached through a delegate expression, so a refusal keeps its type
 * (a 400 naming the field) and the task stays open with nothing lost. The response, chase, information
 * and decision tasks start with their fields empty (input parameters): what is typed is checked here
 * and only then written to the stage, so a refused answer leaves the stage as it was.
 */
public class PanelDecisionAnswers {

  static final int TEXT = 4000;
  static final int REFERENCE = 100;

  private static final FormSchema RESPONSE_FORM = FormSchema.shipped("record-panel-response");

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public PanelDecisionAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /** The stage starts: it needs the date the rapid review went to the Panel and the decision sent with it. */
  public void started(DelegateExecution execution) {
    // started by the case (or a script), never a form: named as the variables it sets
    Problems problems = new Problems(Map.of());
    LocalDate submittedOn = Answers.parseDate(PanelDecision.RAPID_REVIEW_SUBMITTED_ON.name(),
        execution.getVariable(PanelDecision.RAPID_REVIEW_SUBMITTED_ON.name()), problems);
    String decision = PanelDecision.PARTNERS_DECISION.from(execution).orElse(null);
    if (decision == null || !PanelDecision.DECISION_WORDS.containsKey(decision)) {
      problems.add(PanelDecision.PARTNERS_DECISION.name(), "must be LOCAL_REVIEW or NO_FURTHER_REVIEW: the decision sent with the rapid review");
    }
    LocalDate decidedOn = Answers.parseDate(PanelDecision.PARTNERS_DECISION_ON.name(),
        execution.getVariable(PanelDecision.PARTNERS_DECISION_ON.name()), problems);
    problems.refuseIfAny("The Panel's decision was not started");
    PanelDecision.DECISION_SENT.set(execution, decision);
    PanelDecision.DECISION_SENT_ON.set(execution, decidedOn);
    execution.setVariable(PanelDecision.SUBMITTED_ON_IN_WORDS, UkDates.longDate(submittedOn));
    execution.setVariable(PanelDecision.DECISION_SENT_IN_WORDS, PanelDecision.DECISION_WORDS.get(decision));
    PanelDecision.RESPONSES.set(execution, Spin.JSON("[]"));
    PanelDecision.CHASES.set(execution, Spin.JSON("[]"));
    awaitResponse(execution, submittedOn);
  }

  /** {@code recordPanelResponse} completed: one of the outcomes, dated and referenced, consistent with what was sent. */
  public void responseRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String outcome = PanelDecision.OUTCOME.from(execution).orElse(null);
    LocalDate informationSentOn = lastResponse(execution).map(r -> date(r, "informationSentOn")).orElse(null);
    LocalDate submittedOn = PanelDecision.RAPID_REVIEW_SUBMITTED_ON.required(execution);
    LocalDate respondedOn = informationSentOn != null
        ? answers.date(PanelDecision.RESPONSE_ON.name(), informationSentOn, "the information it asked for was sent", today())
        : answers.date(PanelDecision.RESPONSE_ON.name(), submittedOn, "the rapid review was sent to the Panel", today());
    optionalText(execution, answers, PanelDecision.RESPONSE_REFERENCE, REFERENCE);
    optionalText(execution, answers, PanelDecision.RESPONSE_SUMMARY, TEXT);
    LocalDate informationDueOn = null;
    String decision = PanelDecision.PARTNERS_DECISION.required(execution);
    if (PanelDecision.MORE_INFORMATION.equals(outcome)) {
      if (PanelDecision.INFORMATION_REQUESTED.from(execution).filter(t -> !t.isBlank()).isEmpty()) {
        answers.problem(PanelDecision.INFORMATION_REQUESTED.name(), "is needed: say what the Panel asked for");
      }
      optionalText(execution, answers, PanelDecision.INFORMATION_REQUESTED, TEXT);
      if (present(execution, PanelDecision.INFORMATION_DUE_ON.name())) {
        informationDueOn = answers.date(PanelDecision.INFORMATION_DUE_ON.name(), respondedOn, "the Panel's letter", null);
      }
    } else if (PanelDecision.LOCAL_REVIEW_AGREED.equals(outcome) && !PanelDecision.LOCAL_REVIEW.equals(decision)) {
      answers.problemSaidAs(PanelDecision.OUTCOME.name(), "What the Panel decided: it cannot agree with a local review the partners "
          + "did not decide on (they sent: " + PanelDecision.DECISION_WORDS.get(decision) + "). If the Panel thinks one is "
          + "needed, choose \"The Panel advises a local review\"");
    } else if (PanelDecision.NO_REVIEW_AGREED.equals(outcome) && PanelDecision.LOCAL_REVIEW.equals(decision)) {
      answers.problemSaidAs(PanelDecision.OUTCOME.name(), "What the Panel decided: it cannot agree that no further review is "
          + "needed when the partners sent a decision to commission a local review");
    }
    answers.refuseIfAnyProblem("The Panel's response was not recorded");

    VariableScope stage = execution.getProcessInstance();
    PanelDecision.OUTCOME.set(stage, outcome);
    PanelDecision.RESPONSE_ON.set(stage, respondedOn);
    PanelDecision.RESPONSE_REFERENCE.set(stage, PanelDecision.RESPONSE_REFERENCE.required(execution).trim());
    PanelDecision.RESPONSE_SUMMARY.set(stage, trimmed(execution, PanelDecision.RESPONSE_SUMMARY));
    boolean moreInformation = PanelDecision.MORE_INFORMATION.equals(outcome);
    PanelDecision.INFORMATION_REQUESTED.set(stage, moreInformation ? trimmed(execution, PanelDecision.INFORMATION_REQUESTED) : null);
    PanelDecision.INFORMATION_DUE_ON.set(stage, informationDueOn);

    SpinJsonNode response = Spin.JSON("{}");
    response.prop("outcome", outcome);
    response.prop("on", respondedOn.toString());
    response.prop("reference", PanelDecision.RESPONSE_REFERENCE.required(execution).trim());
    response.prop("summary", Optional.ofNullable(trimmed(execution, PanelDecision.RESPONSE_SUMMARY)).orElse(""));
    response.prop("expectedBy", String.valueOf(execution.getVariable(ROUND_EXPECTED_BY)));
    if (moreInformation) {
      response.prop("informationRequested", trimmed(execution, PanelDecision.INFORMATION_REQUESTED));
      response.prop("informationDueOn", informationDueOn == null ? "" : informationDueOn.toString());
    }
    SpinJsonNode responses = PanelDecision.RESPONSES.from(execution).orElse(Spin.JSON("[]"));
    responses.append(response);
    PanelDecision.RESPONSES.set(stage, responses);

    boolean reconsider = PanelDecision.NATIONAL_REVIEW.equals(outcome) && !PanelDecision.SUPPORT_NATIONAL_REVIEW.equals(decision)
        || PanelDecision.LOCAL_REVIEW_ADVISED.equals(outcome) && !PanelDecision.LOCAL_REVIEW.equals(decision);
    PanelDecision.PARTNERS_TO_RECONSIDER.set(stage, reconsider);
    stage.setVariable(PanelDecision.OUTCOME_IN_WORDS, RESPONSE_FORM.optionLabel(PanelDecision.OUTCOME.name(), outcome));
    stage.setVariable(PanelDecision.RESPONSE_ON_IN_WORDS, UkDates.longDate(respondedOn));
    stage.setVariable(PanelDecision.INFORMATION_DUE_IN_WORDS, informationDueOn == null ? "The Panel gave no date for it."
        : "The Panel asks for it by the end of **" + UkDates.longDate(informationDueOn) + "**.");
  }

  /** {@code chasePanelResponse} completed: when and how; the Panel is chased again if still nothing comes. */
  public void chased(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the response came first
    }
    Answers answers = new Answers(execution);
    LocalDate chasedOn = answers.date(PanelDecision.CHASED_ON.name(), PanelDecision.RAPID_REVIEW_SUBMITTED_ON.required(execution),
        "the rapid review was sent to the Panel", today());
    optionalText(execution, answers, PanelDecision.CHASE_NOTE, 1000);
    answers.refuseIfAnyProblem("The chase was not recorded");
    SpinJsonNode chase = Spin.JSON("{}");
    chase.prop("dueOn", calendar.addWorkingDays(PanelDecision.RESPONSE_EXPECTED_BY.required(execution), 1).toString());
    chase.prop("on", chasedOn.toString());
    chase.prop("note", trimmed(execution, PanelDecision.CHASE_NOTE));
    SpinJsonNode chases = PanelDecision.CHASES.from(execution).orElse(Spin.JSON("[]"));
    chases.append(chase);
    VariableScope stage = execution.getProcessInstance();
    PanelDecision.CHASES.set(stage, chases);
    // a chase recorded days late does not bring the next one forward to now
    LocalDate from = chasedOn.isAfter(today()) ? chasedOn : today();
    LocalDate next = calendar.addWorkingDays(from, timescales.panelResponseChaseAgainWorkingDays());
    PanelDecision.RESPONSE_EXPECTED_BY.set(stage, next);
    stage.setVariable(PanelDecision.EXPECTED_BY_IN_WORDS, UkDates.longDate(next));
  }

  /** {@code provideInformationToPanel} completed: what was sent and when; the wait for the response begins again. */
  public void informationSent(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate sentOn = answers.date(PanelDecision.INFORMATION_SENT_ON.name(), PanelDecision.RESPONSE_ON.required(execution),
        "the Panel asked for it", today());
    optionalText(execution, answers, PanelDecision.INFORMATION_SENT, TEXT);
    answers.refuseIfAnyProblem("The information sent to the Panel was not recorded");
    VariableScope stage = execution.getProcessInstance();
    String sent = trimmed(execution, PanelDecision.INFORMATION_SENT);
    PanelDecision.INFORMATION_SENT.set(stage, sent);
    PanelDecision.INFORMATION_SENT_ON.set(stage, sentOn);
    SpinJsonNode responses = PanelDecision.RESPONSES.required(execution);
    SpinJsonNode last = responses.elements().get(responses.elements().size() - 1);
    last.prop("informationSent", sent);
    last.prop("informationSentOn", sentOn.toString());
    PanelDecision.RESPONSES.set(stage, Spin.JSON(responses.toString()));
    awaitResponse(stage, sentOn);
  }

  /** {@code confirmPartnersDecision} completed: a decision the Panel's response allows, dated, with reasons and who agreed it. */
  public void decisionConfirmed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String decision = PanelDecision.PARTNERS_DECISION.from(execution).orElse(null);
    if (PanelDecision.SUPPORT_NATIONAL_REVIEW.equals(decision)
        && !PanelDecision.NATIONAL_REVIEW.equals(PanelDecision.OUTCOME.from(execution).orElse(null))) {
      answers.problem(PanelDecision.PARTNERS_DECISION.name(), "can be to support a national review only when the Panel has opened one");
    }
    LocalDate decidedOn = answers.date(PanelDecision.PARTNERS_DECISION_ON.name(), PanelDecision.RESPONSE_ON.required(execution),
        "the Panel's letter", today());
    optionalText(execution, answers, PanelDecision.PARTNERS_DECISION_REASONS, TEXT);
    optionalText(execution, answers, PanelDecision.DECISION_AGREED_BY, 500);
    answers.refuseIfAnyProblem("The partners' decision was not recorded");
    VariableScope stage = execution.getProcessInstance();
    PanelDecision.PARTNERS_DECISION.set(stage, decision);
    PanelDecision.PARTNERS_DECISION_ON.set(stage, decidedOn);
    PanelDecision.PARTNERS_DECISION_REASONS.set(stage, trimmed(execution, PanelDecision.PARTNERS_DECISION_REASONS));
    PanelDecision.DECISION_AGREED_BY.set(stage, trimmed(execution, PanelDecision.DECISION_AGREED_BY));
    stage.setVariable("partnersDecisionOnInWords", UkDates.longDate(decidedOn));
  }

  /** {@code tellPanelPartnersDecision} completed: the date the decision not to review went to the Panel. */
  public void decisionSent(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(PanelDecision.DECISION_SENT_TO_PANEL_ON.name(), PanelDecision.PARTNERS_DECISION_ON.required(execution),
        "the partners' decision", today());
    answers.refuseIfAnyProblem("The decision sent to the Panel was not recorded");
  }

  /**
   * The decision stands. A decision to review keeps the day it was first made: confirmed after the
   * Panel's reply, the six months of the local review still run from the rapid review's decision.
   */
  public void decisionFinal(DelegateExecution execution) {
    if (!PanelDecision.LOCAL_REVIEW.equals(PanelDecision.PARTNERS_DECISION.required(execution))) {
      return;
    }
    LocalDate first = PanelDecision.LOCAL_REVIEW.equals(PanelDecision.DECISION_SENT.from(execution).orElse(null))
        ? PanelDecision.DECISION_SENT_ON.required(execution) : PanelDecision.PARTNERS_DECISION_ON.required(execution);
    PanelDecision.LOCAL_REVIEW_DECISION_ON.set(execution, first);
  }

  /** A wait for the Panel begins, from the day the rapid review (or the information it asked for) was sent. */
  private void awaitResponse(VariableScope stage, LocalDate sentOn) {
    LocalDate expectedBy = calendar.addWorkingDays(sentOn, timescales.panelResponseChaseWorkingDays());
    PanelDecision.RESPONSE_EXPECTED_BY.set(stage, expectedBy);
    stage.setVariable(ROUND_EXPECTED_BY, expectedBy.toString());
    stage.setVariable(PanelDecision.EXPECTED_BY_IN_WORDS, UkDates.longDate(expectedBy));
  }

  /** When this wait's response was first expected, before any chase moved the next one on. */
  static final String ROUND_EXPECTED_BY = "panelResponseRoundExpectedBy";

  private static Optional<SpinJsonNode> lastResponse(VariableScope scope) {
    return PanelDecision.RESPONSES.from(scope).filter(list -> !list.elements().isEmpty())
        .map(list -> list.elements().get(list.elements().size() - 1));
  }

  static LocalDate date(SpinJsonNode node, String property) {
    if (node == null || !node.hasProp(property) || node.prop(property).isNull()) {
      return null;
    }
    String text = node.prop(property).stringValue();
    return text == null || text.isBlank() || "null".equals(text) ? null : LocalDate.parse(text);
  }

  static String text(SpinJsonNode node, String property) {
    if (node == null || !node.hasProp(property) || node.prop(property).isNull()) {
      return "";
    }
    return node.prop(property).stringValue();
  }

  private static boolean present(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value != null && !(value instanceof String text && text.isBlank());
  }

  /** A text the form requires (its rules have said so when missing): here only its length. */
  private static void optionalText(DelegateExecution execution, Answers answers, ProcessVariable<String> variable, int max) {
    variable.from(execution).filter(t -> t.trim().length() > max)
        .ifPresent(t -> answers.problem(variable.name(), "is longer than " + max + " characters"));
  }

  private static String trimmed(VariableScope scope, ProcessVariable<String> variable) {
    return variable.from(scope).map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
