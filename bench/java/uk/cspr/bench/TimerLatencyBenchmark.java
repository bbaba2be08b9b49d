package uk.cspr.bench;

import static org.awaitility.Awaitility.await;
import static uk.cspr.testing.Workflow.panelIncident;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import uk.cspr.bench.ThroughputDatabases.Database;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.identity.IdentitySeeder;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;

/**
 * How long after its due time a reminder's mail leaves, with the job executor running as the application runs
 * it: cases recorded on the real clock, their reminders brought due across the next minute, and each reminder
 * followed to the success of its mail job. The bare engine's side, in the same engine and the same minute, is a
 * timer of the same kind followed by an asynchronous service task that does nothing.
 *
 * <p>Sizes: BENCH_TIMER_CASES (default 20). PostgreSQL as well as H2 when CSPR_BENCH_POSTGRES_URL is set.
 */
class TimerLatencyBenchmark {

  private static final int CASES = ThroughputDatabases.sizeFrom("BENCH_TIMER_CASES", 20);
  /** The reminders fall due across this window, ours and the bare engine's alternating. */
  private static final Duration WINDOW = Duration.ofSeconds(60);
  /** Time to set every due date before the first one passes. */
  private static final Duration LEAD = Duration.ofSeconds(3);
  private static final String BARE_REMINDER = "bench-bare-reminder";
  private static final String BARE_SERVICE_TASK = "remind";

  // The application's job execution (application.yaml camunda.bpm.job-execution: 3 to 5 threads; the starter's
  // queue and the engine's own acquisition settings). BENCH_JOB_THREADS gives another most, as 10 was before.
  private static final int CORE_POOL_SIZE = 3;
  private static final int MAX_POOL_SIZE = ThroughputDatabases.sizeFrom("BENCH_JOB_THREADS", 5);
  private static final int QUEUE_CAPACITY = 3;

  /** One reminder, ours or the bare engine's: its timer job, when it was made due, and the job that follows. */
  private record Reminder(String timerJob, String processInstance, String nextActivity, Instant due) {}

  /** When each part of a reminder was done, after its due time. */
  private static final class Latencies {
    final Timings timerDone = new Timings();
    final Timings nextJobAfterTimer = new Timings();
    final Timings sent = new Timings();
  }

  private record Measured(Database database, int reminders, Map<String, Long> remindersByKind, Latencies ours,
      Latencies bare, int messages, long acquisitionWaitMillis, long maxWaitMillis, int jobsPerAcquisition) {}

  @Test
  void remindersAreMailedSoonAfterTheyFallDue() {
    List<Measured> runs = new ArrayList<>();
    for (Database database : ThroughputDatabases.available()) {
      runs.add(measure(database));
    }
    report(runs);
  }

  private Measured measure(Database database) {
    ClockUtil.reset(); // the job executor follows the real clock: nothing here may move it
    activities.clear();
    int port = ThroughputDatabases.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    DataSource data = database.open();
    ThreadPoolTaskExecutor threads = applicationJobThreads();
    ProcessEngine engine = null;
    try {
      PlainEngine plain = PlainEngine.withWorkflow(port).database(data)
          .bean("nothingToSend", (JavaDelegate) execution -> { });
      SpringProcessEngineConfiguration configuration = plain.configuration();
      configuration.setAuthorizationEnabled(true); // as application.yaml
      SpringJobExecutor jobExecutor = applicationJobExecutor(threads);
      configuration.setJobExecutor(jobExecutor);
      configuration.setJobExecutorActivate(true);
      engine = configuration.buildProcessEngine();
      plain.engineBuilt(engine);
      new IdentitySeeder(true).seed(engine.getIdentityService());
      engine.getRepositoryService().createDeployment().name("bench-bare")
          .addModelInstance(BARE_REMINDER + ".bpmn", bareReminder()).deploy();
      ManagementService management = engine.getManagementService();

      Workflow workflow = new Workflow(engine);
      String today = WorkingDays.todayInEngland().toString();
      for (int i = 0; i < CASES; i++) {
        workflow.recordThroughTheStartForm(panelIncident(today));
      }
      // the agencies' requests go out first, so the reminders meet an executor with nothing else queued
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
          .until(() -> management.createJobQuery().executable().count() == 0);

      List<Job> ourTimers = remindersOf(engine);
      if (ourTimers.isEmpty()) {
        throw new AssertionError("The recorded cases have no reminder waiting: nothing to measure");
      }
      for (int i = 0; i < ourTimers.size(); i++) {
        engine.getRuntimeService().startProcessInstanceByKey(BARE_REMINDER);
      }
      List<Job> bareTimers = management.createJobQuery().timers().processDefinitionKey(BARE_REMINDER).list();
      ProcessEngine built = engine;
      Map<String, Long> byKind = ourTimers.stream()
          .collect(Collectors.groupingBy(job -> activityOf(built, job), java.util.TreeMap::new, Collectors.counting()));

      int messagesBefore = smtp.getReceivedMessages().length;
      List<Reminder> ours = new ArrayList<>();
      List<Reminder> bare = new ArrayList<>();
      Instant first = Instant.now().plus(LEAD);
      long slot = WINDOW.toMillis() / ourTimers.size();
      for (int i = 0; i < ourTimers.size(); i++) {
        ours.add(bringDue(engine, ourTimers.get(i), first.plusMillis(i * slot)));
        bare.add(bringDue(engine, bareTimers.get(i), first.plusMillis(i * slot + slot / 2)));
      }

      HistoryService history = engine.getHistoryService();
      // one light query a second: the executor shares the machine with this wait
      await().atMost(WINDOW.plus(LEAD).plus(Duration.ofMinutes(3))).pollInterval(Duration.ofSeconds(1))
          .until(() -> done(history, ours) >= ours.size() && done(history, bare) >= bare.size()
              && smtp.getReceivedMessages().length - messagesBefore >= ours.size());

      return new Measured(database, ours.size(), byKind, latencies(history, ours), latencies(history, bare),
          smtp.getReceivedMessages().length - messagesBefore, jobExecutor.getWaitTimeInMillis(),
          jobExecutor.getMaxWait(), jobExecutor.getMaxJobsPerAcquisition());
    } finally {
      if (engine != null) {
        engine.close();
      }
      threads.shutdown();
      ThroughputDatabases.close(data);
      smtp.stop();
      ClockUtil.reset();
    }
  }

