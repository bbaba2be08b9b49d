package uk.cspr.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * Health as a load balancer and an operator read it, and the metrics Prometheus reads, moving as cases
 * change, against the real engine and real SMTP servers.
 */
@CsprSpringTest
class OperationsTest {

  /** A mail server of this test's own, which it takes down: the demo's stays up for the other tests. */
  static final int OWN_SMTP_PORT = Integer.getInteger("cspr.test.smtp-port", 3125) + 70;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JavaMailSenderImpl mailSender;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void healthIsOpenToAProbeAndCoversTheDatabaseTheJobExecutorAndTheMailServer() {
    Http probe = new Http(port);
    Http.Response health = probe.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(names(health.json().path("components"))).contains("db", "jobExecutor", "mail");
    // nothing of a case or of the database's address, to whoever asks
    assertThat(health.body()).doesNotContain("jdbc:", "DEMO-", "localhost");

    Http.Response readiness = probe.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(names(readiness.json().path("components"))).contains("db", "jobExecutor", "readinessState")
        .doesNotContain("mail");
    assertThat(probe.get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
    assertThat(names(probe.get("/actuator/health/mail").json().path("components"))).containsExactly("mail");
  }

  @Test
  void theMailServerDownTakesDownItsOwnGroupNotReadinessAndItsMailsAreCountedAsFailed() {
    GreenMail own = new GreenMail(new ServerSetup(OWN_SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    own.start();
    int demoPort = mailSender.getPort();
    mailSender.setPort(OWN_SMTP_PORT);
    Http probe = new Http(port);
    Http manager = new Http(port).basicAuth("manager", "manager");
    try {
      assertThat(probe.get("/actuator/health/mail").status()).isEqualTo(200);
      Workflow workflow = new Workflow(engine);
      ProcessInstance theCase = workflow.recordCase(Workflow.panelIncident(uk.cspr.calendar.WorkingDays.todayInEngland().toString()));
      String metrics = manager.get("/actuator/prometheus").body();
      double sentBefore = value(metrics, "cspr_mails_sent_total", "template=\"agency-request\"");
      double failedBefore = value(metrics, "cspr_mails_failed_total", "template=\"agency-request\"");
      double incidentsBefore = value(metrics, "cspr_incidents_open", "");
      double failedJobsBefore = value(metrics, "cspr_jobs_failed", "");

      own.stop();
      Http.Response mail = probe.get("/actuator/health/mail");
      assertThat(mail.status()).isEqualTo(503);
      assertThat(mail.json().path("status").asText()).isEqualTo("DOWN");
      assertThat(probe.get("/actuator/health").status()).as("the whole, which an operator reads").isEqualTo(503);
      // a load balancer keeps the node: the mails wait for the server, the rest of the service works
      assertThat(probe.get("/actuator/health/readiness").status()).isEqualTo(200);
      assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);

      // the police's request cannot be mailed: tried, refused, waiting to be tried again
      Job police = mailJob(theCase);
      tryToRun(police);
      metrics = manager.get("/actuator/prometheus").body();
      assertThat(value(metrics, "cspr_mails_failed_total", "template=\"agency-request\"")).isEqualTo(failedBefore + 1);
      assertThat(value(metrics, "cspr_jobs_retrying", "")).isGreaterThanOrEqualTo(1);
      // three more tries and it is an incident for a manager in Cockpit
      for (int i = 0; i < 3; i++) {
        tryToRun(police);
      }
      metrics = manager.get("/actuator/prometheus").body();
      assertThat(value(metrics, "cspr_mails_failed_total", "template=\"agency-request\"")).isEqualTo(failedBefore + 4);
      assertThat(value(metrics, "cspr_jobs_failed", "")).as(engine.getManagementService().createJobQuery().noRetriesLeft()
          .list().stream().map(j -> j.getProcessDefinitionKey() + "/" + j.getExceptionMessage()).toList().toString())
          .isEqualTo(failedJobsBefore + 1);
      assertThat(value(metrics, "cspr_incidents_open", "")).isEqualTo(incidentsBefore + 1);

      // the server back, an administrator's Retry in Cockpit sends it: counted as sent, the incident gone
      own.start();
      assertThat(probe.get("/actuator/health/mail").status()).isEqualTo(200);
      engine.getIdentityService().setAuthentication("demo", java.util.List.of("camunda-admin"));
      try {
        engine.getManagementService().setJobRetries(police.getId(), 1);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      engine.getManagementService().executeJob(police.getId());
      metrics = manager.get("/actuator/prometheus").body();
      assertThat(value(metrics, "cspr_mails_sent_total", "template=\"agency-request\"")).isEqualTo(sentBefore + 1);
      assertThat(value(metrics, "cspr_incidents_open", "")).isEqualTo(incidentsBefore);
      assertThat(own.getReceivedMessages()).hasSize(1);
    } finally {
      mailSender.setPort(demoPort);
      own.stop();
    }
  }

  @Test
  void metricsNeedAManagersOrAnAdministratorsLogin() {
    Http.Response nobody = new Http(port).get("/actuator/prometheus");
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(nobody.body()).isEqualTo("Log in as a manager or an administrator to read the service's metrics.");
    assertThat(new Http(port).basicAuth("manager", "wrong").get("/actuator/prometheus").status()).isEqualTo(401);
    for (String notAnOperator : new String[] {"coordinator", "police-lead", "la-partner"}) {
      Http.Response refused = new Http(port).basicAuth(notAnOperator, notAnOperator).get("/actuator/prometheus");
      assertThat(refused.status()).as(notAnOperator).isEqualTo(403);
      assertThat(refused.body()).isEqualTo("Only managers and administrators read the service's metrics.");
    }
    assertThat(new Http(port).get("/actuator").status()).isEqualTo(401);
    assertThat(new Http(port).basicAuth("manager", "manager").get("/actuator/prometheus").status()).isEqualTo(200);
    assertThat(new Http(port).basicAuth("demo", "demo").get("/actuator/prometheus").status()).isEqualTo(200);
    // endpoints that are not exposed stay closed to an operator too
    assertThat(new Http(port).basicAuth("manager", "manager").get("/actuator/env").status()).isEqualTo(404);
  }

  @Test
  void openCasesByStageAndMissedDeadlinesMoveAsCasesChange() {
    Workflow.clockAt("2026-12-07T10:00");
    Http manager = new Http(port).basicAuth("manager", "manager");
    String metrics = manager.get("/actuator/prometheus").body();
    double open = value(metrics, "cspr_cases_open", "");
    double inNotification = value(metrics, "cspr_cases_in_stage", "stage=\"notification\"");
    double overdue = value(metrics, "cspr_deadlines_overdue", "");
    double requests = value(metrics, "cspr_agency_requests_open", "");

    // a case the partnership learnt of on Monday 23 November: the Panel should have been told by Monday 30th
    Workflow workflow = new Workflow(engine);
    ProcessInstance late = workflow.recordCase(Workflow.panelIncident("2026-11-23"));
    metrics = manager.get("/actuator/prometheus").body();
    assertThat(value(metrics, "cspr_cases_open", "")).isEqualTo(open + 1);
    assertThat(value(metrics, "cspr_cases_in_stage", "stage=\"notification\"")).isEqualTo(inNotification + 1);
    assertThat(value(metrics, "cspr_agency_requests_open", "")).as("police and health asked").isEqualTo(requests + 2);
    // missed on Monday 30 November: notifying the Panel and telling the local safeguarding partners
    assertThat(value(metrics, "cspr_deadlines_overdue", "")).isEqualTo(overdue + 2);

    // the Panel notified today (late, with the reason): one missed deadline left, then none
    workflow.complete(late, "notifyPanel", "panelNotificationReference", "CSONS-OPS-1", "notifiedOn", "2026-12-07",
        "notificationDelayReason", "The hospital told the partnership only last week.");
    assertThat(value(manager.get("/actuator/prometheus").body(), "cspr_deadlines_overdue", "")).isEqualTo(overdue + 1);
    workflow.complete(late, "confirmPartnersTold", "partnersToldOn", "2026-12-07");
    assertThat(value(manager.get("/actuator/prometheus").body(), "cspr_deadlines_overdue", "")).isEqualTo(overdue);

    engine.getRuntimeService().deleteProcessInstance(late.getId(), "test over");
    metrics = manager.get("/actuator/prometheus").body();
    assertThat(value(metrics, "cspr_cases_open", "")).isEqualTo(open);
  }

  /** The job that mails one of the case's agencies its request. */
  private Job mailJob(ProcessInstance theCase) {
    String request = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cspr-agency-request")
        .processInstanceBusinessKey(theCase.getBusinessKey()).list().get(0).getId();
    return engine.getManagementService().createJobQuery().processInstanceId(request).activityId("Task_SendRequest")
        .singleResult();
  }

  private void tryToRun(Job job) {
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException refusedByTheServer) {
      // as the job executor would: the failure is recorded on the job, and it waits for its next try
    }
  }

  private static java.util.List<String> names(JsonNode components) {
    java.util.List<String> names = new java.util.ArrayList<>();
    components.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A sample's value from Prometheus's text, by name and one label (or none); 0 when there is no sample yet. */
  static double value(String text, String name, String label) {
    Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(text);
    while (sample.find()) {
      if (label.isEmpty() || sample.group(1).contains(label)) {
        return Double.parseDouble(sample.group(2));
      }
    }
    return 0;
  }
}
