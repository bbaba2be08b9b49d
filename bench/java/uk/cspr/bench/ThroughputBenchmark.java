package uk.cspr.bench;

import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.cspr.bench.ThroughputDatabases.Database;
import uk.cspr.bench.ThroughputLedger.Cost;
import uk.cspr.identity.IdentitySeeder;
import uk.cspr.testing.LaterStages;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;

/**
 * What a whole case costs: cases walked from the start form to their closure along the local-review route,
 * as CaseProcessTest walks one, against the bare engine running a generated process with as many user tasks
 * and timers, in the same engine and the same run. {@link ThroughputProbe} says where the difference goes.
 *
 * <p>Sizes: BENCH_CASES (default 20), BENCH_WARM_UP (default 2). PostgreSQL as well as H2 when
 * CSPR_BENCH_POSTGRES_URL is set.
 */
class ThroughputBenchmark {

  private static final int CASES = ThroughputDatabases.sizeFrom("BENCH_CASES", 20);
  /**
   * Not counted: the first cases pay for class loading, the JIT and the engine's caches. At least one, as the
   * bare case is built to the shape of a case of ours walked before it.
   */
  private static final int WARM_UP = Math.max(1, ThroughputDatabases.sizeFrom("BENCH_WARM_UP", 2));
  private static final int COSTLIEST = 12;

  /** What one case of ours is made of, read from its history: the bare case is built to match it. */
  private record CaseShape(long userTasks, long tasksCompleted, long timers, long timersFired, long mailJobs,
      long otherAsyncJobs, long messages, long stagesCalled, double answersPerCompletion) {}

  private record Measured(Database database, CaseShape shape, ThroughputLedger ours, ThroughputLedger bare,
      ThroughputLedger bareRecording, Timings messageAlone) {}

  @Test
  void ourCasesFromTheStartFormToClosureAgainstTheBareEngine() {
    List<Measured> runs = new ArrayList<>();
    for (Database database : ThroughputDatabases.available()) {
      runs.add(measure(database));
    }
    report(runs);
  }

  private Measured measure(Database database) {
    int port = ThroughputDatabases.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    DataSource data = database.open();
    ThroughputProbe probe = new ThroughputProbe();
    ProcessEngine engine = null;
    try {
      PlainEngine plain = PlainEngine.withWorkflow(port).database(probe.watching(data)).plugin(probe);
      SpringProcessEngineConfiguration configuration = plain.configuration();
      // as application.yaml has it: tasks offered to groups then carry authorizations, as in production
      configuration.setAuthorizationEnabled(true);
      engine = configuration.buildProcessEngine();
      plain.engineBuilt(engine);
      new IdentitySeeder(true).seed(engine.getIdentityService());
      Set<String> mailTasks = mailTasksOf(engine);
      probe.mailTasks(mailTasks);
      Walks walks = new Walks(engine, smtp, probe, mailTasks);

      Timings messageAlone = aMessageAlone(port);
      CaseShape shape = null;
      for (int i = 0; i < WARM_UP; i++) {
        shape = walks.ourCase(new ThroughputLedger());
      }
      engine.getRepositoryService().createDeployment().name("bench-bare")
          .addModelInstance(ThroughputBareProcesses.CASE + ".bpmn",
              ThroughputBareProcesses.aCaseOfTheSameSize((int) shape.userTasks(), (int) shape.timers()))
          .addModelInstance(ThroughputBareProcesses.RECORDING + ".bpmn", ThroughputBareProcesses.recording())
          .addModelInstance(ThroughputBareProcesses.STAGE + ".bpmn", ThroughputBareProcesses.stage())
          .addModelInstance(ThroughputBareProcesses.AGENCY_REQUEST + ".bpmn", ThroughputBareProcesses.agencyRequest())
          .deploy();
      walks.answersPerTask((int) Math.round(shape.answersPerCompletion()));
      for (int i = 0; i < WARM_UP; i++) {
        walks.bareCase(new ThroughputLedger());
        walks.bareRecording(new ThroughputLedger());
      }

      // one of each in turn, so both sides meet the same database size and the same JIT
      ThroughputLedger ours = new ThroughputLedger();
      ThroughputLedger bare = new ThroughputLedger();
      ThroughputLedger bareRecording = new ThroughputLedger();
      for (int i = 0; i < CASES; i++) {
        walks.ourCase(ours);
        walks.bareCase(bare);
        walks.bareRecording(bareRecording);
      }
      return new Measured(database, shape, ours, bare, bareRecording, messageAlone);
    } finally {
      probe.measureInto(null);
      ClockUtil.reset();
      if (engine != null) {
        engine.close();
      }
      ThroughputDatabases.close(data);
      smtp.stop();
    }
  }

