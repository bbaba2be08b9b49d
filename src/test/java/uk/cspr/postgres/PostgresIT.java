package uk.cspr.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.Workflow;
import uk.cspr.validation.Refusal;

/**
 * The production database: the application on a real PostgreSQL server (which .ci/run installs
 * and starts), with the engine's schema, our case-reference sequence and register, and the
 * response-link table. Skipped where no database is named; .ci/run always names one.
 */
@EnabledIfEnvironmentVariable(named = "CSPR_TEST_POSTGRES_URL", matches = ".+",
    disabledReason = "set CSPR_TEST_POSTGRES_URL (and _USER, _PASSWORD) to test against PostgreSQL; .ci/run does")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=production,postgres",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1", "spring.mail.port=2598",
    "CSPR_ADMIN_USER=admin", "CSPR_ADMIN_PASSWORD=Correct-Horse-Battery-9", "CSPR_ADMIN_EMAIL=admin@example.org",
    "CSPR_PARTNERSHIP_NAME=Northshire Safeguarding Children Partnership",
    "CSPR_COORDINATORS_EMAIL=safeguarding@example.org", "CSPR_PUBLIC_URL=https://cspr.example.org"})
class PostgresIT {

  static final String URL = System.getenv("CSPR_TEST_POSTGRES_URL");

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired ResponseLinks links;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("CSPR_DB_URL", () -> URL == null ? "jdbc:postgresql://localhost/none" : URL);
    registry.add("CSPR_DB_USER", () -> System.getenv().getOrDefault("CSPR_TEST_POSTGRES_USER", "cspr"));
    registry.add("CSPR_DB_PASSWORD", () -> System.getenv().getOrDefault("CSPR_TEST_POSTGRES_PASSWORD", "cspr"));
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
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("cspr-case")
        .latestVersion().singleResult().getHistoryTimeToLive()).isGreaterThanOrEqualTo(9131); // 25 years
  }
}
