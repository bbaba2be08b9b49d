package uk.cspr.rapidreview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.agency.Agency;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.timescales.Timescales;
import uk.cspr.validation.Answers;
import uk.cspr.validation.Problems;
import uk.cspr.variables.ProcessVariable;

/**
 * The checks of {@code cspr-rapid-review} and the outcomes it derives: what the case gives it, an
 * agency added late, the meeting's record, each partner's sign-off, the coordinators' revision and
 * the submission to the Panel. Each runs as an execution listener reached through a delegate
 * expression, so that a refusal keeps its type (a 400 over REST naming the field) and the task
 * stays open with nothing lost.
 */
public class RapidReviewAnswers {

  static final int SHORT_TEXT = 200;
  static final int REASONS = 4000;
  static final int MAX_SAFEGUARDING_ACTIONS = 10;

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public RapidReviewAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /** The stage starts: it needs its deadline, the agencies' deadline and at least one known agency. */
  public void started(DelegateExecution execution) {
    // started by the case (or a script), never a form: named as the variables it sets
    Problems problems = new Problems(Map.of());
    LocalDate due = Answers.parseDate(RapidReview.RAPID_REVIEW_DUE.name(), execution.getVariable(RapidReview.RAPID_REVIEW_DUE.name()), problems);
    // a case recorded late gives its agencies their minimum time even past the rapid review's own deadline
    // (the case tells the coordinators the review is at risk): a later agency date is not refused
    Answers.parseDate(RapidReview.AGENCY_RESPONSE_DUE.name(), execution.getVariable(RapidReview.AGENCY_RESPONSE_DUE.name()), problems);
    // a case recorded before this stage existed asked its agencies itself: they are not asked again
    boolean askedByTheCase = Boolean.TRUE.equals(execution.getVariable(RapidReview.AGENCIES_ASKED_BY_THE_CASE));
    List<String> ids = askedByTheCase ? List.of() : agencyIds(execution.getVariable(RapidReview.AGENCIES));
    if (ids.isEmpty() && !askedByTheCase) {
      problems.addMessage(RapidReview.AGENCIES, "agencies must name at least one agency involved with the child or family");
    }
    for (String id : ids) {
      if (Agency.byId(id).isEmpty()) {
        problems.add(RapidReview.AGENCIES, "names '" + id + "', which is not a known agency");
      }
    }
    problems.refuseIfAny("The rapid review was not started");
    // one shape for the multi-instance that asks them: a Json array
    execution.setVariable(RapidReview.AGENCIES, ProcessVariable.texts(RapidReview.AGENCIES).stored(ids));
    RapidReview.SIGN_OFF_ROUND.set(execution, 0);
    if (due != null) {
      execution.setVariable(DUE_IN_WORDS, UkDates.longDate(due));
    }
  }

