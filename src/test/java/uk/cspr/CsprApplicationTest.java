package uk.cspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.timescales.Timescales;

/** The application as a newcomer starts it: webapps up, demo people can log in, names resolvable from BPMN. */
@CsprSpringTest
class CsprApplicationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void tasklistCockpitAndAdminAreServed() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
      assertThat(page.statusCode()).as(app).isEqualTo(200);
      assertThat(page.body()).as(app).containsIgnoringCase("<html");
    }
  }

  @Test
  void demoPeopleLogInToTasklistWithTheirPasswordAndAWrongPasswordIsRefused() throws Exception {
    assertThat(login("demo", "demo", "tasklist")).isEqualTo(200);
    assertThat(login("coordinator", "coordinator", "tasklist")).isEqualTo(200);
    assertThat(login("police-lead", "police-lead", "tasklist")).isEqualTo(200);
    assertThat(login("manager", "manager", "cockpit")).isEqualTo(200);
    // a wrong password delays that user's next login (Camunda's throttling): use one no other test needs
    assertThat(login("adult-social-care-lead", "wrong", "tasklist")).isEqualTo(401);
  }

  @Test
  void bpmnExpressionsReachTheCalendarAndTheTimescalesByName() {
    assertThat(context.getBean("workingDays")).isInstanceOf(WorkingDays.class);
    assertThat(context.getBean("timescales")).isInstanceOf(Timescales.class);
  }

  @Test
  void theEngineRunsWithTheHardenedSettingsWhateverTheStarterConfigures() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getDefaultUserPermissionForTask())
        .isEqualTo(org.camunda.bpm.engine.authorization.Permissions.TASK_WORK);
    assertThat(configuration.isEnableExceptionsAfterUnhandledBpmnError()).isTrue();
    assertThat(configuration.getVariableSerializers().getSerializerByName(uk.cspr.engine.LongTextSerializer.NAME))
        .isNotNull();
  }

  @Test
  void theWorkflowIsDeployedUnderStableNames() {
    var deployment = engine.getRepositoryService().createDeploymentQuery().deploymentName("cspr").singleResult();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployment.getId()))
        .contains("processes/cspr-case.bpmn", "forms/record-serious-incident.form");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in as Tasklist's login page does: with the CSRF token the webapp hands out first. */
  private int login(String user, String password, String app) throws Exception {
    HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList());
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .header("Cookie", cookies)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
