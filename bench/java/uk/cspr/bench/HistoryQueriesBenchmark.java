package uk.cspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.engine.RecordRetentionPlugin;
import uk.cspr.identity.AccessSeeder;
import uk.cspr.identity.Groups;
import uk.cspr.identity.IdentitySeeder;
import uk.cspr.identity.TasklistFilters;
import uk.cspr.reports.TimelinessReport;
import uk.cspr.reports.TimelinessReports;
import uk.cspr.testing.ApplicationProcess;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;
import uk.cspr.timescales.Timescales;

/**
 * What a user waits for once the partnership has ten years of cases behind it: an agency's Tasklist filter, the
 * coordinators' "Overdue", the statutory deadlines and the yearly timeliness report, each as the user's action
 * runs it (as that user, authorization on, through the filters and beans the application uses), on a database
 * holding only the live cases and again with ten years of closed cases' history loaded beside them.
 *
 * <p>The engine is the plain engine with the application's settings that bear on queries: authorization on, the
 * groups, people, authorizations and Tasklist filters the application seeds at start, the Spring Boot starter's
 * UUID ids and the record retention that sets every history row's removal time. Its clock stands at
 * {@link #TODAY} throughout the measurements, so that what is overdue, and the report's twelve months, are the
 * same in every run.
 */
class HistoryQueriesBenchmark {

  static final int HISTORY_CASES = env("BENCH_HISTORY_CASES", 4000);
  static final int REPEATS = env("BENCH_QUERY_REPEATS", 50);
  static final int LIVE_CASES = env("BENCH_LIVE_CASES", 36);
  static final int WALKS_PER_ROUTE = env("BENCH_HISTORY_WALKS_PER_ROUTE", 2);
  static final int WARM_UP = Math.max(10, REPEATS / 2);
  static final int BUDGET_SECONDS = env("BENCH_QUERY_BUDGET_SECONDS", 300);
  /** After the cases walked to closure have closed (their last step is in June 2027), on a Monday. */
  static final LocalDate TODAY = LocalDate.parse("2027-09-06");

  static final String AGENCY_FILTER = "My agency's requests (police lead)";
  static final String OVERDUE = "Overdue (coordinator)";
  static final String DEADLINES = "Statutory deadlines (manager)";
  static final String REPORT = "Timeliness report, last twelve months (manager)";

  /** What one database gave: timings and statements before and after the load, the load, and the checks. */
  record Measured(String database, Map<String, Timings> empty, Map<String, Timings> loaded,
      Map<String, List<HistoryStatements.Summary>> emptyStatements,
      Map<String, List<HistoryStatements.Summary>> loadedStatements, HistoryLoader.Load load, int templates,
      double walkSeconds, long heapMegabytes, Map<String, Object> found, String plan, String planned,
      String plannedSql) {
  }

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    ClockUtil.reset();
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void theUsersQueriesUnderTenYearsOfHistory() throws Exception {
    List<Measured> measured = new ArrayList<>();
    List<String> databases = List.of(System.getenv().getOrDefault("BENCH_HISTORY_DATABASES", "h2,postgres").split(","));
    if (databases.contains("h2")) {
      measured.add(measure("H2", h2()));
    }
    String postgresUrl = System.getenv("CSPR_BENCH_POSTGRES_URL");
    if (postgresUrl != null && !postgresUrl.isBlank() && databases.contains("postgres")) {
      measured.add(measure("PostgreSQL", postgres(postgresUrl)));
    }
    write(measured, postgresUrl != null && !postgresUrl.isBlank());
  }

  /** The database as the benchmark uses it: a pool for the engine, and what the loader writes through. */
  record Database(HikariDataSource pool, DataSource forLoading, boolean postgres) {
  }

