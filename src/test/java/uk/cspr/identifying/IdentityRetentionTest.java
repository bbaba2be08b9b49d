package uk.cspr.identifying;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.engine.RecordRetentionPlugin;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;
import uk.cspr.timescales.Timescales;

/**
 * The details follow the case's retention: the whole workflow on the plain engine, with the
 * application's record retention, and Camunda's own history cleanup run for real once the clock is
 * past it. Nothing here sends a mail (no job but the cleanup is executed), so no SMTP server is
 * started; the port is one no other test uses, should that change.
 */
class IdentityRetentionTest {

  static final int UNUSED_SMTP_PORT = 3143;
  static final ChildIdentity AMELIA = IdentifyingDetailsTest.AMELIA;
  static final ChildIdentity BEN = new ChildIdentity("Ben Example", null, null, null, null, null);

  static PlainEngine plain;
  static ProcessEngine engine;
  static Workflow workflow;
  static IdentifyingDetails details;
  static JdbcTemplate jdbc;
  static IdentityRetention retention;

  @BeforeAll
  static void engineWithTheRecordRetention() {
    plain = PlainEngine.withWorkflow(UNUSED_SMTP_PORT)
        .plugin(new RecordRetentionPlugin(Timescales.defaults().recordRetentionDays()));
    engine = plain.build();
    workflow = new Workflow(engine);
    DataSource dataSource = plain.stageBean(DataSource.class);
    jdbc = new JdbcTemplate(dataSource);
    IdentityCipher cipher = IdentityKeys.cipher(new IdentityKeyProperties(TestKey.made().base64(), List.of(), null), true);
    details = new IdentifyingDetails(dataSource, new TransactionTemplate(plain.transactions()), cipher,
        IdentifyingDetailsConfiguration.engineClock());
    retention = new IdentityRetention(details, engine.getHistoryService(), engine.getRuntimeService());
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aCaseRemovedByTheHistoryCleanupIsForgottenAndTheCasesTheEngineStillKeepsAreNot() {
    clockAt("2026-01-05T10:00");
    ProcessInstance closed = workflow.recordCase(panelIncident("2026-01-05"));
    ProcessInstance open = workflow.recordCase(panelIncident("2026-01-05"));
    ProcessInstance closedLater = workflow.recordCase(panelIncident("2026-01-05"));
    String removed = closed.getBusinessKey();
    // the stages carry the case's reference: the case is gone only when they are gone too
    assertThat(historyOf(removed)).hasSizeGreaterThan(1);

    details.record(removed, "LCS-1", AMELIA, "coordinator");
    details.read(removed, "LCS-1", "police-lead", "the Police's request, by its response link");
    details.record(removed, "LCS-2", BEN, "coordinator");
    details.recordPlace(removed, new IncidentPlace("The family home"), "coordinator");
    details.recordPlace(open.getBusinessKey(), new IncidentPlace("A park in Northtown"), "coordinator");
    details.erase(removed, "LCS-2", "admin", "Erasure request of 2 January 2026");
    details.record(open.getBusinessKey(), "LCS-3", AMELIA, "coordinator");
    details.read(open.getBusinessKey(), "LCS-3", "coordinator", "the case file");
    // all its children's details erased: only the erasure is kept, and it stays while the case does
    details.record(closedLater.getBusinessKey(), "LCS-4", BEN, "coordinator");
    details.erase(closedLater.getBusinessKey(), "LCS-4", "admin", "Erasure request of 3 January 2026");
    assertThat(details.casesKept())
        .containsExactly(removed, open.getBusinessKey(), closedLater.getBusinessKey());

    clockAt("2026-01-06T10:00");
    engine.getRuntimeService().deleteProcessInstance(closed.getId(), "closed");
    clockAt("2040-06-01T10:00");
    engine.getRuntimeService().deleteProcessInstance(closedLater.getId(), "closed");

    // past the first case's 25 years, not the other's; the engine still keeps it until its cleanup has run
    clockAt("2051-06-01T10:00");
    assertThat(retention.forgetCasesTheEngineHasRemoved()).isZero();
    assertThat(details.childrenWithDetails(removed)).containsExactly("LCS-1");

    cleanUpHistory();
    assertThat(historyOf(removed)).isEmpty();
    assertThat(historyOf(closedLater.getBusinessKey())).isNotEmpty();

    try (LogLines log = new LogLines()) {
      assertThat(retention.forgetCasesTheEngineHasRemoved()).isEqualTo(1);
      assertThat(log.lines()).filteredOn(line -> line.contains(removed)).singleElement()
          .satisfies(line -> assertThat(line).contains("forgotten").doesNotContain("LCS-1", "Amelia", "Ben", "Example"));
      assertThat(log.lines()).noneMatch(line -> line.contains(open.getBusinessKey())
          || line.contains(closedLater.getBusinessKey()));
    }
    assertThat(rowsOf(removed)).containsExactly(0, 0, 0, 0);
    assertThat(details.childrenWithDetails(removed)).isEmpty();
    assertThat(details.views(removed)).isEmpty();
    assertThat(details.erasures(removed)).isEmpty();

    assertThat(details.casesKept()).containsExactly(open.getBusinessKey(), closedLater.getBusinessKey());
    assertThat(details.read(open.getBusinessKey(), "LCS-3", "coordinator", "the case file")).isPresent();
    assertThat(details.views(open.getBusinessKey())).hasSize(2);
    assertThat(details.readPlace(open.getBusinessKey(), "coordinator", "the case file")).isPresent();
    assertThat(details.erasures(closedLater.getBusinessKey())).singleElement()
        .satisfies(erasure -> assertThat(erasure.childReference()).isEqualTo("LCS-4"));

    // what a second node, checking at the same time, finds: nothing left to forget
    assertThat(retention.forgetCasesTheEngineHasRemoved()).isZero();
    assertThat(details.casesKept()).containsExactly(open.getBusinessKey(), closedLater.getBusinessKey());
  }

  @Test
  void theApplicationChecksDailyAtAConfigurableTimeInEngland() {
    ApplicationContextRunner application = new ApplicationContextRunner()
        .withUserConfiguration(IdentifyingDetailsConfiguration.class)
        .withBean(DataSource.class, () -> plain.stageBean(DataSource.class))
        .withBean(PlatformTransactionManager.class, plain::transactions)
        .withBean(IdentityCipher.class, () -> IdentityKeys.cipher(new IdentityKeyProperties(TestKey.made().base64(),
            List.of(), null), true))
        .withBean(HistoryService.class, engine::getHistoryService)
        .withBean(RuntimeService.class, engine::getRuntimeService);

    // in summer time, so that a check at 06:00 UTC instead of 06:00 in England would show
    application.run(started -> assertThat(nextCheckAfter(started, "2026-07-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-07-01T05:00:00Z")));
    application.withPropertyValues("cspr.identity.retention-check=0 30 22 * * SUN")
        .run(started -> assertThat(nextCheckAfter(started, "2026-07-01T00:00:00Z"))
            .isEqualTo(Instant.parse("2026-07-05T21:30:00Z")));
  }

  /** When the application's one scheduled task, the retention check, next runs after this instant. */
  private static Instant nextCheckAfter(ApplicationContext started, String instant) {
    Set<ScheduledTask> scheduled = started.getBean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks();
    assertThat(scheduled).hasSize(1);
    CronTask check = (CronTask) scheduled.iterator().next().getTask();
    return check.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
  }

  /** Camunda's history cleanup, as its batch window or {@code POST /history/cleanup} runs it. */
  private void cleanUpHistory() {
    HistoryService history = engine.getHistoryService();
    history.cleanUpHistoryAsync(true);
    List<Job> cleanup = history.findHistoryCleanupJobs();
    assertThat(cleanup).isNotEmpty();
    cleanup.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private List<HistoricProcessInstance> historyOf(String caseReference) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).list();
  }

  /** The case's rows in the details, the readings, the erasures and the incident's place, counted in the tables themselves. */
  private List<Integer> rowsOf(String caseReference) {
    return List.of("cspr_child_identity", "cspr_identity_view", "cspr_identity_erasure", "cspr_incident_place").stream()
        .map(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE case_reference = ?", Integer.class,
            caseReference))
        .toList();
  }
}