  /**
   * One plain message to the same GreenMail, with no engine and no template: what any mail job here pays to the
   * test's SMTP server, told apart from what our mail costs.
   */
  private static Timings aMessageAlone(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Timings sending = new Timings();
    for (int i = 0; i < WARM_UP + CASES; i++) {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom("safeguarding.partnership@example.org");
      message.setTo("coordinators@example.org");
      message.setSubject("Benchmark");
      message.setText("A message alone.");
      long started = System.nanoTime();
      sender.send(message);
      if (i >= WARM_UP) {
        sending.add(System.nanoTime() - started);
      }
    }
    return sending;
  }

  /** The walks, each into the ledger it is given. */
  private static final class Walks {
    private final ProcessEngine engine;
    private final GreenMail smtp;
    private final ThroughputProbe probe;
    private final Workflow workflow;
    private final LaterStages laterStages;
    private final Set<String> mailTasks;
    private Map<String, Object> bareAnswers = Map.of();

    Walks(ProcessEngine engine, GreenMail smtp, ThroughputProbe probe, Set<String> mailTasks) {
      this.engine = engine;
      this.smtp = smtp;
      this.probe = probe;
      this.workflow = new Workflow(engine);
      this.laterStages = new LaterStages(engine);
      this.mailTasks = mailTasks;
    }