  /** {@code askAnotherAgency} completed: a known agency not already waiting to answer, and why it is asked. */
  public void anotherAgencyAsked(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // closed when the rapid review ended, not answered
    }
    Answers answers = new Answers(execution);
    String id = RapidReview.ADDED_AGENCY_ID.from(execution).orElse(null);
    if (id != null && Agency.byId(id).isPresent()) {
      boolean waiting = AgencyRequestsOfTheReview.of(history(execution), execution).stream()
          .anyMatch(request -> request.open() && !request.answered() && request.agencyId().equals(id));
      if (waiting) {
        answers.problem(RapidReview.ADDED_AGENCY_ID.name(), "has been asked already and has not answered yet: "
            + "track that request instead (Track the request: extend or withdraw)");
      }
    }
    answers.refuseIfAnyProblem("The agency was not asked");
    RapidReview.ADDED_AGENCY_RESPONSE_DUE.set(execution, responseDueForAgencyAskedOn(today(), RapidReview.RAPID_REVIEW_DUE.required(execution)));
  }

  /**
   * The agencies' rule (as the case sets it on day 1): their usual working days, but strictly
   * before the rapid review, leaving it its days for the meeting and sign-off; never fewer than
   * their minimum after being asked, which wins when the review leaves no room for both.
   */
  LocalDate responseDueForAgencyAskedOn(LocalDate askedOn, LocalDate rapidReviewDue) {
    LocalDate usual = calendar.addWorkingDays(askedOn, timescales.agencyResponseWorkingDays());
    LocalDate beforeRapidReview = calendar.addWorkingDays(rapidReviewDue, -timescales.agencyResponseBeforeRapidReviewWorkingDays());
    LocalDate minimum = calendar.addWorkingDays(askedOn, timescales.agencyResponseMinimumWorkingDays());
    LocalDate due = usual.isBefore(beforeRapidReview) ? usual : beforeRapidReview;
    return due.isBefore(minimum) ? minimum : due;
  }

  /**
   * One of the review's requests has ended, answered or withdrawn: the meeting's list follows at
   * once, so a coordinator who opens the meeting sees it as it is. History does not yet hold this
   * request's end (it is written as this transaction commits): what the request passed out says it.
   */
  public void agencyRequestEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String agencyId = String.valueOf(execution.getVariableLocal("requestAgencyId"));
    LocalDate answeredOn = AgencyRequest.INFORMATION_PROVIDED_ON.from(
        java.util.Collections.singletonMap(AgencyRequest.INFORMATION_PROVIDED_ON.name(),
            execution.getVariableLocal("requestAnsweredOn"))).orElse(null);
    List<AgencyRequestsOfTheReview.Request> requests = new java.util.ArrayList<>(
        AgencyRequestsOfTheReview.of(history(execution), execution));
    for (int i = requests.size() - 1; i >= 0; i--) {
      AgencyRequestsOfTheReview.Request request = requests.get(i);
      if (request.open() && request.agencyId().equals(agencyId)) {
        requests.set(i, new AgencyRequestsOfTheReview.Request(request.processInstanceId(), request.agencyId(),
            request.agencyName(), request.responseDue(), answeredOn, false));
        break;
      }
    }
    RapidReview.AGENCY_ANSWERS_SO_FAR.set(execution.getProcessInstance(), AgencyRequestsOfTheReview.inWords(requests, today()));
  }

  /** The meeting's task is created or claimed: who has answered and who has not, as of now. */
  public void showAgencyAnswers(DelegateTask task) {
    List<AgencyRequestsOfTheReview.Request> requests = AgencyRequestsOfTheReview.of(
        task.getProcessEngineServices().getHistoryService(), task.getExecution());
    if (requests.isEmpty()) {
      // created as the stage starts, its day-1 requests are not yet written where history reads them:
      // each of them has just been asked, and none has answered
      LocalDate due = RapidReview.AGENCY_RESPONSE_DUE.from(task.getExecution()).orElse(null);
      requests = agencyIds(task.getExecution().getVariable(RapidReview.AGENCIES)).stream()
          .map(id -> new AgencyRequestsOfTheReview.Request(null, id,
              Agency.byId(id).map(Agency::displayName).orElse(id), due, null, true)).toList();
    }
    RapidReview.AGENCY_ANSWERS_SO_FAR.set(task.getExecution(), AgencyRequestsOfTheReview.inWords(requests, today()));
  }

  /** {@code recordRapidReviewMeeting} completed: the record of the meeting, or the finding that the criteria are not met. */
  public void meetingRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate lowest = RapidReview.INCIDENT_DATE.from(execution).orElse(null);
    LocalDate meetingOn = answers.date(RapidReview.MEETING_ON.name(), lowest, "the incident", today());
    String criteriaMet = RapidReview.CRITERIA_MET.from(execution).orElse(null);
    if ("NO".equals(criteriaMet)) {
      requireText(execution, answers, RapidReview.CRITERIA_NOT_MET_REASONS, REASONS,
          "are needed: say why the case does not meet the criteria, for the Panel");
    } else if ("YES".equals(criteriaMet)) {
      requireText(execution, answers, RapidReview.FACTS_ESTABLISHED, Answers.LONG_ANSWER, "are needed");
      checkSafeguardingActions(execution, answers);
      checkDecision(execution, answers, meetingOn);
      if (RapidReview.MAY_BE_OF_NATIONAL_IMPORTANCE.from(execution).filter(a -> !a.isBlank()).isEmpty()) {
        answers.problem(RapidReview.MAY_BE_OF_NATIONAL_IMPORTANCE.name(), "is needed: the Panel asks it of every rapid review");
      }
    }
    answers.refuseIfAnyProblem("The rapid review meeting was not recorded");

    // the meeting goes on without an agency that has not answered: recorded as not received
    List<AgencyRequestsOfTheReview.Request> requests = AgencyRequestsOfTheReview.of(history(execution), execution);
    RapidReview.AGENCIES_RECEIVED.set(execution, requests.stream().filter(AgencyRequestsOfTheReview.Request::answered)
        .map(AgencyRequestsOfTheReview.Request::agencyName).toList());
    RapidReview.AGENCIES_NOT_RECEIVED.set(execution, requests.stream().filter(r -> !r.answered())
        .map(AgencyRequestsOfTheReview.Request::agencyName).distinct().toList());
    RapidReview.AGENCY_ANSWERS_SO_FAR.set(execution, AgencyRequestsOfTheReview.inWords(requests, today()));
    if ("NO".equals(criteriaMet)) {
      RapidReview.OUTCOME.set(execution, RapidReview.OUTCOME_CRITERIA_NOT_MET);
    }
  }

  /** {@code tellPanelCriteriaNotMet} completed: the date the Panel was told. */
  public void panelToldCriteriaNotMet(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(RapidReview.PANEL_TOLD_CRITERIA_NOT_MET_ON.name(), RapidReview.MEETING_ON.required(execution),
        "the rapid review meeting", today());
    answers.refuseIfAnyProblem("The Panel being told was not recorded");
  }

  /** A round of sign-off begins: every partner signs the review as it now stands. */
  public void signOffRoundStarted(DelegateExecution execution) {
    RapidReview.SIGN_OFF_BY_PARTNER.values().forEach(variable -> variable.remove(execution));
    RapidReview.SIGN_OFF_ROUND.set(execution, RapidReview.SIGN_OFF_ROUND.from(execution).orElse(0) + 1);
    // what the partners sign, as their form says it: the decision in words and its date as read in England
    execution.setVariable(DECISION_IN_WORDS, DECISION_WORDS.getOrDefault(
        RapidReview.PARTNERS_DECISION.from(execution).orElse(""), ""));
    execution.setVariable(DECISION_ON_IN_WORDS, RapidReview.PARTNERS_DECISION_ON.from(execution)
        .map(UkDates::longDate).orElse(""));
  }

  static final String DECISION_IN_WORDS = "partnersDecisionInWords";
  static final String DECISION_ON_IN_WORDS = "partnersDecisionOnInWords";
  static final String DUE_IN_WORDS = "rapidReviewDueInWords";
  private static final Map<String, String> DECISION_WORDS = Map.of(
      "LOCAL_REVIEW", "Commission a local child safeguarding practice review",
      "NO_FURTHER_REVIEW", "No further review",
      "SUPPORT_NATIONAL_REVIEW", "Support the Panel's national review");

  /** {@code signOffRapidReview} completed by one partner: a decision, who signed and as what; a send-back says why. */
  public void partnerSignedOff(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // another partner sent it back: this sign-off is asked again after the revision
    }
    Answers answers = new Answers(execution);
    String decision = RapidReview.SIGN_OFF_DECISION.from(execution).orElse(null);
    if (RapidReview.SEND_BACK.equals(decision)) {
      requireText(execution, answers, RapidReview.SEND_BACK_COMMENTS, REASONS,
          "are needed: say what the coordinators should change");
    }
    answers.refuseIfAnyProblem("The sign-off was not recorded");
    String group = RapidReview.PARTNER_GROUP.required(execution);
    SpinJsonNode record = Spin.JSON("{}");
    record.prop("partner", group);
    record.prop("decision", decision);
    record.prop("signatoryName", RapidReview.SIGNATORY_NAME.required(execution).trim());
    record.prop("signatoryRole", RapidReview.SIGNATORY_ROLE.required(execution));
    record.prop("comments", RapidReview.SEND_BACK.equals(decision) ? RapidReview.SEND_BACK_COMMENTS.required(execution).trim() : "");
    record.prop("on", today().toString());
    record.prop("round", RapidReview.SIGN_OFF_ROUND.from(execution).orElse(1));
    // on the review itself, a variable per partner: a partner's own task and the case file read it
    ProcessVariable<SpinJsonNode> variable = RapidReview.SIGN_OFF_BY_PARTNER.get(group);
    execution.getProcessInstance().setVariable(variable.name(), variable.stored(record));
  }

  /** The groups whose sign-off the review needs, one task each: the multi-instance's collection. */
  public List<String> partnerGroups() {
    return RapidReview.PARTNER_GROUPS;
  }

  /** Whether any partner has sent this round back: the others' tasks close and the coordinators revise. */
  public boolean anySentBack(DelegateExecution execution) {
    return RapidReview.SIGN_OFF_BY_PARTNER.values().stream()
        .map(variable -> variable.from(execution).orElse(null))
        .anyMatch(record -> record != null && RapidReview.SEND_BACK.equals(record.prop("decision").stringValue()));
  }

  /** The revise task is created: what the partners who sent it back said. */
  public void showSentBackComments(DelegateTask task) {
    StringBuilder comments = new StringBuilder();
    for (String group : RapidReview.PARTNER_GROUPS) {
      RapidReview.SIGN_OFF_BY_PARTNER.get(group).from(task).filter(r -> RapidReview.SEND_BACK.equals(r.prop("decision").stringValue()))
          .ifPresent(r -> comments.append("- ").append(r.prop("signatoryName").stringValue()).append(" for ")
              .append(RapidReview.PARTNER_NAMES.get(group)).append(": ").append(r.prop("comments").stringValue()).append('\n'));
    }
    RapidReview.SENT_BACK_COMMENTS.set(task.getExecution(), comments.toString().trim());
  }

  /** {@code reviseRapidReview} completed: the decision still stands on its reasons, and what changed is said. */
  public void revised(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    checkDecision(execution, answers, RapidReview.MEETING_ON.required(execution));
    answers.refuseIfAnyProblem("The revised rapid review was not recorded");
  }

  /**
   * {@code submitRapidReview} completed: sent to the Panel, never before it was notified of the
   * incident; dated not before the meeting nor in the future; the family told of the decision.
   */
  public void submitted(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate meetingOn = RapidReview.MEETING_ON.required(execution);
    LocalDate submittedOn = answers.date(RapidReview.SUBMITTED_ON.name(), meetingOn, "the rapid review meeting", today());
    Optional<LocalDate> notifiedOn = panelNotifiedOn(execution);
    if (notifiedOn.isEmpty()) {
      answers.problemSaidAs(RapidReview.SUBMITTED_ON.name(), "The Panel takes no rapid review before it has been notified of "
          + "the serious incident: record the notification first (the task Notify the Panel of the serious incident), "
          + "then send the rapid review");
    } else if (submittedOn != null && submittedOn.isBefore(notifiedOn.get())) {
      answers.problem(RapidReview.SUBMITTED_ON.name(), submittedOn, "is before the Panel was notified ("
          + UkDates.asTyped(notifiedOn.get()) + ")");
    }
    LocalDate due = RapidReview.RAPID_REVIEW_DUE.required(execution);
    if (submittedOn != null && submittedOn.isAfter(due) && RapidReview.DELAY_REASON.from(execution).filter(r -> !r.isBlank()).isEmpty()) {
      answers.problem(RapidReview.DELAY_REASON.name(), "is required: the rapid review went after its deadline ("
          + UkDates.asTyped(due) + ")");
    }
    answers.date(RapidReview.FAMILY_TOLD_ON.name(), RapidReview.PARTNERS_DECISION_ON.required(execution),
        "the partners' decision", today());
    answers.refuseIfAnyProblem("The rapid review was not recorded as sent to the Panel");
    RapidReview.ON_TIME.set(execution, !submittedOn.isAfter(due));
    RapidReview.OUTCOME.set(execution, RapidReview.OUTCOME_SUBMITTED);
  }

  /** When the case's notification stage recorded the Panel notified: {@code notifiedOn} of {@code cspr-notification}, same case. */
  Optional<LocalDate> panelNotifiedOn(DelegateExecution execution) {
    HistoryService history = history(execution);
    String[] notifications = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).processDefinitionKey(RapidReview.NOTIFICATION_KEY)
        .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (notifications.length == 0) {
      return Optional.empty();
    }
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(notifications).variableName(RapidReview.NOTIFIED_ON)
        .list().stream().map(HistoricVariableInstance::getValue)
        .filter(value -> value instanceof String text && !text.isBlank())
        .map(value -> LocalDate.parse(((String) value).trim())).min(LocalDate::compareTo);
  }

  private void checkDecision(DelegateExecution execution, Answers answers, LocalDate meetingOn) {
    if (RapidReview.PARTNERS_DECISION.from(execution).filter(d -> !d.isBlank()).isEmpty()) {
      answers.problem(RapidReview.PARTNERS_DECISION.name(), "is needed: the decision on a local review is made at the rapid review");
    }
    answers.date(RapidReview.PARTNERS_DECISION_ON.name(), meetingOn, "the rapid review meeting", today());
    // a decision not to review needs its reasons as much as one to review
    requireText(execution, answers, RapidReview.PARTNERS_DECISION_REASONS, REASONS, "are needed, whichever the decision");
  }

  private void checkSafeguardingActions(DelegateExecution execution, Answers answers) {
    Object value = execution.getVariable(RapidReview.SAFEGUARDING_ACTIONS.name());
    if (value == null) {
      return; // none decided
    }
    if (!(value instanceof SpinJsonNode list) || !list.isArray()) {
      answers.problem(RapidReview.SAFEGUARDING_ACTIONS.name(), "must be a list of actions, each with its owner");
      return;
    }
    int number = 0;
    for (SpinJsonNode item : list.elements()) {
      number++;
      String action = text(item, "action");
      String owner = text(item, "owner");
      if (action.isEmpty() && !owner.isEmpty()) {
        answers.problemSaidAs(RapidReview.SAFEGUARDING_ACTIONS.name(), "Immediate safeguarding action " + number + " has an owner ("
            + owner + ") but no action: say what is to be done");
      } else if (!action.isEmpty() && owner.isEmpty()) {
        answers.problemSaidAs(RapidReview.SAFEGUARDING_ACTIONS.name(), "Immediate safeguarding action " + number
            + " has no owner: say who (a person or an agency) will make sure it is done");
      } else if (action.length() > REASONS || owner.length() > SHORT_TEXT) {
        answers.problemSaidAs(RapidReview.SAFEGUARDING_ACTIONS.name(), "Immediate safeguarding action " + number + " is too long");
      }
    }
    if (number > MAX_SAFEGUARDING_ACTIONS) {
      answers.problemSaidAs(RapidReview.SAFEGUARDING_ACTIONS.name(), "At most " + MAX_SAFEGUARDING_ACTIONS
          + " immediate safeguarding actions can be recorded here");
    }
  }

  private static String text(SpinJsonNode item, String property) {
    if (item == null || !item.isObject() || !item.hasProp(property) || item.prop(property).isNull()) {
      return "";
    }
    SpinJsonNode value = item.prop(property);
    return value.isString() ? value.stringValue().trim() : value.toString().trim();
  }

  private static void requireText(DelegateExecution execution, Answers answers, ProcessVariable<String> variable, int max, String whenMissing) {
    Optional<String> text = variable.from(execution).filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      answers.problem(variable.name(), whenMissing);
    } else if (text.get().trim().length() > max) {
      answers.problem(variable.name(), "is longer than " + max + " characters");
    }
  }

  /** The involved agencies as the case or a script gives them: a Json array, a list, or comma-separated text. */
  static List<String> agencyIds(Object agencies) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    if (agencies instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> ids.add(element.isString() ? element.stringValue().trim() : element.toString()));
    } else if (agencies instanceof java.util.Collection<?> list) {
      list.forEach(id -> ids.add(String.valueOf(id).trim()));
    } else if (agencies instanceof String text) {
      Arrays.stream(text.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
    }
    ids.remove("");
    return new ArrayList<>(ids);
  }

  private static HistoryService history(DelegateExecution execution) {
    return execution.getProcessEngineServices().getHistoryService();
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