  /** As DefaultJobConfiguration.JobConfiguration builds it when camunda.bpm.job-execution sets nothing. */
  private static ThreadPoolTaskExecutor applicationJobThreads() {
    ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
    threads.setCorePoolSize(CORE_POOL_SIZE);
    threads.setMaxPoolSize(MAX_POOL_SIZE);
    threads.setQueueCapacity(QUEUE_CAPACITY);
    threads.setThreadNamePrefix("camundaTaskExecutor-");
    threads.initialize();
    return threads;
  }

  private static SpringJobExecutor applicationJobExecutor(ThreadPoolTaskExecutor threads) {
    SpringJobExecutor jobExecutor = new SpringJobExecutor();
    jobExecutor.setTaskExecutor(threads);
    jobExecutor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    return jobExecutor;
  }

  /** A user task with a reminder timer of the same kind as ours, then an asynchronous service task. */
  private static BpmnModelInstance bareReminder() {
    return Bpmn.createExecutableProcess(BARE_REMINDER).camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("awaitAnswer")
        .boundaryEvent("reminderDue").cancelActivity(false).timerWithDate("2099-12-31T09:00:00")
        .serviceTask(BARE_SERVICE_TASK).camundaAsyncBefore().camundaDelegateExpression("${nothingToSend}")
        .endEvent("reminded")
        .moveToActivity("awaitAnswer").endEvent("answered")
        .done();
  }

  /** The timers of our reminders (each a mail a few working days before a deadline), not of escalations. */
  private List<Job> remindersOf(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().timers().list().stream()
        .filter(job -> activityOf(engine, job).contains("Reminder"))
        .toList();
  }

  /** By job definition, for this engine only: ids start again in each database. */
  private final Map<String, String> activities = new HashMap<>();

  private String activityOf(ProcessEngine engine, Job job) {
    return activities.computeIfAbsent(job.getJobDefinitionId(), id -> {
      JobDefinition definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(id)
          .singleResult();
      return definition.getActivityId();
    });
  }

  /** Makes the timer due at this moment; the job it leads to is the one after the timer event in the BPMN. */
  private Reminder bringDue(ProcessEngine engine, Job timer, Instant due) {
    engine.getManagementService().setJobDuedate(timer.getId(), Date.from(due));
    FlowNode timerEvent = engine.getRepositoryService().getBpmnModelInstance(timer.getProcessDefinitionId())
        .getModelElementById(activityOf(engine, timer));
    String next = timerEvent.getOutgoing().iterator().next().getTarget().getId();
    return new Reminder(timer.getId(), timer.getProcessInstanceId(), next, due);
  }

  /** The jobs after the timers that have succeeded: none had before, as no reminder had fallen due. */
  private static long done(HistoryService history, List<Reminder> reminders) {
    return history.createHistoricJobLogQuery().successLog()
        .activityIdIn(reminders.stream().map(Reminder::nextActivity).distinct().toArray(String[]::new)).count();
  }