    /** So each case's messages are its own, and thousands do not pile up in memory. */
    private void emptyTheMailbox() {
      try {
        smtp.purgeEmailFromAllMailboxes();
      } catch (com.icegreen.greenmail.store.FolderException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The bare engine's tasks are answered with as many values as ours are, on average. */
    void answersPerTask(int count) {
      Map<String, Object> answers = new HashMap<>();
      for (int i = 0; i < count; i++) {
        answers.put("answer" + i, "Health visiting from birth; two A&E attendances.");
      }
      bareAnswers = answers;
    }

    /**
     * CaseProcessTest's case with a local review, from the start form through publication and learning to its
     * closure: the same service calls, the same clock, every due job executed as the tests execute them.
     */
    CaseShape ourCase(ThroughputLedger ledger) {
      emptyTheMailbox();
      int completedBefore = ledger.taskCompletions.count();
      probe.measureInto(ledger);
      long started = System.nanoTime();
      ProcessInstance caseInstance;
      try {
        clockAt("2025-12-22T10:00");
        caseInstance = workflow.recordThroughTheStartForm(panelIncident("2025-12-22"));
        laterStages.notifiedAndReviewed(caseInstance);
        clockAt("2026-02-16T10:00");
        workflow.complete(caseInstance, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED",
            "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
        laterStages.commissionTheLocalReview(caseInstance);
        clockAt("2026-06-01T10:00");
        laterStages.finishTheLocalReview(caseInstance);
        laterStages.learnAndClose(caseInstance, List.of("police", "health"));
        laterStages.publishAndKeep(caseInstance);
      } finally {
        ledger.wholeCases.add(System.nanoTime() - started);
        probe.measureInto(null);
      }
      HistoricProcessInstance closed = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(caseInstance.getId()).singleResult();
      if (closed.getEndTime() == null) {
        throw new AssertionError("Case " + caseInstance.getBusinessKey() + " was not closed; open: "
            + workflow.openTaskKeys(caseInstance));
      }
      return shapeOf(caseInstance.getBusinessKey(), ledger.taskCompletions.count() - completedBefore,
          ledger.answersPerCompletion());
    }

    private CaseShape shapeOf(String reference, long completed, double answersPerCompletion) {
      HistoryService history = engine.getHistoryService();
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(reference).list();
      long timers = 0;
      long timersFired = 0;
      long mails = 0;
      long otherAsync = 0;
      for (HistoricProcessInstance instance : instances) {
        for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(instance.getId()).list()) {
          boolean timer = log.getJobDefinitionType().startsWith("timer");
          // a mail task with asyncAfter has a second job, after the mail has gone: not a mail of its own
          boolean mail = mailTasks.contains(log.getProcessDefinitionKey() + "/" + log.getActivityId())
              && "async-before".equals(log.getJobDefinitionConfiguration());
          if (log.isCreationLog() && timer) {
            timers++;
          } else if (log.isSuccessLog() && timer) {
            timersFired++;
          } else if (log.isSuccessLog() && mail) {
            mails++;
          } else if (log.isSuccessLog()) {
            otherAsync++;
          }
        }
      }
      long userTasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).count();
      return new CaseShape(userTasks, completed, timers, timersFired, mails, otherAsync,
          smtp.getReceivedMessages().length, instances.size() - 1, answersPerCompletion);
    }

    /** The bare case, started as ours is and each task completed with the same call. */
    void bareCase(ThroughputLedger ledger) {
      String definition = latest(engine, ThroughputBareProcesses.CASE);
      probe.measureInto(ledger);
      long started = System.nanoTime();
      try {
        ProcessInstance instance = engine.getFormService().submitStartForm(definition, panelIncident("2025-12-22"));
        Task task;
        while ((task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult())
            != null) {
          engine.getTaskService().complete(task.getId(), bareAnswers);
        }
      } finally {
        ledger.wholeCases.add(System.nanoTime() - started);
        probe.measureInto(null);
      }
    }

    /** A case's start alone, in the bare shape; removed afterwards, uncounted, so it does not pile up. */
    void bareRecording(ThroughputLedger ledger) {
      String definition = latest(engine, ThroughputBareProcesses.RECORDING);
      probe.measureInto(ledger);
      ProcessInstance instance;
      try {
        instance = engine.getFormService().submitStartForm(definition, panelIncident("2025-12-22"));
      } finally {
        probe.measureInto(null);
      }
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "measured", true, true);
    }
  }

  private static String latest(ProcessEngine engine, String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  /** Our mail tasks, "process key/activity id": a service task that sends through the mail delegate. */
  private static Set<String> mailTasksOf(ProcessEngine engine) {
    Set<String> mailTasks = new HashSet<>();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .list()) {
      for (ServiceTask task : engine.getRepositoryService().getBpmnModelInstance(definition.getId())
          .getModelElementsByType(ServiceTask.class)) {
        if (String.valueOf(task.getCamundaDelegateExpression()).contains("mailDelegate")) {
          mailTasks.add(definition.getKey() + "/" + task.getId());
        }
      }
    }
    return mailTasks;
  }

  // --- the section ---

