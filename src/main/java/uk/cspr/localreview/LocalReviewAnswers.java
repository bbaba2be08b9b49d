package uk.cspr.localreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * The checks of {@code cspr-local-review} and what it derives: the six months from the decision, the
 * reviewer's appointment with a recorded declaration, the terms of reference and the agencies asked,
 * each version of the report and its quality assurance against SI 2018/789 Part 3, the partners'
 * progress checks and written requests (reg 14), a delay's reason, each partner's named sign-off and
 * whether the review was on time. Each runs as a listener reached through a delegate expression, so a
 * refusal is a 400 naming the field and the task stays open with nothing lost; the tasks whose fields
 * start empty (input parameters) write to the stage only once checked.
 */
public class LocalReviewAnswers {

  static final int TEXT = 4000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** How the rapid review's meeting named the proceedings: the case file and forms say them so. */
  private static final FormSchema MEETING = FormSchema.shipped("record-rapid-review-meeting");

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public LocalReviewAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /**
   * The stage starts: its due date counts from the partners' decision (at the rapid review or on
   * revising it), never from the day this stage happens to start; a month-end decision clamps
   * (31 August + 6 months is 28 February, as {@code LocalDate.plus} does).
   */
  public void started(DelegateExecution execution) {
    Problems problems = new Problems(Map.of());
    LocalDate decidedOn = Answers.parseDate(LocalReview.DECISION_ON.name(), execution.getVariable(LocalReview.DECISION_ON.name()), problems);
    problems.refuseIfAny("The local review was not started");
    LocalDate due = decidedOn.plus(timescales.localReview());
    LocalReview.DUE.set(execution, due);
    execution.setVariable(LocalReview.DUE_IN_WORDS, UkDates.longDate(due));
    execution.setVariable(LocalReview.DECISION_ON_IN_WORDS, UkDates.longDate(decidedOn));
    List<String> proceedings = LocalReview.PARALLEL_PROCEEDINGS.from(execution).orElse(List.of());
    execution.setVariable(LocalReview.PROCEEDINGS_IN_WORDS, proceedings.isEmpty() ? "none recorded"
        : String.join(", ", proceedings.stream().map(p -> MEETING.optionLabel("parallelProceedings", p)).toList()));
    LocalReview.REPORTS.set(execution, Spin.JSON("[]"));
    LocalReview.PROGRESS_CHECKS.set(execution, Spin.JSON("[]"));
    LocalReview.WRITTEN_REQUESTS.set(execution, Spin.JSON("[]"));
    // the agencies involved in the case are offered, ticked, as those to ask for the review
    LocalReview.AGENCIES_TO_ASK.set(execution, ProcessVariable.texts(LocalReview.AGENCIES).from(execution).orElse(List.of()));
  }

