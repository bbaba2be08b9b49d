package uk.cspr.publication;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
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
 * The checks of {@code cspr-publication} and what it derives (Working Together 2018 ch. 4, 2023 ch. 5):
 * what is published and why not the full report, the anonymisation check of the version attached, the
 * family told before publication, a hold for parallel proceedings, the report sent to the Panel, the
 * Secretary of State and Ofsted and the earliest day it may then be published, the publication itself,
 * and after the minimum period whether it stays published. Each runs as a listener reached through a
 * delegate expression, so a refusal is a 400 naming the field by its label and the task stays open
 * with nothing lost.
 */
public class PublicationAnswers {

  /** How the rapid review's meeting named the proceedings: the forms and the case file say them so. */
  private static final FormSchema MEETING = FormSchema.shipped("record-rapid-review-meeting");

  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  public PublicationAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    this.calendar = calendar;
    this.timescales = timescales;
  }

  /** The stage starts once the final report is signed off: that day is the floor of every date recorded here. */
  public void started(DelegateExecution execution) {
    Problems problems = new Problems(Map.of());
    LocalDate signedOff = Answers.parseDate(Publication.FINAL_REPORT_SIGNED_OFF_ON.name(),
        execution.getVariable(Publication.FINAL_REPORT_SIGNED_OFF_ON.name()), problems);
    if (execution.getVariable(Publication.LOCAL_REVIEW_DECISION_ON.name()) != null) {
      Answers.parseDate(Publication.LOCAL_REVIEW_DECISION_ON.name(), execution.getVariable(Publication.LOCAL_REVIEW_DECISION_ON.name()),
          problems);
    }
    problems.refuseIfAny("The publication stage was not started");
    execution.setVariable(Publication.SIGNED_OFF_IN_WORDS, UkDates.longDate(signedOff));
    List<String> proceedings = Publication.PARALLEL_PROCEEDINGS.from(execution).orElse(List.of());
    execution.setVariable(Publication.PROCEEDINGS_IN_WORDS, proceedingsInWords(proceedings));
    execution.setVariable(Publication.NOTICE_IN_WORDS, timescales.prePublicationNoticeWorkingDays() + " working days");
    execution.setVariable(Publication.PLAN_IN_WORDS, "No publication date is planned yet.");
    Publication.REVIEWS.set(execution, Spin.JSON("[]"));
  }

  static String proceedingsInWords(List<String> proceedings) {
    return proceedings.isEmpty() ? "none recorded"
        : String.join(", ", proceedings.stream().map(p -> MEETING.optionLabel("parallelProceedings", p)).toList());
  }

  /** {@code decidePublication} completed: the full report, or the improvements only with the reason why. */
  public void decided(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String type = Publication.TYPE.from(execution).orElse(null);
    if (Publication.IMPROVEMENTS_ONLY.equals(type) && blank(execution, Publication.TYPE_REASON)) {
      answers.problem(Publication.TYPE_REASON.name(), "is needed: the report is published unless that is inappropriate, "
          + "so say why only the improvements to be made are");
    }
    answers.date(Publication.DECIDED_ON.name(), signedOff(execution), "the final report's sign-off", today());
    answers.refuseIfAnyProblem("What is published was not decided");
    Publication.TYPE_REASON.set(execution, Publication.FULL.equals(type) ? null : trimmed(execution, Publication.TYPE_REASON));
    execution.setVariable(Publication.WHAT_IS_PUBLISHED, whatIsPublished(type));
  }

  static String whatIsPublished(String type) {
    return Publication.FULL.equals(type) ? "the full report" : "the information about the improvements to be made";
  }

  /** {@code checkAnonymisation} completed: the version to publish attached, and nobody identifiable in it. */
  public void anonymisationChecked(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    if (!documentAttached(execution, Publication.TASK_CHECK_ANONYMISATION)) {
      answers.problemSaidAs("documents", "Attach the version to be published to this task (its Documents tab) before "
          + "recording the check: the check is of that version, and the case file keeps it");
    }
    answers.date(Publication.CHECKED_ON.name(), signedOff(execution), "the final report's sign-off", today());
    answers.refuseIfAnyProblem("The anonymisation check was not recorded");
    Publication.CHECKED_BY.set(execution, Publication.CHECKED_BY.required(execution).trim());
  }

  /** Whether the task being completed has a document attached. */
  private static boolean documentAttached(DelegateExecution execution, String taskKey) {
    var services = execution.getProcessEngineServices();
    return services.getHistoryService().createHistoricTaskInstanceQuery().executionId(execution.getId())
        .taskDefinitionKey(taskKey).orderByHistoricActivityInstanceStartTime().desc().list().stream()
        .findFirst().map(task -> !services.getTaskService().getTaskAttachments(task.getId()).isEmpty()).orElse(false);
  }

  /**
   * {@code tellFamilyOfPublication} completed: told (when, by whom, and the date planned, which they
   * were told) or why not; a date planned is the publication's due date.
   */
  public void familyTold(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate signedOff = signedOff(execution);
    boolean told = "YES".equals(Publication.FAMILY_TOLD.from(execution).orElse(null));
    boolean notTold = "NO".equals(Publication.FAMILY_TOLD.from(execution).orElse(null));
    LocalDate toldOn = null;
    if (told) {
      toldOn = answers.date(Publication.FAMILY_TOLD_ON.name(), signedOff, "the final report's sign-off", today());
      if (blank(execution, Publication.FAMILY_TOLD_BY)) {
        answers.problem(Publication.FAMILY_TOLD_BY.name(), "is needed");
      }
      if (blank(execution, Publication.PLANNED_ON)) {
        answers.problem(Publication.PLANNED_ON.name(), "is needed: it is the date the family are told");
      }
    } else if (notTold && blank(execution, Publication.FAMILY_NOT_TOLD_REASON)) {
      answers.problem(Publication.FAMILY_NOT_TOLD_REASON.name(), "is needed: for example, they declined");
    }
    LocalDate planned = null;
    if (!blank(execution, Publication.PLANNED_ON)) {
      planned = toldOn != null ? answers.date(Publication.PLANNED_ON.name(), toldOn, "the day the family were told", null)
          : answers.date(Publication.PLANNED_ON.name(), signedOff, "the final report's sign-off", null);
    }
    answers.refuseIfAnyProblem("The family being told was not recorded");
    if (told) {
      Publication.FAMILY_TOLD_BY.set(execution, Publication.FAMILY_TOLD_BY.required(execution).trim());
      Publication.FAMILY_NOT_TOLD_REASON.set(execution, null);
    } else {
      Publication.FAMILY_TOLD_ON.set(execution, null);
      Publication.FAMILY_TOLD_BY.set(execution, null);
      Publication.FAMILY_NOT_TOLD_REASON.set(execution, trimmed(execution, Publication.FAMILY_NOT_TOLD_REASON));
    }
    Publication.PLANNED_ON.set(execution, planned);
    execution.setVariable(Publication.PLAN_IN_WORDS, planned == null ? "No publication date is planned yet."
        : "Publication is planned for " + UkDates.longDate(planned) + (told ? " (the family were told)." : "."));
  }

  /** {@code decidePublicationHold} completed: no hold, until a later date, or until released, each held with its reason. */
  public void holdDecided(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String hold = Publication.HOLD.from(execution).orElse(null);
    boolean held = Publication.UNTIL_DATE.equals(hold) || Publication.UNTIL_RELEASED.equals(hold);
    LocalDate until = null;
    if (Publication.UNTIL_DATE.equals(hold)) {
      until = answers.date(Publication.HELD_UNTIL.name(), null, null, null);
      if (until != null && !until.isAfter(today())) {
        answers.problem(Publication.HELD_UNTIL.name(), until, "is not after today: publication held until then would go "
            + "ahead at once");
      }
    }
    if (held && blank(execution, Publication.HOLD_REASON)) {
      answers.problem(Publication.HOLD_REASON.name(), "is needed: which proceedings, and why publication must wait for them");
    }
    answers.refuseIfAnyProblem("Whether publication is held was not recorded");
    Publication.HELD_UNTIL.set(execution, until);
    Publication.HOLD_REASON.set(execution, held ? trimmed(execution, Publication.HOLD_REASON) : null);
    Publication.HOLD_DECIDED_ON.set(execution, today());
    execution.setVariable(Publication.HOLD_IN_WORDS, !held ? "Not held."
        : until != null ? "Held until " + UkDates.longDate(until) + ": it goes ahead by itself at 09:00 that day, or earlier "
            + "when you release it here."
        : "Held until you release it here: the date is not yet known.");
  }

  /** {@code releasePublication} or {@code releasePublicationEarly} completed: when, and why it may go ahead now. */
  public void released(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the hold's date came first: holdEnded records it
    }
    Answers answers = new Answers(execution);
    answers.date(Publication.RELEASED_ON.name(), Publication.HOLD_DECIDED_ON.required(execution), "the day publication was held",
        today());
    answers.refuseIfAnyProblem("The release of the publication was not recorded");
    Publication.RELEASE_NOTE.set(execution, Publication.RELEASE_NOTE.required(execution).trim());
  }

  /** The hold's date came (09:00): publication goes on by itself, released that day. */
  public void holdEnded(DelegateExecution execution) {
    Publication.RELEASED_ON.set(execution, Publication.HELD_UNTIL.required(execution));
    Publication.RELEASE_NOTE.set(execution, Publication.HOLD_ENDED_BY_ITSELF);
  }

  /**
   * {@code sendReportBeforePublication} completed: the day it went to the Panel, the Secretary of State
   * and Ofsted, and so the earliest day it may be published, in working days.
   */
  public void reportSent(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate sentOn = answers.date(Publication.SENT_ON.name(), signedOff(execution), "the final report's sign-off", today());
    answers.refuseIfAnyProblem("Sending the report before publication was not recorded");
    LocalDate earliest = calendar.addWorkingDays(sentOn, timescales.prePublicationNoticeWorkingDays());
    Publication.EARLIEST.set(execution, earliest);
    execution.setVariable(Publication.EARLIEST_IN_WORDS, UkDates.longDate(earliest));
  }

  /**
   * {@code recordPublication} completed: where and when, never before the earliest day (nor before the
   * family were told, nor before a hold was released); the review a minimum period later.
   */
  public void published(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    LocalDate earliest = Publication.EARLIEST.required(execution);
    LocalDate on = answers.date(Publication.PUBLISHED_ON.name(), null, null, today());
    if (on != null && on.isBefore(earliest)) {
      answers.problem(Publication.PUBLISHED_ON.name(), on, "is before " + UkDates.longDate(earliest) + ", the earliest it may "
          + "be published: " + timescales.prePublicationNoticeWorkingDays() + " working days after it went to the Panel, the "
          + "Secretary of State and Ofsted on " + UkDates.longDate(Publication.SENT_ON.required(execution)));
    } else if (on != null) {
      Optional<LocalDate> toldOn = Publication.FAMILY_TOLD_ON.from(execution);
      Optional<LocalDate> releasedOn = Publication.RELEASED_ON.from(execution);
      if (toldOn.isPresent() && on.isBefore(toldOn.get())) {
        answers.problem(Publication.PUBLISHED_ON.name(), on, "is before the family were told, on " + UkDates.longDate(toldOn.get()));
      } else if (releasedOn.isPresent() && on.isBefore(releasedOn.get())) {
        answers.problem(Publication.PUBLISHED_ON.name(), on, "is before publication was released from its hold, on "
            + UkDates.longDate(releasedOn.get()));
      }
    }
    String url = trimmed(execution, Publication.URL);
    // the form's own pattern (https://…) has spoken for anything else
    if (url != null && url.matches("^https?://\\S+$") && !isWebAddress(url)) {
      answers.problem(Publication.URL.name(), "is not a web address: it starts with https:// (or http://) and names the site");
    }
    answers.refuseIfAnyProblem("The publication was not recorded");
    Publication.URL.set(execution, url);
    execution.setVariable(Publication.PUBLISHED_IN_WORDS, UkDates.longDate(on));
    LocalDate keptUntil = on.plus(timescales.minimumPublication());
    execution.setVariable(Publication.KEPT_UNTIL_IN_WORDS, UkDates.longDate(keptUntil));
    nextReview(execution, keptUntil);
  }

  private void nextReview(VariableScope stage, LocalDate on) {
    Publication.REVIEW_ON.set(stage, on);
    Publication.REVIEW_DUE.set(stage, calendar.addWorkingDays(on, Publication.REVIEW_DECISION_WORKING_DAYS));
  }

  static boolean isWebAddress(String text) {
    try {
      URI uri = new URI(text);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * {@code reviewPublication} completed: kept (with when to look again, or not) or removed (when, not
   * before the minimum period is over, and why). Its fields start empty each time; the stage keeps each.
   */
  public void reviewed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    String decision = Publication.REVIEW_DECISION.from(execution).orElse(null);
    LocalDate againOn = null;
    LocalDate removedOn = null;
    if (Publication.KEEP.equals(decision) && !blank(execution, Publication.REVIEW_AGAIN_ON)) {
      againOn = answers.date(Publication.REVIEW_AGAIN_ON.name(), null, null, null);
      if (againOn != null && !againOn.isAfter(today())) {
        answers.problem(Publication.REVIEW_AGAIN_ON.name(), againOn, "is not after today");
      }
    }
    if (Publication.REMOVE.equals(decision)) {
      LocalDate keptUntil = Publication.PUBLISHED_ON.required(execution).plus(timescales.minimumPublication());
      removedOn = answers.date(Publication.REMOVED_ON.name(), null, null, today());
      if (removedOn != null && removedOn.isBefore(keptUntil)) {
        answers.problem(Publication.REMOVED_ON.name(), removedOn, "is before " + UkDates.longDate(keptUntil)
            + ": a published report stays published at least until then");
      }
      if (blank(execution, Publication.REMOVAL_REASON)) {
        answers.problem(Publication.REMOVAL_REASON.name(), "is needed");
      }
    }
    answers.refuseIfAnyProblem("The review of the publication was not recorded");
    VariableScope stage = execution.getProcessInstance();
    SpinJsonNode review = Spin.JSON("{}");
    review.prop("on", today().toString());
    review.prop("reviewOn", Publication.REVIEW_ON.required(execution).toString());
    review.prop("due", Publication.REVIEW_DUE.required(execution).toString());
    review.prop("decision", decision);
    review.prop("againOn", againOn == null ? "" : againOn.toString());
    review.prop("notes", Optional.ofNullable(trimmed(execution, Publication.REVIEW_NOTES)).orElse(""));
    review.prop("removedOn", removedOn == null ? "" : removedOn.toString());
    review.prop("reason", Optional.ofNullable(trimmed(execution, Publication.REMOVAL_REASON)).orElse(""));
    SpinJsonNode reviews = Publication.REVIEWS.from(execution).orElse(Spin.JSON("[]"));
    reviews.append(review);
    Publication.REVIEWS.set(stage, reviews);
    Publication.REVIEW_DECISION.set(stage, decision);
    Publication.TO_BE_REVIEWED_AGAIN.set(stage, againOn != null);
    if (againOn != null) {
      nextReview(stage, againOn);
    } else {
      Publication.REVIEW_ON.set(stage, null);
      Publication.REVIEW_DUE.set(stage, null);
    }
    if (removedOn != null) {
      Publication.REMOVED_ON.set(stage, removedOn);
      Publication.REMOVAL_REASON.set(stage, trimmed(execution, Publication.REMOVAL_REASON));
    }
  }

  /** The publication's due date: the end of the day planned, if one was set; none otherwise. */
  public Date publicationDue(DelegateExecution execution) {
    return Publication.PLANNED_ON.from(execution).map(day -> Date.from(calendar.deadlineInstant(day).toInstant())).orElse(null);
  }

  /** 09:00 in England on that day, when a hold ends, publishing becomes allowed, or a review is asked. */
  public Date sendTimeOn(Object day) {
    LocalDate date = day instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(day).trim());
    return Date.from(calendar.sendTime(date).toInstant());
  }

  private static LocalDate signedOff(DelegateExecution execution) {
    return Publication.FINAL_REPORT_SIGNED_OFF_ON.required(execution);
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
