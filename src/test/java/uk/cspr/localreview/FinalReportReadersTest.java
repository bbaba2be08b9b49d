package uk.cspr.localreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * A partner signs off a final report they can read: on their open sign-off task, the Tasklist case
 * file shows the local review and opens the report; once they have signed, or for anyone with no
 * part in the review (an agency), it does not; a manager sees that it exists.
 */
@CsprSpringTest
class FinalReportReadersTest {

  static final AtomicInteger reviews = new AtomicInteger();
  static final byte[] REPORT = "%PDF-1.4\n% the final report\n%%EOF\n".getBytes();
  static final String CASE_FILE = "/camunda/api/tasklist/plugin/cspr-case-file/default/";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aPartnerReadsTheReportTheySignAndNoLongerOnceSigned() {
    ProcessInstance review = reviewAwaitingSignOff();
    Task laSignOff = signOff(review, "partner-local-authority");

    Http la = webapp("la-partner");
    Http.Response tab = la.get(CASE_FILE + "tasks/" + laSignOff.getId());
    assertThat(tab.status()).as(tab.body()).isEqualTo(200);
    JsonNode report = localReview(tab.json()).path("documents").get(0);
    assertThat(report.path("name").asText()).isEqualTo("final-report.pdf");
    String download = report.path("download").asText();
    assertThat(download).startsWith(CASE_FILE + "documents/");
    var downloaded = la.getBytes(download);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(REPORT);

    // an agency, with nothing to do in the review, cannot open it
    assertThat(webapp("police-lead").getBytes(download).statusCode()).isEqualTo(403);

    // signed: the partner's part is done, and the report is no longer theirs to open
    Map<String, Object> signed = new HashMap<>();
    signed.put("signOffDecision", "SIGN_OFF");
    signed.put("signatoryName", "Helen Marsh");
    signed.put("signatoryRole", "LEAD_PARTNER");
    engine.getTaskService().complete(laSignOff.getId(), signed);
    assertThat(la.getBytes(download).statusCode()).isEqualTo(403);
    // another partner, still to sign, can
    assertThat(webapp("icb-partner").getBytes(download).statusCode()).isEqualTo(200);

    // a manager sees the report listed in Cockpit's case file, without a way to open it
    Http manager = new Http(port);
    assertThat(manager.loginToWebapp("cockpit", "manager", "manager")).isEqualTo(200);
    JsonNode managers = manager.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/process-instances/" + review.getId())
        .json();
    JsonNode listed = localReview(managers).path("documents").get(0);
    assertThat(listed.path("name").asText()).isEqualTo("final-report.pdf");
    assertThat(listed.path("download").isNull() || listed.path("download").isMissingNode()).isTrue();
  }

  @Test
  void aManagerSeesTheReportOfAnOpenTaskAndCannotOpenIt() {
    ProcessInstance review = reviewWithItsReportAttached();
    Http manager = new Http(port);
    assertThat(manager.loginToWebapp("cockpit", "manager", "manager")).isEqualTo(200);
    JsonNode listed = localReview(manager.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/process-instances/"
        + review.getId()).json()).path("documents").get(0);
    assertThat(listed.path("name").asText()).isEqualTo("final-report.pdf");
    assertThat(listed.path("download").isNull() || listed.path("download").isMissingNode()).isTrue();
    // reading every task is not being asked to act on one: the document itself is refused too
    assertThat(manager.getBytes("/camunda/api/cockpit/plugin/cspr-deadlines/default/documents/" + listed.path("id").asText())
        .statusCode()).isEqualTo(403);
    JsonNode overApi = new Http(port).basicAuth("manager", "manager").get("/api/cases/" + review.getBusinessKey()).json();
    assertThat(localReview(overApi).path("documents").get(0).path("download").isNull()).isTrue();
  }

  /** A local review started as the case starts it, its final report received with its document and accepted. */
  ProcessInstance reviewAwaitingSignOff() {
    ProcessInstance review = reviewWithItsReportAttached();
    String today = WorkingDays.todayInEngland().toString();
    Workflow workflow = new Workflow(engine);
    workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "FINAL", "reportReceivedOn", today);
    workflow.complete(review, LocalReview.TASK_QUALITY_ASSURE, "reportSetsOutImprovements", "YES", "reportAnalysesWhy", "YES",
        "qualityAssuranceOutcome", "ACCEPT");
    workflow.executeDueJobs(review);
    return review;
  }

  /** A local review started as the case starts it, the reviewer's final report attached to the task for it, still open. */
  ProcessInstance reviewWithItsReportAttached() {
    String today = WorkingDays.todayInEngland().toString();
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey(LocalReview.KEY,
        "NSCP-LR-" + reviews.incrementAndGet(), Map.of("localReviewDecisionOn", today));
    Workflow workflow = new Workflow(engine);
    workflow.complete(review, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", today);
    workflow.complete(review, LocalReview.TASK_APPOINT_REVIEWER, "reviewerName", "Ruth Okafor", "reviewerOrganisation",
        "Independent", "reviewerEmail", "ruth.okafor@example.org", "reviewerIndependenceDeclared", "YES",
        "reviewerDeclaration", "No past work with the agencies or the family.", "reviewerAppointedOn", today);
    workflow.complete(review, LocalReview.TASK_AGREE_TERMS, "termsOfReference", "How were concerns shared?",
        "reviewMethod", "SYSTEMS", "termsAgreedOn", today, "localReviewAgencies", SpinValues.jsonValue("[]").create());
    workflow.executeDueJobs(review);
    Task receive = workflow.task(review, LocalReview.TASK_RECEIVE_REPORT);
    engine.getTaskService().createAttachment("application/pdf", receive.getId(), review.getId(), "final-report.pdf",
        "attached by coordinator; 40 bytes", new ByteArrayInputStream(REPORT));
    return review;
  }

  Task signOff(ProcessInstance review, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LocalReview.TASK_SIGN_OFF).taskCandidateGroup(group).singleResult();
  }

  Http webapp(String user) {
    Http http = new Http(port);
    assertThat(http.loginToWebapp("tasklist", user, user)).isEqualTo(200);
    return http;
  }

  static JsonNode localReview(JsonNode file) {
    for (JsonNode section : file.path("sections")) {
      if (section.path("kind").asText().equals("local-review")) {
        return section;
      }
    }
    throw new AssertionError("No local review in " + file);
  }

  static List<String> names(JsonNode documents) {
    return documents.findValuesAsText("name");
  }
}
