package uk.cspr.learning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
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
 * The checks of {@code cspr-learning} and what it derives: what the partners act on, the action plan
 * (each action described, owned and due on a working day not in the past), where each action stands
 * as its owner answers (evidenced, not yet and re-dated, late, closed with a reason), the agencies
 * asked how the learning reached their practitioners, each impact review and the next, and the
 * closure. Each runs as a listener reached through a delegate expression, so a refusal is a 400
 * naming the field and the task stays open with nothing lost.
 */
public class LearningAnswers {

  static final int DESCRIPTION = 2000;

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public LearningAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /**
   * The stage starts with what the case gives it: what the partners act on (a local review's
   * recommendations, the Panel's findings from a national review, or a rapid review's learning),
   * the agencies involved (offered, ticked, as those to confirm the learning reached their staff)
   * and, when there was a report, the days it was signed off and published.
   */
  public void started(DelegateExecution execution) {
    // started by the case, never by a form: named as the variables it sets
    Problems problems = new Problems(Map.of());
    Object from = execution.getVariable(Learning.LEARNING_FROM.name());
    if (!(from instanceof String route) || !Learning.WHAT_THE_PARTNERS_ACT_ON.containsKey(route)) {
      problems.addMessage(Learning.LEARNING_FROM.name(), "learningFrom must be LOCAL_REVIEW, NATIONAL_REVIEW or RAPID_REVIEW, not '"
          + from + "'");
    }
    List<String> agencies = agencyIds(execution.getVariable(Learning.AGENCIES.name()));
    if (agencies == null) {
      problems.addMessage(Learning.AGENCIES.name(), "agencies must be a Json list of the agency ids involved in the case");
    } else {
      agencies.stream().filter(id -> Agency.byId(id).isEmpty()).forEach(id ->
          problems.addMessage(Learning.AGENCIES.name(), "agencies: '" + id + "' is not a known agency"));
    }
    for (ProcessVariable<LocalDate> optional : List.of(Learning.FINAL_REPORT_SIGNED_OFF_ON, Learning.PUBLISHED_ON)) {
      Object value = execution.getVariable(optional.name());
      if (value != null && !(value instanceof String text && text.isBlank())) {
        Answers.parseDate(optional.name(), value, problems);
      }
    }
    problems.refuseIfAny("The learning stage was not started");
    Learning.LEARNING_FROM_IN_WORDS.set(execution, Learning.WHAT_THE_PARTNERS_ACT_ON.get((String) from));
    Learning.AGENCIES.set(execution, agencies);
    Learning.DISSEMINATION_AGENCIES.set(execution, agencies);
    Learning.IMPACT_REVIEWS.set(execution, Spin.JSON("[]"));
  }

  /**
   * {@code recordActionPlan} completed: the learning in words, the day the plan was agreed, each
   * action with its description, owner and due date (a working day, not in the past), and the
   * agencies to confirm the learning's dissemination. A problem names the action by its number, as
   * the form shows it. Once checked: each action's record, the dissemination's due date and the
   * impact review's.
   */
  public void planRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate agreedOn = answers.date(Learning.PLAN_AGREED_ON.name(), null, null, today());
    List<Map<String, String>> actions = actions(execution.getVariable(Learning.ACTION_PLAN.name()), answers);
    answers.refuseIfAnyProblem("The action plan was not recorded");