  private void report(List<Measured> runs) {
    Results results = new Results("throughput", "Case throughput");
    results.table("Measure", "CSPR case", "bare engine");
    for (Measured run : runs) {
      String on = run.database().name() + ": ";
      results.row(on + "cases per minute", perMinute(run.ours()), perMinute(run.bare()), "/min")
          .row(on + "task completion p50", run.ours().taskCompletions.p50(), run.bare().taskCompletions.p50(), "ms")
          .row(on + "task completion p95", run.ours().taskCompletions.p95(), run.bare().taskCompletions.p95(), "ms")
          .row(on + "recording a case p50", run.ours().recordings.p50(), run.bareRecording().recordings.p50(), "ms")
          .row(on + "recording a case p95", run.ours().recordings.p95(), run.bareRecording().recordings.p95(), "ms");
    }
    if (ThroughputDatabases.postgresLeftOut()) {
      results.note(ThroughputDatabases.POSTGRES_LEFT_OUT);
    }
    for (Measured run : runs) {
      whereTheTimeGoes(results, run);
    }
    CaseShape shape = runs.get(0).shape();
    results.note(String.format(Locale.UK, "%d cases of each side, after %d of each not counted, walked one of "
        + "each in turn on one thread with the job executor off (the walk executes due jobs, as the process tests do; "
        + "mail goes to GreenMail over SMTP). Our case: the local-review route of CaseProcessTest from the start form "
        + "to its closure: %d stage instances called, %d user tasks created of which %d completed by the walk (the "
        + "coordinators' tracking tasks end with their requests), %d timers created of which %d fired as the clock "
        + "moved, %d mail jobs (%d messages received) and %d other async continuations, %.1f answers per completion. "
        + "The bare case: one process, %d user tasks in a row with the %d timers as non-interrupting boundary timers "
        + "due in 2099, started through the same start-form call with the same variables, each task completed with "
        + "taskService.complete and %d variables. The bare recording: a stage of two tasks and two timers beside three "
        + "agency requests (multi-instance), each a task with two timers. Authorization is on, as in the "
        + "application; the walk runs without a signed-in user, as the tests do, so authorizations are created for "
        + "candidate groups but no one's are checked. Completion and recording times are the engine command alone "
        + "(timed by a command interceptor outside all others, commit included); cases per minute is the whole walk, "
        + "its queries included.",
        CASES, WARM_UP, shape.stagesCalled(), shape.userTasks(), shape.tasksCompleted(), shape.timers(),
        shape.timersFired(), shape.mailJobs(), shape.messages(), shape.otherAsyncJobs(), shape.answersPerCompletion(),
        shape.userTasks(), shape.timers(), Math.round(shape.answersPerCompletion())));
    results.write();
  }

  private static double perMinute(ThroughputLedger ledger) {
    return ledger.wholeCases.count() * 60_000.0 / ledger.wholeCases.totalMillis();
  }

