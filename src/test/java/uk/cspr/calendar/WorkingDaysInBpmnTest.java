package uk.cspr.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;
import static uk.cspr.testing.Workflow.clockAt;

/**
 * The calendar as BPMN uses it: the engine accepts what the workingDays bean returns for due
 * dates, follow-up dates and timers, and the timers fire at 09:00 in England on the right
 * working days when the engine clock reaches them.
 */
class WorkingDaysInBpmnTest {

  static ProcessEngine engine;

  @BeforeAll
  static void buildEngine() {
    engine = PlainEngine.withCalendar().build();
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/working-day-deadline.bpmn").deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDeadlineOverChristmasRemindsAndEscalatesAt9InTheMorningOnWorkingDays() {
    clockAt("2025-12-22T10:00");
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("test-working-day-deadline", Map.of("awareDate", "2025-12-22"));

    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "dueDate")).isEqualTo("2025-12-31");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2025-12-31T23:59:59Z")));
    // two working days before Wednesday 31 December: Monday 29th (Christmas and Boxing Day skipped)
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2025-12-29T09:00:00Z")));
    assertThat(timerDue(instance, "Timer_Reminder")).isEqualTo(Instant.parse("2025-12-29T09:00:00Z"));
    // the first working day after the deadline: Friday 2 January (New Year's Day skipped)
    assertThat(timerDue(instance, "Timer_Escalation")).isEqualTo(Instant.parse("2026-01-02T09:00:00Z"));

    clockAt("2025-12-29T08:59");
    assertThat(executeDueJobs()).isZero();
    clockAt("2025-12-29T09:00");
    assertThat(executeDueJobs()).isEqualTo(1);
    assertThat(new Workflow(engine).passed(instance, "EndEvent_Reminded")).isTrue();
    assertThat(new Workflow(engine).passed(instance, "EndEvent_Escalated")).isFalse();

    clockAt("2026-01-01T09:00");
    assertThat(executeDueJobs()).isZero();
    clockAt("2026-01-02T09:00");
    assertThat(executeDueJobs()).isEqualTo(1);
    assertThat(new Workflow(engine).passed(instance, "EndEvent_Escalated")).isTrue();
  }

  @Test
  void inSummerTheTimesAreBritishSummerTime() {
    clockAt("2026-06-29T10:00");
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("test-working-day-deadline", Map.of("awareDate", "2026-06-29"));
    // due Monday 6 July 2026; 23:59:59 BST is 22:59:59 UTC
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-07-06T22:59:59Z")));
    assertThat(timerDue(instance, "Timer_Reminder")).isEqualTo(Instant.parse("2026-07-02T08:00:00Z"));
    assertThat(timerDue(instance, "Timer_Escalation")).isEqualTo(Instant.parse("2026-07-07T08:00:00Z"));
  }

  private static Instant timerDue(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
    return job.getDuedate().toInstant();
  }

  private static int executeDueJobs() {
    var jobs = engine.getManagementService().createJobQuery().executable().list();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return jobs.size();
  }

}