  private static HistoricJobLog nextJobSucceeded(HistoryService history, Reminder reminder) {
    return history.createHistoricJobLogQuery().processInstanceId(reminder.processInstance())
        .activityIdIn(reminder.nextActivity()).successLog().list().stream().findFirst().orElse(null);
  }

  private static Latencies latencies(HistoryService history, List<Reminder> reminders) {
    Latencies latencies = new Latencies();
    for (Reminder reminder : reminders) {
      Instant timerDone = history.createHistoricJobLogQuery().jobId(reminder.timerJob()).successLog().singleResult()
          .getTimestamp().toInstant();
      Instant nextDone = nextJobSucceeded(history, reminder).getTimestamp().toInstant();
      latencies.timerDone.add(nanos(reminder.due(), timerDone));
      latencies.nextJobAfterTimer.add(nanos(timerDone, nextDone));
      latencies.sent.add(nanos(reminder.due(), nextDone));
    }
    return latencies;
  }

  private static long nanos(Instant from, Instant to) {
    return Duration.between(from, to).toNanos();
  }

  // --- the section ---

  private void report(List<Measured> runs) {
    Results results = new Results("timer-latency", "Timer latency");
    results.table("After the timer's due time", "CSPR reminder mail", "bare timer + no-op task");
    for (Measured run : runs) {
      String on = run.database().name() + ": ";
      Latencies ours = run.ours();
      Latencies bare = run.bare();
      results.row(on + "sent p50", ours.sent.p50(), bare.sent.p50(), "ms")
          .row(on + "sent p95", ours.sent.p95(), bare.sent.p95(), "ms")
          .row(on + "sent max", ours.sent.percentile(100), bare.sent.percentile(100), "ms")
          .row(on + "timer job done p50", ours.timerDone.p50(), bare.timerDone.p50(), "ms")
          .row(on + "timer job done p95", ours.timerDone.p95(), bare.timerDone.p95(), "ms")
          .row(on + "then the mail (no-op) job p50", ours.nextJobAfterTimer.p50(), bare.nextJobAfterTimer.p50(), "ms")
          .row(on + "then the mail (no-op) job p95", ours.nextJobAfterTimer.p95(), bare.nextJobAfterTimer.p95(), "ms");
    }
    if (ThroughputDatabases.postgresLeftOut()) {
      results.note(ThroughputDatabases.POSTGRES_LEFT_OUT);
    }
    Measured first = runs.get(0);
    results.note(String.format(Locale.UK, "%d cases recorded on the real clock; their %d reminders (%s) made due "
        + "across %d s with setJobDuedate, %d bare timers due in between, the two alternating; %d messages reached "
        + "GreenMail. Sent = the mail job's success in the job log (the delegate has handed the message to the SMTP "
        + "server by then) minus the due date. The job executor as the application runs it: Camunda's Spring Boot "
        + "defaults (pool %d–%d threads, queue %d, up to %d jobs per acquisition; the next acquisition at once "
        + "after a job has run, %d ms after one that found fewer jobs than it asked for, doubling up to %d ms).",
        CASES, first.reminders(), kinds(first.remindersByKind()), WINDOW.toSeconds(), first.reminders(),
        first.messages(), CORE_POOL_SIZE, MAX_POOL_SIZE, QUEUE_CAPACITY, first.jobsPerAcquisition(),
        first.acquisitionWaitMillis(), first.maxWaitMillis()));
    for (Measured run : runs) {
      results.note(whatDominates(run));
    }
    results.write();
  }

  private static String kinds(Map<String, Long> byKind) {
    return byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** Read from the figures: the wait for an acquisition, or the jobs themselves. */
  private static String whatDominates(Measured run) {
    Latencies ours = run.ours();
    double waiting = ours.timerDone.p50();
    double mailing = ours.nextJobAfterTimer.p50();
    String second = ours.nextJobAfterTimer.p95() < run.acquisitionWaitMillis()
        ? "it ran straight after the timer job, without waiting for another acquisition (the engine hands a job "
            + "the timer creates in the same case to the same thread)"
        : "some waited for another acquisition";
    return String.format(Locale.UK, "%s: of a reminder's %s ms (p50), %s ms pass before its timer job is done "
        + "(%s ms for the bare timer) — mostly waiting for the next acquisition: the executor looks again at once "
        + "after running a job, then %d ms later when it found too little, doubling while it finds nothing, up to "
        + "%d ms — and %s ms in the second job, the mail: %s. The bare engine's no-op takes %s ms there, so the "
        + "mail's own work (its template, the SMTP exchange) is the difference.",
        run.database().name(), Results.number(ours.sent.p50()), Results.number(waiting),
        Results.number(run.bare().timerDone.p50()), run.acquisitionWaitMillis(), run.maxWaitMillis(),
        Results.number(mailing), second, Results.number(run.bare().nextJobAfterTimer.p50()));
  }
}
