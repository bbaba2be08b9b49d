package uk.cspr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.Workflow;
import uk.cspr.validation.Refusal;

/**
 * The production database: the application on a real PostgreSQL server (which .ci/run installs
 * and starts), with the engine's schema, our case-reference sequence and register, and the
 * response-link table, on a database that held our tables from before their Flyway migrations. Skipped where no database is named; .ci/run always names one.
 */
@EnabledIfEnvironmentVariable(named = "CSPR_TEST_POSTGRES_URL", matches = ".+",
    disabledReason = "set CSPR_TEST_POSTGRES_URL (and _USER, _PASSWORD) to test against PostgreSQL; .ci/run does")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=production,postgres",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1", "spring.mail.port=2598",
    "CSPR_ADMIN_USER=admin", "CSPR_ADMIN_PASSWORD=Correct-Horse-Battery-9", "CSPR_ADMIN_EMAIL=admin@example.org",
    "CSPR_IDENTITY_KEY=cG9zdGdyZXMtaXQtdGVzdC1rZXktbmV2ZXItcmVhbCE=", // a test's key: production makes none of its own
    "CSPR_PARTNERSHIP_NAME=Northshire Safeguarding Children Partnership",
    "CSPR_COORDINATORS_EMAIL=safeguarding@example.org", "CSPR_PUBLIC_URL=https://cspr.example.org"})
class PostgresIT {

  static final String URL = System.getenv("CSPR_TEST_POSTGRES_URL");
  static final String BEFORE_FLYWAY = "NSCP-BEFORE-FLYWAY";

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired ResponseLinks links;
  @Autowired uk.cspr.casefile.CaseFiles caseFiles;

  /**
   * The database as the application left it before Flyway: our tables made at start, a case and a
   * link in them, and no schema history. The application must start on it, take its tables as they
   * are, and keep what they hold. Run while the context is prepared: it must come before Flyway, and
   * the process test coverage listener starts the context before any {@code @BeforeAll}.
   */
  static void aDatabaseFromBeforeFlyway() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, user(), password());
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS flyway_schema_history");
      // the DDL the application ran in its constructors before V1 took it over
      sql.execute("CREATE SEQUENCE IF NOT EXISTS cspr_case_number START WITH 1");
      sql.execute("CREATE TABLE IF NOT EXISTS cspr_case_reference (reference VARCHAR(40) PRIMARY KEY, "
          + "process_instance_id VARCHAR(64) NOT NULL, recorded_on DATE NOT NULL)");
      sql.execute("CREATE TABLE IF NOT EXISTS cspr_response_link (token_hash VARCHAR(64) PRIMARY KEY, "
          + "process_instance_id VARCHAR(64) NOT NULL, task_id VARCHAR(64) NOT NULL, issued_at TIMESTAMP NOT NULL, "
          + "expires_at TIMESTAMP NOT NULL, used_at TIMESTAMP)");
      sql.execute("DELETE FROM cspr_case_reference WHERE reference = '" + BEFORE_FLYWAY + "'");
      sql.execute("INSERT INTO cspr_case_reference VALUES ('" + BEFORE_FLYWAY + "', 'old-instance', DATE '2026-06-01')");
      sql.execute("DELETE FROM cspr_response_link WHERE token_hash = '" + "0".repeat(64) + "'");
      sql.execute("INSERT INTO cspr_response_link VALUES ('" + "0".repeat(64) + "', 'old-instance', 'old-task', "
          + "TIMESTAMP '2026-06-01 09:00:00', TIMESTAMP '2026-07-01 09:00:00', NULL)");
    }
  }

  private static String user() {
    return System.getenv().getOrDefault("CSPR_TEST_POSTGRES_USER", "cspr");
  }

  private static String password() {
    return System.getenv().getOrDefault("CSPR_TEST_POSTGRES_PASSWORD", "cspr");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws SQLException {
    aDatabaseFromBeforeFlyway();
    registry.add("CSPR_DB_URL", () -> URL == null ? "jdbc:postgresql://localhost/none" : URL);
    registry.add("CSPR_DB_USER", PostgresIT::user);
    registry.add("CSPR_DB_PASSWORD", PostgresIT::password);
  }

  @Test
  void aDatabaseFromBeforeFlywayIsBaselinedAndKeepsItsCasesAndLinks() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
        String.class)).containsExactly("0", "1", "2", "3"); // baselined, then V1, the identifying details (V2) and
    // the incident's place (V3) applied
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cspr_incident_place", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM cspr_case_reference WHERE reference = ?",
        String.class, BEFORE_FLYWAY)).isEqualTo("old-instance");
    assertThat(jdbc.queryForObject("SELECT task_id FROM cspr_response_link WHERE token_hash = ?",
        String.class, "0".repeat(64))).isEqualTo("old-task");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("cspr-case", BEFORE_FLYWAY,
        Workflow.panelIncident(WorkingDays.todayInEngland().minusDays(1).toString())))
        .isInstanceOf(Refusal.class).hasMessageContaining("already used");
  }

  @Test
  void casesGetUniqueReferencesAndAgenciesTheirLinksOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    String aware = WorkingDays.todayInEngland().minusDays(1).toString();
    ProcessInstance first = engine.getRuntimeService().startProcessInstanceByKey("cspr-case", Workflow.panelIncident(aware));
    ProcessInstance second = engine.getRuntimeService().startProcessInstanceByKey("cspr-case", Workflow.panelIncident(aware));
    int n1 = Integer.parseInt(first.getBusinessKey().substring(10));
    assertThat(first.getBusinessKey()).matches("CSPR-\\d{4}-\\d{4}");
    assertThat(second.getBusinessKey()).isEqualTo(first.getBusinessKey().substring(0, 10) + String.format("%04d", n1 + 1));
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey("cspr-case", first.getBusinessKey(), Workflow.panelIncident(aware)))
        .isInstanceOf(Refusal.class).hasMessageContaining("already used");

    Task request = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(first.getBusinessKey())
        .taskDefinitionKey("provideInformation").list().get(0);
    String token = links.issue(request);
    assertThat(links.resolve(token).task().getId()).isEqualTo(request.getId());
    engine.getTaskService().complete(request.getId(), Workflow.agencyAnswers());
    assertThat(links.resolve(token).opens()).isFalse();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(first.getBusinessKey()).count()).isGreaterThan(1);
    // the case file reads the same history on PostgreSQL
    engine.getIdentityService().setAuthentication("admin", java.util.List.of("camunda-admin"));
    try {
      var file = caseFiles.file(first.getBusinessKey());
      assertThat(file.deadlines()).extracting(d -> d.key()).contains("notifyPanel", "provideInformation");
      assertThat(file.sections()).anySatisfy(section -> assertThat(section.status()).isEqualTo("Answered"));
      assertThat(caseFiles.deadlines("all")).isNotEmpty();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("cspr-case")
        .latestVersion().singleResult().getHistoryTimeToLive()).isGreaterThanOrEqualTo(9131); // 25 years
  }
}
