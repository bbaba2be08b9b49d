package uk.cspr.cases;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.ProvisionalDueDateNote;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.notification.Notification;
import uk.cspr.notification.NotificationRoute;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.timescales.Timescales;

/**
 * Deadlines that rested on bank holidays computed by rule are worked out again when the calendar
 * has changed (a newer gov.uk file), at every start: on the case, on the stages it called, in the
 * due dates of their tasks and in their timers, and the case's mark comes off once nothing rests on
 * the rule. Each case in one transaction, so a node starting beside another does it once. Only what the calendar decided moves: an agency's due date that a coordinator extended
 * to a day of their choosing, or a task whose due date was set by hand, stays as it is.
 */
public class ProvisionalDeadlines {

  private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);
  /** A stage's copies of a case deadline, by the names the stages give it (the rapid review keeps the agencies' as the case does). */
  private static final Map<String, List<String>> STAGE_NAMES = Map.of(
      CaseProcess.NOTIFICATION_DUE.name(), List.of(Notification.NOTIFICATION_DUE.name()),
      CaseProcess.RAPID_REVIEW_DUE.name(), List.of(Notification.RAPID_REVIEW_DUE.name()),
      CaseProcess.AGENCY_RESPONSE_DUE.name(), List.of(AgencyRequest.RESPONSE_DUE.name(),
          CaseProcess.AGENCY_RESPONSE_DUE.name()));

  private final ProcessEngine engine;
  private final WorkingDayCalendar calendar;
  private final SetStatutoryDeadlinesDelegate deadlines;
  private final Timescales timescales;
  private final TransactionTemplate transaction;

  public ProvisionalDeadlines(ProcessEngine engine, WorkingDayCalendar calendar, Timescales timescales,
      PlatformTransactionManager transactions) {
    this.engine = engine;
    this.calendar = calendar;
    this.timescales = timescales;
    this.transaction = new TransactionTemplate(transactions);
    this.deadlines = new SetStatutoryDeadlinesDelegate(calendar, timescales);
  }

  /** @return how many cases' deadlines moved */
  public int recompute() {
    int moved = 0;
    for (ProcessInstance caseInstance : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY).variableValueEquals(CaseProcess.DEADLINES_PROVISIONAL.name(), true).list()) {
      try {
        if (Boolean.TRUE.equals(transaction.execute(status -> recompute(caseInstance)))) {
          moved++;
        }
      } catch (OptimisticLockingException concurrently) {
        // another node starting at the same moment is doing it, or the case moved on meanwhile
        log.info("Case {}: deadlines not worked out again here: {}", caseInstance.getBusinessKey(), concurrently.getMessage());
      }
    }
    return moved;
  }

  private boolean recompute(ProcessInstance caseInstance) {
    var runtime = engine.getRuntimeService();
    Map<String, Object> variables = runtime.getVariables(caseInstance.getId());
    LocalDate aware = CaseProcess.AWARE_DATE.from(variables).orElseThrow();
    LocalDate recordedOn = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(caseInstance.getId()).singleResult().getStartTime().toInstant()
        .atZone(WorkingDayCalendar.LONDON).toLocalDate();
    boolean rapidReview = NotificationRoute.PANEL.name().equals(CaseProcess.NOTIFICATION_ROUTE.from(variables).orElse(null));
    var worked = deadlines.deadlines(aware, recordedOn, rapidReview);
    LocalDate rapidReviewDue = worked.rapidReviewDue();
    boolean provisional = worked.provisional();
    var notified = Notification.NOTIFIED_ON.from(variables);
    if (rapidReview && timescales.isRapidReviewCountedFromNotification() && notified.isPresent()) {
      rapidReviewDue = calendar.addWorkingDays(notified.get(), timescales.rapidReviewWorkingDays());
      provisional |= calendar.isProvisional(notified.get(), rapidReviewDue);
    }
    Map<String, String> now = new LinkedHashMap<>();
    now.put(CaseProcess.NOTIFICATION_DUE.name(), worked.notificationDue().toString());
    if (rapidReview) {
      now.put(CaseProcess.AGENCY_RESPONSE_DUE.name(), worked.agencyResponseDue().toString());
      if (rapidReviewDue != null) {
        now.put(CaseProcess.RAPID_REVIEW_DUE.name(), rapidReviewDue.toString());
      }
    }
    Map<String, String> was = new LinkedHashMap<>();
    now.forEach((name, date) -> {
      if (variables.get(name) instanceof String before && !before.equals(date)) {
        was.put(name, before);
      }
    });
    // every stage under the case's reference, however deep it was called (the requests are the rapid review's)
    List<ProcessInstance> stages = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).list().stream()
        .filter(instance -> !instance.getId().equals(caseInstance.getId())).toList();
    was.forEach((name, before) -> {
      String after = now.get(name);
      runtime.setVariable(caseInstance.getId(), name, after);
      moveDueDates(caseInstance.getId(), before, after);
      for (ProcessInstance stage : stages) {
        for (String stageName : STAGE_NAMES.get(name)) {
          if (before.equals(runtime.getVariable(stage.getId(), stageName))) {
            runtime.setVariable(stage.getId(), stageName, after);
            moveDueDates(stage.getId(), before, after);
          }
        }
      }
    });
    if (!was.isEmpty()) {
      recalculateTimers(caseInstance.getId());
      stages.forEach(stage -> recalculateTimers(stage.getId()));
      log.info("Case {}: deadlines worked out again with the bank holidays now known: {} (were {})",
          caseInstance.getBusinessKey(), now, was);
    }
    runtime.setVariable(caseInstance.getId(), CaseProcess.DEADLINES_PROVISIONAL.name(), provisional);
    List<String> instances = new java.util.ArrayList<>(List.of(caseInstance.getId()));
    stages.forEach(stage -> instances.add(stage.getId()));
    for (String instance : instances) {
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance).list()) {
        boolean stillProvisional = task.getDueDate() != null && calendar.bankHolidays().isProvisional(
            task.getDueDate().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate());
        String description = ProvisionalDueDateNote.withoutNote(task.getDescription());
        if (!stillProvisional && !java.util.Objects.equals(description, task.getDescription())) {
          task.setDescription(description);
          engine.getTaskService().saveTask(task);
        }
      }
    }
    return !was.isEmpty();
  }

  /**
   * Counted from the notification, the rapid review is first given the 15th working day from
   * awareness; once the notification has been recorded and the case knows its real deadline, the
   * rapid review stage moves to it: its deadline, the due dates set from it and its timers.
   *
   * @return whether the stage's deadline moved
   */
  public boolean rapidReviewFollowsTheNotification(String caseInstanceId) {
    var runtime = engine.getRuntimeService();
    Object due = runtime.getVariable(caseInstanceId, CaseProcess.RAPID_REVIEW_DUE.name());
    if (!timescales.isRapidReviewCountedFromNotification() || !(due instanceof String after)) {
      return false;
    }
    boolean moved = false;
    for (ProcessInstance review : runtime.createProcessInstanceQuery().superProcessInstanceId(caseInstanceId)
        .processDefinitionKey(RAPID_REVIEW_KEY).list()) {
      if (runtime.getVariable(review.getId(), CaseProcess.RAPID_REVIEW_DUE.name()) instanceof String before
          && !before.equals(after)) {
        runtime.setVariable(review.getId(), CaseProcess.RAPID_REVIEW_DUE.name(), after);
        runtime.setVariable(review.getId(), RAPID_REVIEW_DUE_IN_WORDS,
            uk.cspr.calendar.UkDates.longDate(LocalDate.parse(after)));
        moveDueDates(review.getId(), before, after);
        recalculateTimers(review.getId());
        moved = true;
      }
    }
    return moved;
  }

  static final String RAPID_REVIEW_KEY = "cspr-rapid-review";
  static final String RAPID_REVIEW_DUE_IN_WORDS = "rapidReviewDueInWords";

  /** A task due at the end of the old deadline day is due at the end of the new one. */
  private void moveDueDates(String processInstanceId, String before, String after) {
    Date old = Date.from(calendar.deadlineInstant(LocalDate.parse(before)).toInstant());
    Date due = Date.from(calendar.deadlineInstant(LocalDate.parse(after)).toInstant());
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).dueDate(old).list()) {
      task.setDueDate(due);
      engine.getTaskService().saveTask(task);
    }
  }

  /** Timers work their dates out from the deadlines again, as when they were created. */
  private void recalculateTimers(String processInstanceId) {
    for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      engine.getManagementService().recalculateJobDuedate(timer.getId(), false);
    }
  }
}