  private void whereTheTimeGoes(Results results, Measured run) {
    String on = run.database().name();
    ThroughputLedger ours = run.ours();
    ThroughputLedger bare = run.bare();

    Map<String, Cost> oursByKind = byKind(ours.commands);
    Map<String, Cost> bareByKind = byKind(bare.commands);
    double oursTotal = oursByKind.values().stream().mapToDouble(Cost::millis).sum();
    results.headings("Where a case's time goes, " + on, "ours ms/case", "share", "calls/case", "bare ms/case",
        "calls/case");
    for (String kind : KINDS) {
      Cost mine = oursByKind.getOrDefault(kind, ThroughputLedger.none());
      Cost theirs = bareByKind.getOrDefault(kind, ThroughputLedger.none());
      results.cells(kind, perCase(mine.millis()), percent(mine.millis(), oursTotal), perCase(mine.count()),
          perCase(theirs.millis()), perCase(theirs.count()));
    }

    double bareTotal = bareByKind.values().stream().mapToDouble(Cost::millis).sum();
    StringBuilder difference = new StringBuilder(String.format(Locale.UK,
        "On %s a case of ours spends %s ms in engine commands, the bare case %s ms; of the %s ms more, ", on,
        Results.number(perCase(oursTotal)), Results.number(perCase(bareTotal)),
        Results.number(perCase(oursTotal - bareTotal))));
    List<String> shares = new ArrayList<>();
    for (String kind : KINDS) {
      double more = oursByKind.getOrDefault(kind, ThroughputLedger.none()).millis()
          - bareByKind.getOrDefault(kind, ThroughputLedger.none()).millis();
      if (Math.abs(more) >= 0.02 * (oursTotal - bareTotal)) {
        shares.add(kind + " " + percent(more, oursTotal - bareTotal));
      }
    }
    difference.append(String.join(", ", shares)).append('.');
    Cost mails = oursByKind.getOrDefault("mail jobs", ThroughputLedger.none());
    if (mails.count() > 0) {
      difference.append(String.format(Locale.UK, " A mail job took %s ms on average; a plain message alone "
          + "to the same GreenMail, without engine or template, takes %s ms (p50).",
          Results.number(mails.millis() / mails.count()), Results.number(run.messageAlone().p50())));
    }
    results.note(difference.toString());

    results.headings("Costliest commands and jobs, " + on, "ours ms/case", "calls/case", "bare ms/case",
        "calls/case");
    for (Map.Entry<String, Cost> entry : ThroughputLedger.costliest(ours.commands, COSTLIEST)) {
      Cost theirs = bare.commands.getOrDefault(entry.getKey(), ThroughputLedger.none());
      results.cells(entry.getKey(), perCase(entry.getValue().millis()), perCase(entry.getValue().count()),
          perCase(theirs.millis()), perCase(theirs.count()));
    }

    double ourCode = ours.customCode.values().stream().mapToDouble(Cost::millis).sum();
    results.headings("Our code inside them, " + on + " (outermost calls)", "ms/case", "share of all our code",
        "calls/case");
    for (Map.Entry<String, Cost> entry : ThroughputLedger.costliest(ours.customCode, COSTLIEST)) {
      results.cells(entry.getKey(), perCase(entry.getValue().millis()), percent(entry.getValue().millis(), ourCode),
          perCase(entry.getValue().count()));
    }
    double bareCode = bare.customCode.values().stream().mapToDouble(Cost::millis).sum();
    results.cells("all our code (bare engine: " + Results.number(perCase(bareCode)) + " ms/case)", perCase(ourCode),
        percent(ourCode, oursTotal) + " of the case", "");

    results.headings("Database statements by table, " + on, "ours statements/case", "ours ms/case",
        "bare statements/case", "bare ms/case");
    for (Map.Entry<String, Cost> entry : ThroughputLedger.costliest(ours.statements, 100)) {
      Cost theirs = bare.statements.getOrDefault(entry.getKey(), ThroughputLedger.none());
      results.cells(entry.getKey(), perCase(entry.getValue().count()), perCase(entry.getValue().millis()),
          perCase(theirs.count()), perCase(theirs.millis()));
    }
  }

  private static final List<String> KINDS = List.of("recording a case (start form)", "completing tasks", "mail jobs",
      "timer jobs", "other async continuations", "the walk's queries and reads", "other commands");

  /** Commands and jobs summed by what they are to a case. */
  private static Map<String, Cost> byKind(Map<String, Cost> commands) {
    Map<String, Cost> kinds = new LinkedHashMap<>();
    commands.forEach((name, cost) -> {
      String kind;
      if (name.equals("SubmitStartFormCmd")) {
        kind = "recording a case (start form)";
      } else if (name.startsWith("complete: ")) {
        kind = "completing tasks";
      } else if (name.startsWith("mail: ")) {
        kind = "mail jobs";
      } else if (name.startsWith("timer: ")) {
        kind = "timer jobs";
      } else if (name.startsWith("async continuation: ")) {
        kind = "other async continuations";
      } else if (name.endsWith("QueryImpl") || name.startsWith("Get")) {
        kind = "the walk's queries and reads";
      } else {
        kind = "other commands";
      }
      Cost sum = kinds.computeIfAbsent(kind, k -> new Cost());
      sum.merge(cost);
    });
    return kinds;
  }

  private static double perCase(double total) {
    return total / CASES;
  }

  private static String percent(double part, double whole) {
    return whole == 0 ? "–" : String.format(Locale.UK, "%.0f%%", 100 * part / whole);
  }
}