  /**
   * H2 as the demo runs it: a file database, every commit written (application-demo.yaml). Not the plain engine's
   * in-memory one: ten years of history (some five million rows) would need about 5 GB of heap there, 1.2 GB per
   * thousand cases. {@code BENCH_HISTORY_H2_URL} chooses another (an in-memory one, given the heap).
   */
  private Database h2() throws IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "bench", "history-h2").toAbsolutePath();
    org.springframework.util.FileSystemUtils.deleteRecursively(folder);
    java.nio.file.Files.createDirectories(folder);
    toClose.add(() -> org.springframework.util.FileSystemUtils.deleteRecursively(folder)); // gigabytes, once closed
    String url = System.getenv().getOrDefault("BENCH_HISTORY_H2_URL",
        "jdbc:h2:file:" + folder.resolve("cspr") + ";WRITE_DELAY=0");
    HikariDataSource pool = pool(url, "sa", "");
    return new Database(pool, pool, false);
  }

  private Database postgres(String url) throws Exception {
    String user = System.getenv().getOrDefault("CSPR_BENCH_POSTGRES_USER", "cspr");
    String password = System.getenv().getOrDefault("CSPR_BENCH_POSTGRES_PASSWORD", "cspr");
    HikariDataSource pool = pool(url, user, password);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
    // multi-row INSERTs for the load only: the engine keeps the driver's defaults, as the application has them
    DataSource forLoading = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
        user, password);
    return new Database(pool, forLoading, true);
  }

  private HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(20); // as the application's pool (spring.datasource.hikari.maximum-pool-size)
    HikariDataSource pool = new HikariDataSource(config);
    toClose.add(pool);
    return pool;
  }

  private Measured measure(String name, Database database) throws Exception {
    int smtpPort = ApplicationProcess.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    toClose.add(smtp::stop);
    HistoryStatements statements = new HistoryStatements(database.pool());
    PlainEngine plain = PlainEngine.withWorkflow(smtpPort).database(statements).plugin(asTheApplicationRunsIt())
        .plugin(new IdentitySeeder(true)).plugin(new AccessSeeder());
    ProcessEngine engine = plain.build();
    toClose.add(engine::close);
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();

    HistoryCases cases = new HistoryCases(engine);
    long started = System.nanoTime();
    List<ProcessInstance> live = cases.recordLiveCases(LIVE_CASES, TODAY);
    progress(name, live.size() + " live cases recorded", started);
    long grantsLive = grants(engine);
    clockAtToday();
    Queries queries = new Queries(engine, plain.stageBean(CaseFiles.class));
    queries.checkWhatEachSees(live);
    HistoryLoader.analyze(database.pool());
    Map<String, Timings> empty = queries.time();
    Map<String, List<HistoryStatements.Summary>> emptyStatements = queries.record(statements, "live cases only");
    Map<String, Object> foundEmpty = queries.found();
    progress(name, "queries timed on the live cases: " + foundEmpty, started);

    long walking = System.nanoTime();
    List<HistoryCases.Closed> closed = new ArrayList<>();
    for (HistoryCases.Route route : HistoryCases.Route.values()) {
      for (int variant = 0; variant < WALKS_PER_ROUTE; variant++) {
        closed.add(cases.walkToClosure(route, variant));
      }
    }
    double walkSeconds = (System.nanoTime() - walking) / 1e9;
    progress(name, closed.size() + " cases walked to closure", started);
    // a closed case's tasks take their grants with them: were it otherwise, the copies would need them too
    long grantsWalked = grants(engine);
    clockAtToday();
    HistoryLoader.Load load = new HistoryLoader(database.forLoading()).load(closed, HISTORY_CASES, TODAY, 2027);
    HistoryLoader.analyze(database.pool());
    System.gc(); // what the history holds on the heap (on an in-memory H2, all of it), for sizing -Xmx
    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
    progress(name, String.format(Locale.UK, "%,d cases copied, %,d rows, heap in use %,d MB", load.copies(), load.rows(),
        heap), started);

    Map<String, Object> found = queries.found();
    // the live cases' queries find what they found before: history adds no open task or open case
    assertThat(found.get(AGENCY_FILTER)).isEqualTo(foundEmpty.get(AGENCY_FILTER));
    assertThat(found.get(OVERDUE)).isEqualTo(foundEmpty.get(OVERDUE));
    assertThat(found.get(DEADLINES)).isEqualTo(foundEmpty.get(DEADLINES));
    found.put(REPORT + ", on the live cases alone", foundEmpty.get(REPORT));
    found.putAll(queries.checkTheHistory(LIVE_CASES));
    found.put("grants in act_ru_authorization: live cases only, after the walks, after the load",
        grantsLive + ", " + grantsWalked + ", " + grants(engine));
    Map<String, Timings> loaded = queries.time();
    Map<String, List<HistoryStatements.Summary>> loadedStatements = queries.record(statements, "ten years loaded");

    progress(name, "queries timed with the history", started);
    String slowest = slowest(empty, loaded);
    // the statement that took longest in one run: what the database itself made of the history
    HistoryStatements.Run longest = loadedStatements.get(slowest).stream().map(HistoryStatements.Summary::slowest)
        .max(java.util.Comparator.comparingLong(HistoryStatements.Run::nanos)).orElseThrow();
    String plan = statements.plan(longest, database.postgres());
    return new Measured(name, empty, loaded, emptyStatements, loadedStatements, load, closed.size(), walkSeconds, heap, found,
        plan, slowest, longest.shape());
  }

  private static long grants(ProcessEngine engine) {
    return engine.getAuthorizationService().createAuthorizationQuery().count();
  }

  private static void progress(String database, String what, long since) {
    System.out.printf(Locale.UK, "History queries, %s: %s (%.0f s)%n", database, what, (System.nanoTime() - since) / 1e9);
  }

  /** The query whose median grew most with the history. */
  private static String slowest(Map<String, Timings> empty, Map<String, Timings> loaded) {
    return loaded.keySet().stream()
        .max(java.util.Comparator.comparingDouble(q -> loaded.get(q).p50() / empty.get(q).p50())).orElseThrow();
  }

  /** The application's engine settings that bear on what a query reads, beyond the plain engine's own. */
  private static AbstractProcessEnginePlugin asTheApplicationRunsIt() {
    RecordRetentionPlugin retention = new RecordRetentionPlugin(Timescales.defaults().recordRetentionDays());
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // application.yaml: camunda.bpm.authorization.enabled; the starter's id generator ("strong")
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        retention.preInit(configuration);
      }
    };
  }

  private static void clockAtToday() {
    Workflow.clockAt(TODAY + "T10:00");
  }

  /** The four queries, each run as its user runs it. */
  static final class Queries {

    private final ProcessEngine engine;
    private final CaseFiles caseFiles;
    private final TimelinessReports reports;
    private final String agencyFilter;
    private final String overdueFilter;

    Queries(ProcessEngine engine, CaseFiles caseFiles) {
      this.engine = engine;
      this.caseFiles = caseFiles;
      // as ReportsConfiguration builds it
      this.reports = new TimelinessReports(engine.getHistoryService(), engine.getIdentityService(), Calendars.shipped());
      this.agencyFilter = filter(TasklistFilters.MY_AGENCYS_REQUESTS);
      this.overdueFilter = filter(TasklistFilters.OVERDUE);
    }

    private String filter(String name) {
      return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    Map<String, Supplier<Object>> all() {
      Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
      queries.put(AGENCY_FILTER, () -> as("police-lead", List.of("agency-police"), () -> tasklist(agencyFilter)));
      queries.put(OVERDUE, () -> as("coordinator", List.of(Groups.COORDINATORS), () -> tasklist(overdueFilter)));
      queries.put(DEADLINES, () -> as("manager", List.of(Groups.MANAGERS), () -> caseFiles.deadlines("open").size()));
      queries.put(REPORT, () -> as("manager", List.of(Groups.MANAGERS), () -> reports.report(
          TODAY.minusYears(1).plusDays(1).toString(), TODAY.toString()).measures().stream()
          .mapToInt(TimelinessReport.Measure::count).sum()));
      return queries;
    }

    /**
     * A filter opened in Tasklist: one request to the engine's REST API ({@code POST /filter/{id}/list}, as HAL)
     * that counts the filter's tasks, reads the first page of 15, and embeds the variables the filter shows as
     * columns (read from the tasks, their executions and process instances) and each task's process definition.
     */
    private Object tasklist(String filterId) {
      long count = engine.getFilterService().count(filterId);
      List<Task> page = engine.getFilterService().listPage(filterId, 0, 15);
      Filter filter = engine.getFilterService().getFilter(filterId);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> columns = (List<Map<String, Object>>) filter.getProperties().get("variables");
      Set<String> scopes = new HashSet<>();
      Set<String> definitions = new HashSet<>();
      for (Task task : page) {
        scopes.add(task.getId());
        scopes.add(task.getExecutionId());
        scopes.add(task.getProcessInstanceId());
        definitions.add(task.getProcessDefinitionId());
      }
      if (!page.isEmpty()) {
        engine.getRuntimeService().createVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization()
            .variableNameIn(columns.stream().map(c -> (String) c.get("name")).toArray(String[]::new))
            .variableScopeIdIn(scopes.toArray(String[]::new)).list();
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionIdIn(definitions.toArray(String[]::new))
            .list();
      }
      return count;
    }

    private <T> T as(String user, List<String> groups, Supplier<T> query) {
      engine.getIdentityService().setAuthentication(user, groups);
      try {
        return query.get();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    /**
     * Warmed up, then each query {@link #REPEATS} times, in turn, so that none has the machine to itself. The
     * warm-up is long: the live cases' figures are taken first, and a short one leaves them paying for the JIT
     * compiler and the database's first plans, which would make the history look cheaper than it is.
     */
    Map<String, Timings> time() {
      Map<String, Supplier<Object>> queries = all();
      long warming = System.nanoTime();
      // a report of many seconds is warm after a few runs: a minute of warming is enough for any of them
      for (int i = 0; i < WARM_UP && (i < 3 || System.nanoTime() - warming < 60e9); i++) {
        queries.values().forEach(Supplier::get);
      }
      Map<String, Timings> timings = new LinkedHashMap<>();
      queries.keySet().forEach(q -> timings.put(q, new Timings()));
      for (int i = 0; i < REPEATS; i++) {
        int run = i;
        queries.forEach((name, query) -> {
          // a query of many seconds stops at its budget (never before ten runs), so the run ends the same day
          if (run < 10 || timings.get(name).totalMillis() < BUDGET_SECONDS * 1000.0) {
            timings.get(name).time(query);
          }
        });
      }
      return timings;
    }

    /** One more run of each, every statement noted. */
    Map<String, List<HistoryStatements.Summary>> record(HistoryStatements statements, String phase) {
      Map<String, List<HistoryStatements.Summary>> recorded = new LinkedHashMap<>();
      // noted twice, the second kept: the first pays for the noting proxies' own warming up
      all().forEach((name, query) -> statements.record(query::get));
      all().forEach((name, query) -> recorded.put(name, statements.record(query::get)));
      // the whole list in the log, for whoever looks for a fix; the results show the costliest query's
      recorded.forEach((name, summaries) -> {
        System.out.printf(Locale.UK, "Statements of %s, %s: %d, %.1f ms%n", name, phase,
            summaries.stream().mapToInt(HistoryStatements.Summary::runs).sum(),
            summaries.stream().mapToDouble(HistoryStatements.Summary::millis).sum());
        summaries.stream().limit(12).forEach(s -> System.out.printf(Locale.UK, "  %5d runs %8d rows %9.1f ms  %s%n",
            s.runs(), s.rows(), s.millis(), s.sql().length() > 400 ? s.sql().substring(0, 400) + "…" : s.sql()));
      });
      return recorded;
    }

    /** What each query finds: tasks in the filter, deadlines listed, things done in the report's twelve months. */
    Map<String, Object> found() {
      Map<String, Object> found = new LinkedHashMap<>();
      all().forEach((name, query) -> found.put(name, query.get()));
      return found;
    }

    /**
     * The live cases are seen as each user would see them: the police lead their own open requests and no other
     * agency's, the coordinators something overdue, the manager the open cases' deadlines.
     */
    void checkWhatEachSees(List<ProcessInstance> live) {
      long policeRequests = engine.getTaskService().createTaskQuery().processDefinitionKey(AgencyRequest.KEY)
          .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).taskCandidateGroup("agency-police").count();
      Map<String, Object> found = found();
      assertThat(policeRequests).isPositive();
      assertThat(found.get(AGENCY_FILTER)).isEqualTo(policeRequests);
      List<Task> seenByPolice = as("police-lead", List.of("agency-police"),
          () -> engine.getFilterService().list(overdueFilter));
      assertThat(seenByPolice).isNotEmpty().allSatisfy(t -> assertThat(t.getTaskDefinitionKey())
          .isEqualTo(AgencyRequest.TASK_PROVIDE_INFORMATION));
      assertThat((Long) found.get(OVERDUE)).isGreaterThan((long) seenByPolice.size());
      assertThat((Integer) found.get(DEADLINES)).isGreaterThanOrEqualTo(live.size());
    }

    /**
     * The copied history reads as the application's own: over ten years the timeliness report counts each
     * closed case's notification and rapid review, and a copied case is found by its reference, as Cockpit finds
     * it, with its stages, tasks and a case file that says it is closed.
     */
    Map<String, Object> checkTheHistory(int liveCases) {
      Map<String, Object> checks = new LinkedHashMap<>();
      long closedCases = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cspr-case")
          .finished().count();
      checks.put("closed cases", closedCases);
      TimelinessReport tenYears = as("manager", List.of(Groups.MANAGERS),
          () -> reports.report(TODAY.minusYears(10).toString(), TODAY.toString()));
      Map<String, Integer> counts = new TreeMap<>();
      tenYears.measures().forEach(m -> counts.put(m.key(), m.count()));
      checks.put("ten-year report", counts);
      assertThat(counts.get("notifications")).isBetween((int) closedCases, (int) closedCases + liveCases);
      assertThat(counts.get("rapidReviews")).isBetween((int) closedCases, (int) closedCases + liveCases);

      String copy = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cspr-case")
          .finished().orderByProcessInstanceStartTime().asc().listPage(0, 1).get(0).getBusinessKey();
      List<HistoricProcessInstance> itsInstances = as("manager", List.of(Groups.MANAGERS),
          () -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(copy).list());
      assertThat(itsInstances).isNotEmpty().anySatisfy(i -> assertThat(i.getSuperProcessInstanceId()).isNull())
          .allSatisfy(i -> assertThat(i.getEndTime()).isNotNull());
      long itsTasks = as("manager", List.of(Groups.MANAGERS), () -> engine.getHistoryService()
          .createHistoricTaskInstanceQuery().processInstanceBusinessKey(copy).count());
      assertThat(itsTasks).isPositive();
      CaseFile file = as("manager", List.of(Groups.MANAGERS), () -> caseFiles.file(copy));
      assertThat(file.state()).isEqualTo("CLOSED");
      assertThat(file.deadlines()).isNotEmpty();
      checks.put("oldest copy", copy + ": " + itsInstances.size() + " process instances, " + itsTasks + " tasks, "
          + file.deadlines().size() + " deadlines in its case file, recorded " + file.recordedAt().toString().substring(0, 10)
          + " by " + file.recordedBy() + ", closed " + file.closedOn());
      return checks;
    }
  }

  private void write(List<Measured> measured, boolean postgresAsked) {
    Results results = new Results("history-queries", "Queries under ten years of history");
    results.table("query, as its user runs it", "ten years loaded", "live cases only");
    for (Measured m : measured) {
      for (String query : m.loaded().keySet()) {
        Timings before = m.empty().get(query);
        Timings after = m.loaded().get(query);
        results.row(m.database() + " · " + query + ", p50", after.p50(), before.p50(), "ms");
        results.row(m.database() + " · " + query + ", p95", after.p95(), before.p95(), "ms");
      }
    }
    Measured first = measured.get(0);
    List<String> cutShort = new ArrayList<>();
    for (Measured m : measured) {
      for (String query : m.loaded().keySet()) {
        for (Map.Entry<String, Timings> phase : Map.of("live cases only", m.empty().get(query), "ten years loaded",
            m.loaded().get(query)).entrySet()) {
          if (phase.getValue().count() < REPEATS) {
            cutShort.add(m.database() + " · " + query + ", " + phase.getKey() + ": " + phase.getValue().count() + " runs");
          }
        }
      }
    }
    results.note(String.format(Locale.UK, "%d live cases (recorded over the three months to %s and taken to different "
            + "stages: open agency requests, overdue tasks) in both columns; \"ten years loaded\" adds the history of "
            + "%,d closed cases. Each figure from %d runs after up to %d to warm up (at most a minute's), the four queries in turn; as the user "
            + "(police-lead in agency-police; coordinator; manager), authorization on. The Tasklist filters are the "
            + "ones the application saves (%s, %s), opened as Tasklist opens them: the count, the first 15 tasks and "
            + "the filter's variable columns. The deadlines are `CaseFiles.deadlines(\"open\")` (`/api/deadlines`, "
            + "Cockpit's *Statutory deadlines*); the report is `TimelinessReports.report` for the twelve months to %s. %s; "
            + "PostgreSQL is reached through a pool of 20, as the application's.%s%s",
        LIVE_CASES, TODAY, first.load().copies() + first.templates(), REPEATS, WARM_UP,
        TasklistFilters.MY_AGENCYS_REQUESTS, TasklistFilters.OVERDUE, TODAY,
        System.getenv("BENCH_HISTORY_H2_URL") == null ? "H2 is a file database, as the demo runs it (`WRITE_DELAY=0`)"
            : "H2 is `" + System.getenv("BENCH_HISTORY_H2_URL") + "`",
        postgresAsked ? "" : " PostgreSQL rows are left out: CSPR_BENCH_POSTGRES_URL was not set.",
        cutShort.isEmpty() ? "" : " Stopped at their time budget (BENCH_QUERY_BUDGET_SECONDS, " + BUDGET_SECONDS
            + " s of runs): " + String.join("; ", cutShort) + "."));

    results.headings(byDatabase("loading the history", measured));
    results.cells(row("cases walked to closure (" + WALKS_PER_ROUTE + " per route), s", measured, m -> Results.number(m.walkSeconds())));
    results.cells(row("cases copied", measured, m -> String.format(Locale.UK, "%,d", m.load().copies())));
    results.cells(row("rows written", measured, m -> String.format(Locale.UK, "%,d", m.load().rows())));
    results.cells(row("load time, s", measured, m -> Results.number(m.load().took().toMillis() / 1000.0)));
    results.cells(row("rows per second", measured, m -> String.format(Locale.UK, "%,.0f",
        m.load().rows() / Math.max(0.001, m.load().took().toMillis() / 1000.0))));
    results.cells(row("JVM heap in use after the load, MB", measured, m -> String.format(Locale.UK, "%,d",
        m.heapMegabytes())));
    results.note("The history of " + first.templates() + " cases walked from the start form to their closure (a local "
        + "review, then publication and learning; a national review supported, then learning; no further review, then "
        + "learning; each agency answering its requests) is copied with new ids, references (CSPR-<year>-<nnnn>) and "
        + "dates moved back by whole weeks until " + String.format(Locale.UK, "%,d", HISTORY_CASES) + " closed cases "
        + "spread over the ten years before " + TODAY + " (routes in the shares 40 : 10 : 50); then ANALYZE. "
        + "Not copied (nothing of a case's own in them): " + String.join(", ", first.load().notCopied()) + ".");

    Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    measured.forEach(m -> tables.addAll(m.load().tableSizes().keySet()));
    List<String> headings = new ArrayList<>(List.of("table"));
    measured.forEach(m -> {
      headings.add(m.database() + " rows written");
      headings.add(m.database() + " rows now");
    });
    results.headings(headings.toArray(String[]::new));
    for (String table : tables) {
      List<Object> cells = new ArrayList<>(List.of("`" + table.toLowerCase(Locale.ROOT) + "`"));
      for (Measured m : measured) {
        cells.add(String.format(Locale.UK, "%,d", lookup(m.load().rowsByTable(), table)));
        cells.add(String.format(Locale.UK, "%,d", lookup(m.load().tableSizes(), table)));
      }
      results.cells(cells.toArray());
    }

    results.headings(byDatabase("check of the loaded history", measured));
    for (String check : first.found().keySet()) {
      results.cells(row(check, measured, m -> String.valueOf(m.found().get(check))));
    }
    results.note("The first four rows are what each query found with the history loaded (tasks in the filter, open "
        + "deadlines, things done in the report's twelve months): the filters and the deadlines find the same as on the"
        + " live cases alone; the report finds more, as the copied cases of its twelve months count in it. The ten-year "
        + "report counts every closed case's notification and rapid review; the oldest copy is found by its reference "
        + "as Cockpit finds a case, and its case file is put together from the copied rows.");

    for (Measured m : measured) {
      results.headings(m.database() + " · statements of \"" + m.planned() + "\"", "runs", "rows read", "ms",
          "runs, live only", "rows, live only", "ms, live only");
      Map<String, HistoryStatements.Summary> before = new LinkedHashMap<>();
      m.emptyStatements().get(m.planned()).forEach(s -> before.put(s.sql(), s));
      List<HistoryStatements.Summary> after = m.loadedStatements().get(m.planned());
      List<String> shown = new ArrayList<>();
      for (HistoryStatements.Summary s : after.subList(0, Math.min(4, after.size()))) {
        HistoryStatements.Summary was = before.get(s.sql());
        shown.add(s.sql());
        results.cells("S" + shown.size(), s.runs(), String.format(Locale.UK, "%,d", s.rows()), s.millis(),
            was == null ? "–" : was.runs(), was == null ? "–" : String.format(Locale.UK, "%,d", was.rows()),
            was == null ? Double.NaN : was.millis());
      }
      if (!shown.contains(m.plannedSql())) {
        after.stream().filter(s -> s.sql().equals(m.plannedSql())).findFirst().ifPresent(s -> {
          HistoryStatements.Summary was = before.get(s.sql());
          shown.add(s.sql());
          results.cells("S" + shown.size(), s.runs(), String.format(Locale.UK, "%,d", s.rows()), s.millis(),
              was == null ? "–" : was.runs(), was == null ? "–" : String.format(Locale.UK, "%,d", was.rows()),
              was == null ? Double.NaN : was.millis());
        });
      }
      int runs = after.stream().mapToInt(HistoryStatements.Summary::runs).sum();
      int runsBefore = m.emptyStatements().get(m.planned()).stream().mapToInt(HistoryStatements.Summary::runs).sum();
      results.cells("all " + after.size() + " statements", runs, String.format(Locale.UK, "%,d",
              after.stream().mapToLong(HistoryStatements.Summary::rows).sum()),
          after.stream().mapToDouble(HistoryStatements.Summary::millis).sum(), runsBefore,
          String.format(Locale.UK, "%,d", m.emptyStatements().get(m.planned()).stream()
              .mapToLong(HistoryStatements.Summary::rows).sum()),
          m.emptyStatements().get(m.planned()).stream().mapToDouble(HistoryStatements.Summary::millis).sum());
      results.note("The query whose median grew most on " + m.database() + ", one run with each statement noted (the "
          + "noting adds to the times). The costliest statements:");
      for (int i = 0; i < shown.size(); i++) {
        results.note("");
        results.note("S" + (i + 1) + ": `" + shown.get(i).replace("`", "'") + "`");
      }
      results.note("");
      results.note("The plan of S" + (shown.indexOf(m.plannedSql()) + 1) + ", its longest single run, with the values it "
          + "ran with and the history loaded (" + (m.database().equals("H2") ? "H2's EXPLAIN ANALYZE, its access paths: "
          + "the index each table is read by and the rows scanned" : "EXPLAIN (ANALYZE, BUFFERS)") + "):");
      results.note("");
      results.note("```");
      results.note(m.plan());
      results.note("```");
    }
    for (Measured m : measured) {
      results.headings(m.database() + " · every query, one run noted", "statements", "rows read", "ms",
          "statements, live only", "rows, live only", "ms, live only");
      for (String query : m.loadedStatements().keySet()) {
        List<HistoryStatements.Summary> after = m.loadedStatements().get(query);
        List<HistoryStatements.Summary> before = m.emptyStatements().get(query);
        results.cells(query, after.stream().mapToInt(HistoryStatements.Summary::runs).sum(),
            String.format(Locale.UK, "%,d", after.stream().mapToLong(HistoryStatements.Summary::rows).sum()),
            after.stream().mapToDouble(HistoryStatements.Summary::millis).sum(),
            before.stream().mapToInt(HistoryStatements.Summary::runs).sum(),
            String.format(Locale.UK, "%,d", before.stream().mapToLong(HistoryStatements.Summary::rows).sum()),
            before.stream().mapToDouble(HistoryStatements.Summary::millis).sum());
      }
    }
    results.write();
  }

  private static String[] byDatabase(String first, List<Measured> measured) {
    List<String> headings = new ArrayList<>(List.of(first));
    measured.forEach(m -> headings.add(m.database()));
    return headings.toArray(String[]::new);
  }

  private static Object[] row(String what, List<Measured> measured, java.util.function.Function<Measured, String> cell) {
    List<Object> cells = new ArrayList<>(List.of(what));
    measured.forEach(m -> cells.add(cell.apply(m)));
    return cells.toArray();
  }

  private static long lookup(Map<String, Long> byTable, String table) {
    return byTable.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(table)).mapToLong(Map.Entry::getValue)
        .findFirst().orElse(0);
  }

  private static int env(String name, int otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
  }

}