    VariableScope stage = execution.getProcessInstance();
    SpinJsonNode plan = Spin.JSON("[]");
    for (int n = 1; n <= actions.size(); n++) {
      Map<String, String> action = actions.get(n - 1);
      SpinJsonNode entry = Spin.JSON("{}");
      action.forEach(entry::prop);
      plan.append(entry);
      SpinJsonNode record = Spin.JSON("{}");
      record.prop("number", n);
      action.forEach(record::prop);
      record.prop("ownerName", ownerName(action.get("owner")));
      record.prop("state", Learning.OPEN);
      Learning.action(n).set(stage, record);
    }
    Learning.ACTION_PLAN.set(stage, plan);
    Learning.DISSEMINATION_AGENCIES.set(stage, Learning.DISSEMINATION_AGENCIES.from(execution).orElse(List.of()));
    Learning.DISSEMINATION_DUE.set(stage, calendar.addWorkingDays(today(), timescales.learningDisseminationWorkingDays()));
    LocalDate impactDue = agreedOn.plus(timescales.learningImpactReview());
    Learning.IMPACT_REVIEW_DUE.set(stage, impactDue);
    stage.setVariable(Learning.IMPACT_REVIEW_DUE_IN_WORDS, UkDates.longDate(impactDue));
    stage.setVariable(Learning.PLAN_AGREED_ON_IN_WORDS, UkDates.longDate(agreedOn));
  }

  /**
   * The actions as submitted, the places the form offers but left empty dropped: each with its
   * description, owner and due date, or a problem naming the action ("Action 2's owner is required").
   */
  private List<Map<String, String>> actions(Object submitted, Answers answers) {
    List<Map<String, Object>> entries = entries(submitted);
    if (entries == null) {
      answers.problemSaidAs(Learning.ACTION_PLAN.name(), "The action plan must be a list of actions, each with a description, "
          + "an owner and a due date");
      return List.of();
    }
    List<Map<String, String>> actions = new ArrayList<>();
    for (int position = 1; position <= entries.size(); position++) {
      Map<String, Object> entry = entries.get(position - 1);
      String description = text(entry.get("description"));
      String owner = text(entry.get("owner"));
      String dueOn = text(entry.get("dueOn"));
      if (description == null && owner == null && dueOn == null) {
        continue; // a place the form offered for a further action, left empty
      }
      String at = Learning.ACTION_PLAN.name() + "[" + position + "]";
      String action = "Action " + position;
      if (description == null) {
        answers.problemSaidAs(at + ".description", action + "'s description is required: say what will be done");
      } else if (description.length() > DESCRIPTION) {
        answers.problemSaidAs(at + ".description", action + "'s description is longer than " + DESCRIPTION + " characters");
      }
      if (owner == null) {
        answers.problemSaidAs(at + ".owner", action + "'s owner is required: the agency that owns it, or the safeguarding "
            + "partners themselves");
      } else if (!Learning.OWNER_PARTNERS.equals(owner) && Agency.byId(owner).isEmpty()) {
        answers.problemSaidAs(at + ".owner", action + "'s owner is not one of the agencies offered: '" + owner + "'");
      }
      LocalDate due = null;
      if (dueOn == null) {
        answers.problemSaidAs(at + ".dueOn", action + "'s due date is required: a working day, not in the past");
      } else {
        due = dueDate(at + ".dueOn", action + "'s due date", dueOn, answers);
      }
      if (description != null && owner != null && due != null) {
        Map<String, String> clean = new LinkedHashMap<>();
        clean.put("description", description);
        clean.put("owner", owner);
        clean.put("dueOn", due.toString());
        actions.add(clean);
      }
    }
    long given = entries.stream().filter(e -> e.values().stream().anyMatch(v -> text(v) != null)).count();
    if (given == 0) {
      answers.problemSaidAs(Learning.ACTION_PLAN.name(), "The action plan needs at least one action: what will be done, who "
          + "owns it and when it is due");
    } else if (given > Learning.MAX_ACTIONS) {
      answers.problemSaidAs(Learning.ACTION_PLAN.name(), "The action plan has " + given + " actions: record at most "
          + Learning.MAX_ACTIONS + ", the most important first");
    }
    return actions;
  }

  /** An action's due date: a date, a working day, not in the past. */
  private LocalDate dueDate(String field, String named, String text, Answers answers) {
    LocalDate due;
    try {
      due = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      answers.problemSaidAs(field, named + " is not a date: '" + text + "' (a date is sent as yyyy-MM-dd)");
      return null;
    }
    if (due.getYear() < Answers.EARLIEST_YEAR || due.getYear() > Answers.LATEST_YEAR) {
      answers.problemSaidAs(field, named + " (" + UkDates.asTyped(due) + ") is not a plausible date");
      return null;
    }
    if (due.isBefore(today())) {
      answers.problemSaidAs(field, named + " (" + UkDates.asTyped(due) + ") is in the past");
      return null;
    }
    if (!calendar.isWorkingDay(due)) {
      answers.problemSaidAs(field, named + " (" + UkDates.asTyped(due) + ") is not a working day");
      return null;
    }
    return due;
  }

  // --- each action, as SubProcess_FollowAction follows it ---

  /** The actions' numbers, 1 to n: the list the multi-instance follows. */
  public List<Integer> actionNumbers(DelegateExecution execution) {
    int count = Learning.ACTION_PLAN.from(execution).map(plan -> plan.elements().size()).orElse(0);
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  /** The agency that owns the action this execution follows (its agency request's {@code agencyId}). */
  public String actionOwner(DelegateExecution execution) {
    return text(record(execution), "owner");
  }

  public boolean ownedByPartners(DelegateExecution execution) {
    return Learning.OWNER_PARTNERS.equals(actionOwner(execution));
  }

  /** When the action is now due: the day its owner said it would be complete, else its due date in the plan. */
  public String actionDue(VariableScope execution) {
    SpinJsonNode record = record(execution);
    String expected = text(record, "expectedOn");
    return expected.isEmpty() ? text(record, "dueOn") : expected;
  }

  /** {@code OPEN}, {@code LATE}, {@code EVIDENCED} or {@code CLOSED}. */
  public String actionState(DelegateExecution execution) {
    return text(record(execution), "state");
  }

  /** What the owning agency is asked: the action, its due date, and what evidence is wanted. */
  public String actionRequestText(DelegateExecution execution) {
    SpinJsonNode record = record(execution);
    StringBuilder text = new StringBuilder("Action ").append(text(record, "number"))
        .append(" of the safeguarding partners' action plan, acting on ")
        .append(Learning.LEARNING_FROM_IN_WORDS.from(execution).orElse("the review's learning"))
        .append(", is your agency's, due by the end of ").append(UkDates.longDate(LocalDate.parse(actionDue(execution))))
        .append(":\n\n").append(text(record, "description"))
        .append("\n\nSend the evidence that it is complete: what was done, when, and what shows it (attach documents). "
            + "If it is not complete yet, say why and when it will be.");
    List<SpinJsonNode> redated = list(record, "redated");
    if (!redated.isEmpty()) {
      SpinJsonNode last = redated.get(redated.size() - 1);
      text.append("\n\nOn ").append(UkDates.longDate(LocalDate.parse(text(last, "on"))))
          .append(" your agency said it was not complete yet (").append(text(last, "reason")).append(").");
    }
    return text.toString();
  }

  /** The owner is asked (again): the day is kept. */
  public void actionAsked(DelegateExecution execution) {
    SpinJsonNode record = record(execution);
    if (text(record, "askedOn").isEmpty()) {
      record.prop("askedOn", today().toString());
    }
    save(execution, record);
  }

  /** The action's due date passed without its evidence: it is late, and the managers are told. */
  public void actionLate(DelegateExecution execution) {
    SpinJsonNode record = record(execution);
    if (Learning.OPEN.equals(text(record, "state"))) {
      record.prop("state", Learning.LATE);
    }
    SpinJsonNode escalated = record.hasProp("escalatedOn") ? record.prop("escalatedOn") : Spin.JSON("[]");
    escalated.append(today().toString());
    record.prop("escalatedOn", escalated);
    save(execution, record);
  }

  /** The coordinators' task for an action the partners own: named for it, with what it asks. */
  public void partnersTaskCreated(DelegateTask task) {
    SpinJsonNode record = record(task.getExecution());
    task.setName("Record evidence of action " + text(record, "number") + ", the partners' own");
    task.setVariableLocal("actionDescription", text(record, "description"));
    task.setVariableLocal("actionDueInWords", UkDates.longDate(LocalDate.parse(actionDue(task.getExecution()))));
  }

  /**
   * The answer about an action, checked whoever gives it (the agency in its request, the coordinators
   * for the partners' own): complete, with what was done, when and the evidence; or not yet, with why
   * and a working day after today when it will be; or, for the partners' own, closed with a reason.
   */
  void checkEvidence(VariableScope answer, Answers answers) {
    String status = Learning.ACTION_STATUS.from(answer).orElse(null);
    if (Learning.COMPLETED.equals(status)) {
      required(answer, answers, Learning.ACTION_TAKEN);
      answers.date(Learning.ACTION_COMPLETED_ON.name(), null, null, today());
      required(answer, answers, Learning.ACTION_EVIDENCE);
    } else if (Learning.NOT_YET.equals(status)) {
      required(answer, answers, Learning.ACTION_NOT_DONE_REASON);
      LocalDate expected = answers.date(Learning.ACTION_EXPECTED_ON.name(), null, null, null);
      if (expected != null && !expected.isAfter(today())) {
        answers.problem(Learning.ACTION_EXPECTED_ON.name(), expected, "is not after today");
      } else if (expected != null && !calendar.isWorkingDay(expected)) {
        answers.problem(Learning.ACTION_EXPECTED_ON.name(), expected, "is not a working day");
      }
    } else if (Learning.CLOSED.equals(status)) {
      required(answer, answers, Learning.ACTION_CLOSED_REASON);
    }
  }

  /** {@code recordPartnersActionEvidence} completed: checked, and the action's record follows it. */
  public void partnersActionRecorded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    checkEvidence(execution, answers);
    answers.refuseIfAnyProblem("The evidence of the action was not recorded");
    answered(execution, execution, today(), uk.cspr.engine.SignedIn.userId(execution.getProcessEngineServices().getIdentityService())
        .map(user -> user + " for the safeguarding partners").orElse("the coordinators"));
  }

  /**
   * The owning agency's request ended (the call activity's output mapping): answered, the action is
   * evidenced or re-dated; withdrawn by the coordinators, it is closed with their reason.
   */
  void requestEnded(DelegateExecution execution, VariableScope request) {
    Optional<LocalDate> answeredOn = AgencyRequest.INFORMATION_PROVIDED_ON.from(request);
    if (answeredOn.isPresent()) {
      String by = AgencyRequest.RESPONDER_NAME.from(request).map(name -> name
          + AgencyRequest.RESPONDER_ROLE.from(request).map(role -> ", " + role).orElse("")).orElse(null);
      answered(execution, request, answeredOn.get(), by == null ? "the agency" : by);
      return;
    }
    SpinJsonNode record = record(execution);
    record.prop("state", Learning.CLOSED);
    record.prop("closedOn", today().toString());
    record.prop("closedReason", AgencyRequest.CHANGE_REASON.from(request).orElse(""));
    save(execution, record);
  }

  /** An answer about the action, from the agency's request or the coordinators' task, in its record. */
  private void answered(DelegateExecution execution, VariableScope answer, LocalDate on, String by) {
    SpinJsonNode record = record(execution);
    String status = Learning.ACTION_STATUS.from(answer).orElse("");
    if (Learning.COMPLETED.equals(status)) {
      record.prop("state", Learning.EVIDENCED);
      record.prop("evidencedOn", on.toString());
      record.prop("completedOn", Learning.ACTION_COMPLETED_ON.from(answer).map(LocalDate::toString).orElse(""));
      record.prop("actionTaken", Learning.ACTION_TAKEN.from(answer).map(String::trim).orElse(""));
      record.prop("evidence", Learning.ACTION_EVIDENCE.from(answer).map(String::trim).orElse(""));
      record.prop("evidencedBy", by);
    } else if (Learning.NOT_YET.equals(status)) {
      String expected = Learning.ACTION_EXPECTED_ON.from(answer).map(LocalDate::toString).orElseThrow();
      SpinJsonNode redated = Spin.JSON("{}");
      redated.prop("on", on.toString());
      redated.prop("reason", Learning.ACTION_NOT_DONE_REASON.from(answer).map(String::trim).orElse(""));
      redated.prop("expectedOn", expected);
      redated.prop("by", by);
      SpinJsonNode all = record.hasProp("redated") ? record.prop("redated") : Spin.JSON("[]");
      all.append(redated);
      record.prop("redated", all);
      record.prop("expectedOn", expected);
      record.prop("state", Learning.OPEN);
    } else {
      record.prop("state", Learning.CLOSED);
      record.prop("closedOn", on.toString());
      record.prop("closedReason", Learning.ACTION_CLOSED_REASON.from(answer).map(String::trim).orElse(""));
    }
    save(execution, record);
  }

  // --- dissemination ---

  /** The agencies asked how the learning reached their practitioners: the list the multi-instance follows. */
  public List<String> disseminationAgencies(DelegateExecution execution) {
    return Learning.DISSEMINATION_AGENCIES.from(execution).orElse(List.of());
  }

  /** What each agency is asked about the learning's dissemination, with the learning in the coordinators' words. */
  public String disseminationRequestText(DelegateExecution execution) {
    return "The safeguarding partners have agreed an action plan acting on "
        + Learning.LEARNING_FROM_IN_WORDS.from(execution).orElse("the review's learning") + ". Confirm how the learning "
        + "reached your agency's practitioners (briefings, training, supervision, reflective sessions), how many it "
        + "reached and when.\n\nThe learning:\n" + Learning.LEARNING_SUMMARY.from(execution).orElse("").trim();
  }

  /** An agency's confirmation: shared on a day not in the future. */
  void checkDissemination(Answers answers) {
    answers.date(Learning.DISSEMINATED_ON.name(), null, null, today());
  }

  // --- the impact review and the closure ---

  /**
   * {@code reviewLearningImpact} completed: dated (not before the plan was agreed, not in the future);
   * another review wanted has a day after today, which becomes the impact review's due date.
   */
  public void impactReviewed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate on = answers.date(Learning.IMPACT_REVIEWED_ON.name(), Learning.PLAN_AGREED_ON.required(execution),
        "the date the plan was agreed", today());
    boolean again = "YES".equals(Learning.ANOTHER_REVIEW.from(execution).orElse(null));
    LocalDate next = null;
    if (again) {
      next = answers.date(Learning.NEXT_REVIEW_ON.name(), null, null, null);
      if (next != null && !next.isAfter(today())) {
        answers.problem(Learning.NEXT_REVIEW_ON.name(), next, "is not after today");
      }
    }
    answers.refuseIfAnyProblem("The impact review was not recorded");
    VariableScope stage = execution.getProcessInstance();
    SpinJsonNode review = Spin.JSON("{}");
    review.prop("due", Learning.IMPACT_REVIEW_DUE.required(execution).toString());
    review.prop("on", on.toString());
    review.prop("practiceChanges", Learning.PRACTICE_CHANGES.from(execution).map(String::trim).orElse(""));
    review.prop("evidence", Learning.IMPACT_EVIDENCE.from(execution).map(String::trim).orElse(""));
    review.prop("stillToChange", Learning.STILL_TO_CHANGE.from(execution).map(String::trim).orElse(""));
    review.prop("nextDue", next == null ? "" : next.toString());
    SpinJsonNode reviews = Learning.IMPACT_REVIEWS.from(execution).orElse(Spin.JSON("[]"));
    reviews.append(review);
    Learning.IMPACT_REVIEWS.set(stage, reviews);
    Learning.REVIEW_AGAIN.set(stage, again);
    if (next != null) {
      Learning.IMPACT_REVIEW_DUE.set(stage, next);
      stage.setVariable(Learning.IMPACT_REVIEW_DUE_IN_WORDS, UkDates.longDate(next));
    }
  }

  /** {@code closeCase} completed: the day the case closes, not before the plan was agreed, not in the future. */
  public void caseClosed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.date(Learning.CASE_CLOSED_ON.name(), Learning.PLAN_AGREED_ON.required(execution), "the date the plan was agreed",
        today());
    answers.refuseIfAnyProblem("The case was not closed");
  }

  // --- reading and writing an action's record ---

  private static SpinJsonNode record(VariableScope execution) {
    int number = Learning.ACTION_NUMBER.required(execution);
    return Learning.action(number).required(execution);
  }

  private static void save(VariableScope execution, SpinJsonNode record) {
    // the stage's own variable, one per action: two agencies answering at once write different ones
    DelegateExecution stage = ((DelegateExecution) execution).getProcessInstance();
    Learning.action(Learning.ACTION_NUMBER.required(execution)).set(stage, record);
  }

  static String ownerName(String owner) {
    return Learning.OWNER_PARTNERS.equals(owner) ? "the safeguarding partners"
        : Agency.byId(owner).map(Agency::displayName).orElse(owner);
  }

  private static void required(VariableScope answer, Answers answers, ProcessVariable<String> field) {
    if (field.from(answer).filter(text -> !text.isBlank()).isEmpty()) {
      answers.problem(field.name(), "is required");
    }
  }

  /** A Json list of agency ids, a Java list, or (as scripts may send it) a comma-separated String; null otherwise. */
  private static List<String> agencyIds(Object value) {
    if (value instanceof String text) {
      return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }
    return ProcessVariable.texts(Learning.AGENCIES.name()).from(Map.of(Learning.AGENCIES.name(), value == null ? "" : value))
        .orElse(null);
  }

  /** The submitted actions as maps, from a Json list (Tasklist) or a Java list (a test, a script); null if neither. */
  private static List<Map<String, Object>> entries(Object submitted) {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (submitted instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (element.isObject()) {
          for (String field : List.of("description", "owner", "dueOn")) {
            if (element.hasProp(field) && !element.prop(field).isNull()) {
              SpinJsonNode prop = element.prop(field);
              entry.put(field, prop.isString() ? prop.stringValue() : prop.toString());
            }
          }
        }
        entries.add(entry);
      }
      return entries;
    }
    if (submitted instanceof Collection<?> list) {
      for (Object element : list) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (element instanceof Map<?, ?> map) {
          map.forEach((k, v) -> entry.put(String.valueOf(k), v));
        }
        entries.add(entry);
      }
      return entries;
    }
    return submitted == null ? new ArrayList<>() : null;
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text.trim() : null;
  }

  static String text(SpinJsonNode node, String property) {
    if (node == null || !node.hasProp(property) || node.prop(property).isNull()) {
      return "";
    }
    SpinJsonNode prop = node.prop(property);
    return prop.isString() ? prop.stringValue() : prop.isNumber() ? String.valueOf(prop.numberValue().intValue()) : prop.toString();
  }

  static List<SpinJsonNode> list(SpinJsonNode node, String property) {
    return node != null && node.hasProp(property) && node.prop(property).isArray() ? node.prop(property).elements() : List.of();
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