  /** {@code informOfLocalReview} completed: the day the Panel, Ofsted and DfE were told. */
  public void informed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(LocalReview.INFORMED_ON.name(), LocalReview.DECISION_ON.required(execution), "the decision to review", today());
    answers.refuseIfAnyProblem("The Panel, Ofsted and DfE being told was not recorded");
  }

  /** {@code appointReviewer} completed: each reviewer named has a declaration of independence recorded. */
  public void reviewerAppointed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalReview.REVIEWER_EMAIL.from(execution).filter(e -> !e.isBlank() && !EMAIL.matcher(e.trim()).matches())
        .ifPresent(e -> answers.problem(LocalReview.REVIEWER_EMAIL.name(), "is not an e-mail address"));
    if ("NO".equals(LocalReview.REVIEWER_INDEPENDENCE.from(execution).orElse(null))) {
      answers.problemSaidAs(LocalReview.REVIEWER_INDEPENDENCE.name(), "A reviewer is appointed once their declaration of "
          + "independence from the case and the agencies involved is recorded: record it first");
    }
    if (blank(execution, LocalReview.REVIEWER_DECLARATION)) {
      answers.problem(LocalReview.REVIEWER_DECLARATION.name(), "is needed: in the reviewer's words, even if they have "
          + "nothing to declare");
    }
    if (!blank(execution, LocalReview.SECOND_REVIEWER_NAME) && blank(execution, LocalReview.SECOND_REVIEWER_DECLARATION)) {
      answers.problem(LocalReview.SECOND_REVIEWER_DECLARATION.name(), "is needed for the second reviewer too");
    }
    answers.date(LocalReview.REVIEWER_APPOINTED_ON.name(), LocalReview.DECISION_ON.required(execution), "the decision to review", today());
    answers.refuseIfAnyProblem("The reviewer was not appointed");
    LocalReview.REVIEWER_EMAIL.set(execution, LocalReview.REVIEWER_EMAIL.required(execution).trim());
  }

  /** {@code agreeTermsOfReference} completed: dated; the agencies chosen are asked at once, with their working days. */
  public void termsAgreed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(LocalReview.TERMS_AGREED_ON.name(), LocalReview.DECISION_ON.required(execution), "the decision to review", today());
    answers.refuseIfAnyProblem("The terms of reference were not recorded");
    List<String> agencies = LocalReview.AGENCIES_TO_ASK.from(execution).orElse(List.of());
    LocalReview.AGENCIES_TO_ASK.set(execution, agencies);
    LocalReview.AGENCY_RESPONSE_DUE.set(execution, calendar.addWorkingDays(today(), timescales.localReviewAgencyResponseWorkingDays()));
  }

  /** {@code recordPractitionerLearningEvent} completed: an event held has its date. */
  public void learningEventRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    if ("YES".equals(LocalReview.LEARNING_EVENT_HELD.from(execution).orElse(null))) {
      answers.date(LocalReview.LEARNING_EVENT_ON.name(), LocalReview.DECISION_ON.required(execution), "the decision to review", today());
    }
    answers.refuseIfAnyProblem("The learning event was not recorded");
  }

  /** {@code receiveReviewerReport} completed, by the reviewer's link or the coordinators: which version, when. */
  public void reportReceived(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate on = answers.date(LocalReview.REPORT_RECEIVED_ON.name(), LocalReview.DECISION_ON.required(execution),
        "the decision to review", today());
    if (!reportAttached(execution)) {
      answers.problemSaidAs("documents", "Attach the report to this task (its Documents tab) before recording it as "
          + "received: the partners read it from there");
    }
    answers.refuseIfAnyProblem("The reviewer's report was not recorded");
    String kind = LocalReview.DOCUMENT_KIND.required(execution);
    VariableScope stage = execution.getProcessInstance();
    LocalReview.DOCUMENT_KIND.set(stage, kind);
    LocalReview.REPORT_RECEIVED_ON.set(stage, on);
    LocalReview.REVIEWER_NOTE.set(stage, trimmed(execution, LocalReview.REVIEWER_NOTE));
    SpinJsonNode report = Spin.JSON("{}");
    report.prop("kind", kind);
    report.prop("on", on.toString());
    report.prop("note", Optional.ofNullable(trimmed(execution, LocalReview.REVIEWER_NOTE)).orElse(""));
    // nobody is logged in on the reviewer's page: its link is its key
    report.prop("by", uk.cspr.engine.SignedIn.userId(execution.getProcessEngineServices().getIdentityService())
        .orElse(ReviewerPage.THROUGH_LINK));
    SpinJsonNode reports = LocalReview.REPORTS.from(execution).orElse(Spin.JSON("[]"));
    reports.append(report);
    LocalReview.REPORTS.set(stage, reports);
    stage.setVariable("reviewerDocumentKindInWords", LocalReview.FINAL.equals(kind) ? "final report" : "draft report");
    stage.setVariable("reportReceivedOnInWords", UkDates.longDate(on));
  }

  /** Whether the task being completed has a document: the report the partners are to read. */
  private static boolean reportAttached(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    return services.getHistoryService().createHistoricTaskInstanceQuery().executionId(execution.getId())
        .taskDefinitionKey(LocalReview.TASK_RECEIVE_REPORT).orderByHistoricActivityInstanceStartTime().desc().list().stream()
        .findFirst().map(task -> !services.getTaskService().getTaskAttachments(task.getId()).isEmpty()).orElse(false);
  }

  /**
   * {@code qualityAssureReport} completed: a report is accepted for sign-off only as the final report,
   * and only once the partners confirm it sets out the improvements recommended and analyses why events
   * happened as they did (SI 2018/789 Part 3); one returned says what should change.
   */
  public void qualityAssured(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String outcome = LocalReview.QA_OUTCOME.from(execution).orElse(null);
    if (LocalReview.ACCEPT.equals(outcome)) {
      if ("NO".equals(LocalReview.QA_IMPROVEMENTS.from(execution).orElse(null))) {
        answers.problemSaidAs(LocalReview.QA_IMPROVEMENTS.name(), "A report that does not set out the improvements recommended "
            + "cannot be accepted (SI 2018/789 Part 3): return it to the reviewer");
      }
      if ("NO".equals(LocalReview.QA_ANALYSIS.from(execution).orElse(null))) {
        answers.problemSaidAs(LocalReview.QA_ANALYSIS.name(), "A report without an analysis of why events happened as they did "
            + "cannot be accepted (SI 2018/789 Part 3): return it to the reviewer");
      }
      if (!LocalReview.FINAL.equals(LocalReview.DOCUMENT_KIND.from(execution).orElse(null))) {
        answers.problemSaidAs(LocalReview.QA_OUTCOME.name(), "The partners' conclusion: a draft is not signed off; return it, "
            + "and the reviewer sends the final report");
      }
    } else if (LocalReview.RETURN.equals(outcome) && blank(execution, LocalReview.QA_COMMENTS)) {
      answers.problem(LocalReview.QA_COMMENTS.name(), "is needed: the reviewer is told what should change");
    }
    answers.refuseIfAnyProblem("The quality assurance was not recorded");
    VariableScope stage = execution.getProcessInstance();
    LocalReview.QA_OUTCOME.set(stage, outcome);
    LocalReview.QA_COMMENTS.set(stage, trimmed(execution, LocalReview.QA_COMMENTS));
    SpinJsonNode reports = LocalReview.REPORTS.required(execution);
    if (!reports.elements().isEmpty()) {
      SpinJsonNode last = reports.elements().get(reports.elements().size() - 1);
      last.prop("outcome", outcome);
      last.prop("comments", Optional.ofNullable(trimmed(execution, LocalReview.QA_COMMENTS)).orElse(""));
      last.prop("checkedOn", today().toString());
      LocalReview.REPORTS.set(stage, Spin.JSON(reports.toString()));
    }
  }

  /** {@code checkLocalReviewProgress} completed: kept in turn; a written request goes to the reviewer by mail. */
  public void progressChecked(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    // a report expected after its due date is a due date moved: it needs its reason
    LocalDate expected = null;
    if (!blank(execution, LocalReview.EXPECTED_ON)) {
      expected = answers.date(LocalReview.EXPECTED_ON.name(), today(), "today", null);
      if (expected != null && expected.isAfter(LocalReview.DUE.required(execution)) && blank(execution, LocalReview.DELAY_REASON)) {
        answers.problem(LocalReview.DELAY_REASON.name(), "is needed: the final report is due by "
            + UkDates.longDate(LocalReview.DUE.required(execution)) + " and a later date needs its reason");
      }
    }
    answers.refuseIfAnyProblem("The progress check was not recorded");
    String request = trimmed(execution, LocalReview.REQUEST_TO_REVIEWER);
    SpinJsonNode check = Spin.JSON("{}");
    check.prop("on", today().toString());
    check.prop("onTrack", LocalReview.ON_TRACK.required(execution));
    check.prop("notes", Optional.ofNullable(trimmed(execution, LocalReview.PROGRESS_NOTES)).orElse(""));
    check.prop("request", request == null ? "" : request);
    SpinJsonNode checks = LocalReview.PROGRESS_CHECKS.from(execution).orElse(Spin.JSON("[]"));
    checks.append(check);
    VariableScope stage = execution.getProcessInstance();
    LocalReview.PROGRESS_CHECKS.set(stage, checks);
    LocalReview.REVIEWER_TO_BE_ASKED.set(stage, request != null);
    if (request != null) {
      keepWrittenRequest(execution, request, "at a progress check");
    }
    if (expected != null) {
      LocalReview.EXPECTED_ON.set(stage, expected);
    }
    String reason = trimmed(execution, LocalReview.DELAY_REASON);
    if (reason != null) {
      LocalReview.DELAY_REASON.set(stage, reason);
    }
  }

  /** {@code writeToReviewer} completed: the partners' request, in their words, kept and mailed to the reviewer. */
  public void writtenRequest(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the final report was accepted: nothing more is asked
    }
    Answers answers = new Answers(execution);
    answers.refuseIfAnyProblem("The request to the reviewer was not sent");
    keepWrittenRequest(execution, trimmed(execution, LocalReview.REQUEST_TO_REVIEWER), "on its own");
  }

  /**
   * The request the next mail to the reviewer carries, and the list of every one sent. The mail
   * reads the latest: two requests sent in the same moment would both carry the second's words.
   */
  private void keepWrittenRequest(DelegateExecution execution, String request, String how) {
    SpinJsonNode entry = Spin.JSON("{}");
    entry.prop("on", today().toString());
    entry.prop("request", request);
    entry.prop("how", how);
    SpinJsonNode requests = LocalReview.WRITTEN_REQUESTS.from(execution).orElse(Spin.JSON("[]"));
    requests.append(entry);
    VariableScope stage = execution.getProcessInstance();
    LocalReview.WRITTEN_REQUESTS.set(stage, requests);
    LocalReview.WRITTEN_REQUEST.set(stage, request);
  }

  /** {@code recordLocalReviewDelay} completed: a reason, and a new expected date not in the past. */
  public void delayRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(LocalReview.EXPECTED_ON.name(), today(), "today", null);
    answers.refuseIfAnyProblem("The reason for the delay was not recorded");
  }

  /** A round of sign-off begins: every partner signs the report as it now stands. */
  public void signOffRoundStarted(DelegateExecution execution) {
    LocalReview.SIGN_OFF_BY_PARTNER.values().forEach(variable -> variable.remove(execution));
  }

  /** {@code signOffFinalReport} completed by one partner: their decision, who signed and as what. */
  public void partnerSigned(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // another partner sent it back: asked again after the revision
    }
    Answers answers = new Answers(execution);
    String decision = LocalReview.SIGN_OFF_DECISION.from(execution).orElse(null);
    if (LocalReview.SEND_BACK.equals(decision) && blank(execution, LocalReview.SEND_BACK_COMMENTS)) {
      answers.problem(LocalReview.SEND_BACK_COMMENTS.name(), "are needed: say what should change");
    }
    answers.refuseIfAnyProblem("The sign-off was not recorded");
    String group = LocalReview.PARTNER_GROUP.required(execution);
    SpinJsonNode record = Spin.JSON("{}");
    record.prop("partner", group);
    record.prop("decision", decision);
    record.prop("signatoryName", LocalReview.SIGNATORY_NAME.required(execution).trim());
    record.prop("signatoryRole", LocalReview.SIGNATORY_ROLE.required(execution));
    record.prop("comments", LocalReview.SEND_BACK.equals(decision) ? LocalReview.SEND_BACK_COMMENTS.required(execution).trim() : "");
    record.prop("on", today().toString());
    ProcessVariable<SpinJsonNode> variable = LocalReview.SIGN_OFF_BY_PARTNER.get(group);
    execution.getProcessInstance().setVariable(variable.name(), variable.stored(record));
  }

  /** What each agency is asked for the review: the coordinators' words with the terms of reference, or the standard request. */
  public String agencyRequestText(DelegateExecution execution) {
    return LocalReview.AGENCY_REQUEST.from(execution).map(String::trim).filter(text -> !text.isEmpty())
        .orElse(LocalReview.STANDARD_AGENCY_REQUEST);
  }

  public List<String> partnerGroups() {
    return LocalReview.PARTNER_GROUPS;
  }

  public boolean anySentBack(DelegateExecution execution) {
    return LocalReview.SIGN_OFF_BY_PARTNER.values().stream().map(variable -> variable.from(execution).orElse(null))
        .anyMatch(record -> record != null && LocalReview.SEND_BACK.equals(record.prop("decision").stringValue()));
  }

  /** The revise task is created: what the partners who sent it back said. */
  public void showSentBackComments(DelegateTask task) {
    StringBuilder comments = new StringBuilder();
    for (String group : LocalReview.PARTNER_GROUPS) {
      LocalReview.SIGN_OFF_BY_PARTNER.get(group).from(task).filter(r -> LocalReview.SEND_BACK.equals(r.prop("decision").stringValue()))
          .ifPresent(r -> comments.append("- ").append(r.prop("signatoryName").stringValue()).append(" for ")
              .append(LocalReview.PARTNER_NAMES.get(group)).append(": ").append(r.prop("comments").stringValue()).append('\n'));
    }
    LocalReview.SENT_BACK_COMMENTS.set(task.getExecution(), comments.toString().trim());
  }

  /** {@code reviseFinalReport} completed: what changed is said (the form requires it). */
  public void revised(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    new Answers(execution).refuseIfAnyProblem("The revised report was not recorded");
  }

  /** All three partners signed: the day it was signed off, and whether within the six months. */
  public void signedOff(DelegateExecution execution) {
    LocalDate on = today();
    LocalReview.SIGNED_OFF_ON.set(execution, on);
    LocalReview.ON_TIME.set(execution, !on.isAfter(LocalReview.DUE.required(execution)));
  }

  private static boolean blank(VariableScope scope, ProcessVariable<?> variable) {
    Object value = scope.getVariable(variable.name());
    return value == null || value instanceof String text && text.isBlank();
  }

  private static String trimmed(VariableScope scope, ProcessVariable<String> variable) {
    return variable.from(scope).map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
