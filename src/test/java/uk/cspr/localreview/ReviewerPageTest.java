package uk.cspr.localreview;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * The reviewer's page, {@code /review/{token}}, driven over HTTP as the reviewer's browser drives
 * it, from the link in a real mail caught by the demo's SMTP server, on a case that reached its
 * local review as cases do: recorded, notified, its rapid review signed off and sent, the Panel
 * agreeing to a local review. The reviewer works outside the system: the link is the only key.
 */
@CsprSpringTest
class ReviewerPageTest {

  static final Pattern REVIEW_LINK = Pattern.compile("http://localhost:8080(/review/[A-Za-z0-9_-]{43})");
  static final Pattern RESPOND_LINK = Pattern.compile("http://localhost:8080(/respond/[A-Za-z0-9_-]{43})");
  static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n% the review's report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  /** The child of {@link Workflow#panelIncident}, and who the coordinators record the child to be. */
  static final String CHILD = "LCS-0001-X";
  static final String NAME = "Jasper Thornfield-Okafor";
  static final String ADDRESS = "14 Wharf Lane, Northtown NT2 7PL";
  static final String NHS_NUMBER = "9434765919";
  static final String THROUGH_THE_LINK = "the reviewer, through their link";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;
  @Autowired ResponseLinks links;
  @Autowired DataSource dataSource;
  Http reviewer;
  Workflow workflow;

  @BeforeEach
  void parts() {
    reviewer = new Http(port);
    workflow = new Workflow(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theMailedLinkOpensThePageWithTheCaseTheReviewerAndTheDueDateAndNothingOfTheChild() {
    Review review = aCaseAtItsLocalReview();
    String reference = review.reference();
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    Http.Response recorded = coordinator.putJson("/api/cases/" + reference + "/children/" + CHILD + "/identity",
        Map.of("fullName", NAME, "dateOfBirth", WorkingDays.todayInEngland().minusYears(3).minusMonths(2).toString(),
            "address", ADDRESS, "nhsNumber", NHS_NUMBER, "carers", List.of("Maria Thornfield")));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);

    // the mail: to the reviewer, with the case reference only
    MimeMessage mail = lastMail(reference + ": your link for sending the review's report");
    assertThat(recipients(mail)).containsExactly("ruth.okafor@example.org");
    assertThat(plainText(mail)).contains("Dear Ruth Okafor").doesNotContain(CHILD);

    Http.Response page = reviewer.get(review.link());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("The review's report for case " + reference)
        .contains("<dt>Reviewer</dt><dd>Ruth Okafor</dd>")
        .contains("by the end of " + UkDates.longDate(review.due()))
        .contains("\"id\":\"send-review-report\"")
        .contains("Northshire Safeguarding Children Partnership")
        .doesNotContain(CHILD).doesNotContain("LCS-").doesNotContain("Thornfield").doesNotContain(NHS_NUMBER)
        .doesNotContain("Wharf Lane").doesNotContain("childReferences")
        // nor the partners' comments, before there are any
        .doesNotContain("The partners' comments");
    assertThat(reviewer.getBytes(review.link()).headers().firstValue("Cache-Control")).contains("no-store");
    Http.Response documents = reviewer.get(review.link() + "/documents");
    assertThat(documents.status()).isEqualTo(200);
    assertThat(documents.json()).isEmpty();

    // only the mailed token opens it: not an altered one, not the task's id, not what the database keeps
    String token = review.token();
    String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    Http.Response wrong = reviewer.get("/review/" + altered);
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.body()).contains("This link is not valid").doesNotContain(reference);
    assertThat(reviewer.get("/review/" + review.task().getId()).status()).isEqualTo(404);
    assertThat(reviewer.get("/review/" + sha256(token)).status()).isEqualTo(404);
    assertThat(reviewer.get("/review/%27%20OR%201%3D1--").status()).isEqualTo(404);
    assertThat(reviewer.postJson("/review/" + altered, send("FINAL")).status()).isEqualTo(404);
    assertThat(reviewer.postFile("/review/" + altered + "/documents", "report.pdf", PDF).status()).isEqualTo(404);
  }

  @Test
  void theReportIsAttachedAndSentThroughTheLinkOnceAndTheCaseFileKeepsIt() throws Exception {
    Review review = aCaseAtItsLocalReview();
    String reference = review.reference();
    Task task = review.task();

    Http.Response attached = reviewer.postFile(review.link() + "/documents", "draft-report.pdf", PDF);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(attached.json().path("message").asText()).isEqualTo("draft-report.pdf is attached. It is sent to the "
        + "partnership when you press Send.");
    Http.Response program = reviewer.postFile(review.link() + "/documents", "report.exe", new byte[] {0x4D, 0x5A, 0, 0});
    assertThat(program.status()).isEqualTo(415);
    assertThat(program.json().path("message").asText()).contains("is not a PDF, Word (.doc, .docx) or OpenDocument text");
    Http.Response page = reviewer.postFile(review.link() + "/documents", "report.pdf", "<html>hello</html>".getBytes());
    assertThat(page.status()).isEqualTo(415);
    assertThat(reviewer.get(review.link() + "/documents").json().findValuesAsText("name")).containsExactly("draft-report.pdf");

    Http.Response sent = reviewer.postJson(review.link(), send("DRAFT", "reviewerNote", "The first draft, for the partners."));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("message").asText()).contains(reference);

    // the task is done, as sent through the link today, and the quality assurance opens
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(workflow.task(review.theCase(), LocalReview.TASK_QUALITY_ASSURE)).isNotNull();
    String today = WorkingDays.todayInEngland().toString();
    assertThat(stageVariable(review, "reportReceivedOn")).isEqualTo(today);
    assertThat(stageVariable(review, "reviewerDocumentKind")).isEqualTo("DRAFT");
    assertThat(stageVariable(review, "reviewerReports").toString()).contains("\"by\":\"" + THROUGH_THE_LINK + "\"")
        .contains("The first draft, for the partners.");

    // the link works once
    Http.Response again = reviewer.postJson(review.link(), send("FINAL"));
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.json().path("message").asText()).contains("This link has been used");
    Http.Response reopened = reviewer.get(review.link());
    assertThat(reopened.status()).isEqualTo(410);
    assertThat(reopened.body()).contains("This link has been used").contains("safeguarding.partnership@example.org");
    assertThat(reviewer.postFile(review.link() + "/documents", "late.pdf", PDF).status()).isEqualTo(410);
    assertThat(reviewer.get(review.link() + "/documents").status()).isEqualTo(410);

    // and was kept only as its hash
    assertThat(links.hashesFor(review.stage().getId())).contains(sha256(review.token())).doesNotContain(review.token());
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT * FROM cspr_response_link")).allSatisfy(row ->
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(review.token())));

    // the case file's local review lists the report: a coordinator downloads it
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    JsonNode section = localReviewSection(coordinator.get("/api/cases/" + reference).json());
    assertThat(section.path("facts").findValuesAsText("label")).contains("Draft received "
        + UkDates.longDate(WorkingDays.todayInEngland()) + " (from " + THROUGH_THE_LINK + ")");
    JsonNode document = section.path("documents").get(0);
    assertThat(section.path("documents")).hasSize(1);
    assertThat(document.path("name").asText()).isEqualTo("draft-report.pdf");
    var file = coordinator.getBytes(document.path("download").asText());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(PDF);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

    // a manager sees that it is there, and cannot download it through either door
    Http manager = new Http(port).basicAuth("manager", "manager");
    JsonNode managersSection = localReviewSection(manager.get("/api/cases/" + reference).json());
    assertThat(managersSection.path("documents").findValuesAsText("name")).containsExactly("draft-report.pdf");
    assertThat(managersSection.path("documents").get(0).path("download").isNull()).isTrue();
    String documentId = document.path("id").asText();
    assertThat(manager.get("/api/cases/" + reference + "/documents/" + documentId).status()).isEqualTo(403);
    Http cockpit = new Http(port);
    assertThat(cockpit.loginToWebapp("cockpit", "manager", "manager")).isEqualTo(200);
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/documents/" + documentId).status())
        .isEqualTo(403);
  }

  @Test
  void aSendWithoutTheReportOrWithAKindNotOfferedIsRefusedAndNothingIsLost() {
    Review review = aCaseAtItsLocalReview();
    Task task = review.task();

    Http.Response nothingAttached = reviewer.postJson(review.link(), send("FINAL"));
    assertThat(nothingAttached.status()).isEqualTo(400);
    assertThat(nothingAttached.json().path("message").asText()).isEqualTo("Your report was not sent: Attach the report "
        + "before sending it: choose the document above.");
    assertThat(nothingAttached.json().path("problems").findValuesAsText("field")).containsExactly("documents");
    // every problem told at once, each in the words of the reviewer's own form
    Http.Response both = reviewer.postJson(review.link(), send("MAYBE"));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().path("problems").findValuesAsText("field"))
        .containsExactlyInAnyOrder("reviewerDocumentKind", "documents");
    assertThat(reviewer.postFile(review.link() + "/documents", "final-report.pdf", PDF).status()).isEqualTo(201);

    Http.Response maybe = reviewer.postJson(review.link(), send("MAYBE"));
    assertThat(maybe.status()).isEqualTo(400);
    assertThat(maybe.json().path("message").asText()).isEqualTo("Your report was not sent: What you are sending is not "
        + "one of the answers offered: 'MAYBE' (they are DRAFT or FINAL)");
    assertThat(maybe.json().path("problems").findValuesAsText("field")).containsExactly("reviewerDocumentKind");
    Http.Response unsaid = reviewer.postJson(review.link(), Map.of("variables", Map.of()));
    assertThat(unsaid.status()).isEqualTo(400);
    assertThat(unsaid.json().path("message").asText()).isEqualTo("Your report was not sent: What you are sending is required");
    Http.Response notText = reviewer.postJson(review.link(), Map.of("variables", Map.of("reviewerDocumentKind",
        Map.of("value", List.of("FINAL")))));
    assertThat(notText.status()).isEqualTo(400);
    assertThat(new Http(port).header("Content-Type", "application/json").postRaw(review.link(), "{not json").status())
        .isEqualTo(400);

    // nothing lost: the task open, the document with it, the link still working
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).extracting(Attachment::getName)
        .containsExactly("final-report.pdf");
    assertThat(stageVariable(review, "reportReceivedOn")).isNull();
    assertThat(reviewer.get(review.link()).status()).isEqualTo(200);
    Http.Response sent = reviewer.postJson(review.link(), send("FINAL"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(stageVariable(review, "reviewerDocumentKind")).isEqualTo("FINAL");
  }

  @Test
  void anAgencysLinkDoesNotOpenTheReviewersPageNorTheReviewersLinkTheAgencys() {
    Review review = aCaseAtItsLocalReview("police");
    String reference = review.reference();
    assertThat(new Http(port).basicAuth("coordinator", "coordinator").putJson("/api/cases/" + reference + "/children/"
        + CHILD + "/identity", Map.of("fullName", NAME, "address", ADDRESS)).status()).isEqualTo(200);
    // the police's request for the review's information, from its own mail (not the rapid review's, withdrawn)
    LocalDate agencyDue = LocalDate.parse((String) stageVariable(review, "localReviewAgencyResponseDue"));
    String agencyLink = linkIn(lastMail(reference + ": request for information, due " + UkDates.longDate(agencyDue)),
        RESPOND_LINK);
    assertThat(reviewer.get(agencyLink).status()).as("the police's link works on its own page").isEqualTo(200);
    String agencyToken = agencyLink.substring("/respond/".length());

    Http.Response asReviewer = reviewer.get("/review/" + agencyToken);
    assertThat(asReviewer.status()).isEqualTo(404);
    assertThat(asReviewer.body()).doesNotContain(reference);
    assertThat(reviewer.get("/review/" + agencyToken + "/documents").status()).isEqualTo(404);
    assertThat(reviewer.postFile("/review/" + agencyToken + "/documents", "report.pdf", PDF).status()).isEqualTo(404);
    assertThat(reviewer.postJson("/review/" + agencyToken, send("FINAL")).status()).isEqualTo(404);

    String reviewerToken = review.token();
    Http.Response asAgency = reviewer.get("/respond/" + reviewerToken);
    assertThat(asAgency.status()).isIn(404, 410);
    assertThat(asAgency.body()).doesNotContain(reference).doesNotContain("Thornfield");
    Http.Response identity = reviewer.get("/respond/" + reviewerToken + "/identity");
    assertThat(identity.status()).isIn(404, 410);
    assertThat(identity.body()).doesNotContain("Thornfield").doesNotContain("Wharf Lane");
    assertThat(reviewer.postFile("/respond/" + reviewerToken + "/documents", "report.pdf", PDF).status()).isIn(404, 410);
    assertThat(reviewer.postJson("/respond/" + reviewerToken, Map.of("variables", Map.of("reviewerDocumentKind",
        Map.of("value", "FINAL")))).status()).isIn(400, 404, 410);

    // each still opens its own page, its task untouched
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.task().getId()).count()).isEqualTo(1);
    assertThat(engine.getTaskService().getTaskAttachments(review.task().getId())).isEmpty();
    assertThat(reviewer.get(review.link()).status()).isEqualTo(200);
    assertThat(reviewer.get(agencyLink).status()).isEqualTo(200);
  }

  @Test
  void anExpiredLinkIsRefused() {
    Review review = aCaseAtItsLocalReview();
    assertThat(reviewer.postFile(review.link() + "/documents", "final-report.pdf", PDF).status()).isEqualTo(201);
    // the link works for the review's length, until a month after the final report is due, as its mail says
    LocalDate lastDay = review.due().plusMonths(1);
    assertThat(plainText(lastMail(review.reference() + ": your link for sending the review's report")))
        .contains("until the end of " + UkDates.longDate(lastDay));

    clockAt(lastDay.atTime(23, 0));
    assertThat(reviewer.get(review.link()).status()).as("on its last day").isEqualTo(200);
    clockAt(lastDay.plusDays(1).atTime(9, 0));
    Http.Response expired = reviewer.get(review.link());
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired").contains("Ask the partnership&#39;s coordinators for a new one");
    Http.Response sent = reviewer.postJson(review.link(), send("FINAL"));
    assertThat(sent.status()).isEqualTo(410);
    assertThat(sent.json().path("message").asText()).contains("This link has expired");
    assertThat(reviewer.postFile(review.link() + "/documents", "late.pdf", PDF).status()).isEqualTo(410);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.task().getId()).count()).isEqualTo(1);
    assertThat(engine.getTaskService().getTaskAttachments(review.task().getId())).hasSize(1);

    ClockUtil.reset();
    assertThat(reviewer.get(review.link()).status()).isEqualTo(200);
  }

  @Test
  void afterThePartnersReturnADraftTheNewLinkOpensTheNewTaskAndTheOldOneDoesNot() {
    Review review = aCaseAtItsLocalReview();
    assertThat(reviewer.postFile(review.link() + "/documents", "draft-1.pdf", PDF).status()).isEqualTo(201);
    assertThat(reviewer.postJson(review.link(), send("DRAFT")).status()).isEqualTo(200);

    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    Task qualityAssure = workflow.task(review.theCase(), LocalReview.TASK_QUALITY_ASSURE);
    Http.Response returned = coordinator.postJson("/engine-rest/task/" + qualityAssure.getId() + "/submit-form",
        form("reportSetsOutImprovements", "YES", "reportAnalysesWhy", "NO", "qualityAssuranceOutcome", "RETURN",
            "qualityAssuranceComments", "The analysis of why the school's concerns were not escalated is missing."));
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    workflow.executeDueJobs(review.theCase());

    Task renewed = workflow.task(review.theCase(), LocalReview.TASK_RECEIVE_REPORT);
    assertThat(renewed).isNotNull();
    assertThat(renewed.getId()).isNotEqualTo(review.task().getId());
    assertThat(plainText(lastMail(review.reference() + ": the partners' comments on the review's report")))
        .contains("The analysis of why the school's concerns were not escalated is missing.");
    String newLink = linkIn(lastMail(review.reference() + ": your link for sending the review's report"), REVIEW_LINK);
    assertThat(newLink).isNotEqualTo(review.link());

    assertThat(reviewer.get(review.link()).status()).isEqualTo(410);
    assertThat(reviewer.postFile(review.link() + "/documents", "draft-2.pdf", PDF).status()).isEqualTo(410);
    Http.Response page = reviewer.get(newLink);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("The partners' comments on your last version")
        .contains("The analysis of why the school&#39;s concerns were not escalated is missing.");
    assertThat(reviewer.get(newLink + "/documents").json()).as("the first version stays with the first task").isEmpty();

    assertThat(reviewer.postFile(newLink + "/documents", "final-report.pdf", PDF).status()).isEqualTo(201);
    assertThat(engine.getTaskService().getTaskAttachments(renewed.getId())).extracting(Attachment::getName)
        .containsExactly("final-report.pdf");
    assertThat(engine.getTaskService().getTaskAttachments(review.task().getId())).extracting(Attachment::getName)
        .containsExactly("draft-1.pdf");
    Http.Response sent = reviewer.postJson(newLink, send("FINAL"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(renewed.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(workflow.task(review.theCase(), LocalReview.TASK_QUALITY_ASSURE)).isNotNull();
    assertThat(reviewer.get(newLink).status()).isEqualTo(410);

    JsonNode section = localReviewSection(coordinator.get("/api/cases/" + review.reference()).json());
    assertThat(section.path("documents").findValuesAsText("name")).containsExactlyInAnyOrder("draft-1.pdf",
        "final-report.pdf");
    assertThat(section.path("facts").findValuesAsText("text")).anyMatch(text -> text.startsWith("returned to the reviewer"));
  }

  @Test
  void theCoordinatorsAttachTheReportInTasklistAndReceiveItThemselves() {
    Review review = aCaseAtItsLocalReview();
    Task task = review.task();
    String documents = "/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/" + task.getId() + "/documents";

    Http coordinator = webapp("tasklist", "coordinator");
    Http.Response attached = coordinator.postFile(documents, "report-by-post.pdf", PDF);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(coordinator.postFile(documents, "report.exe", new byte[] {0x4D, 0x5A, 0, 0}).status()).isEqualTo(415);
    // not a partner or an agency, who cannot see the task, nor a manager, who may only read it
    assertThat(webapp("tasklist", "la-partner").postFile(documents, "partner.pdf", PDF).status()).isEqualTo(403);
    assertThat(webapp("tasklist", "police-lead").postFile(documents, "agency.pdf", PDF).status()).isEqualTo(403);
    assertThat(new Http(port).basicAuth("police-lead", "police-lead").header("X-Requested-By", "cspr")
        .postFile("/api/tasks/" + task.getId() + "/documents", "agency.pdf", PDF).status()).isEqualTo(403);
    assertThat(webapp("cockpit", "manager").postFile(documents, "manager.pdf", PDF).status()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).extracting(Attachment::getName)
        .containsExactly("report-by-post.pdf");

    Http api = new Http(port).basicAuth("coordinator", "coordinator");
    Http.Response listed = api.get("/api/cases/" + review.reference() + "/documents");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("name")).containsExactly("report-by-post.pdf");
    assertThat(listed.json().get(0).path("taskId").asText()).isEqualTo(task.getId());
    assertThat(api.getBytes(listed.json().get(0).path("download").asText()).body()).isEqualTo(PDF);
    assertThat(new Http(port).basicAuth("manager", "manager").get("/api/cases/" + review.reference() + "/documents")
        .status()).isEqualTo(403);

    String today = WorkingDays.todayInEngland().toString();
    Http.Response received = coordinator.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        form("reviewerDocumentKind", "FINAL", "reportReceivedOn", today, "reviewerNote", "Sent by post."));
    assertThat(received.status()).as(received.body()).isEqualTo(204);
    assertThat(workflow.task(review.theCase(), LocalReview.TASK_QUALITY_ASSURE)).isNotNull();
    assertThat(stageVariable(review, "reviewerReports").toString()).contains("\"by\":\"coordinator\"");
    // the reviewer's link opened that task, which is done: the page says so, not that the link was used
    Http.Response afterwards = reviewer.get(review.link());
    assertThat(afterwards.status()).isEqualTo(410);
    assertThat(afterwards.body()).contains("The report has already been received").doesNotContain("This link has been used");
    assertThat(reviewer.postJson(review.link(), send("FINAL")).json().path("message").asText())
        .startsWith("The report has already been received");
    assertThat(localReviewSection(api.get("/api/cases/" + review.reference()).json()).path("documents")
        .findValuesAsText("name")).containsExactly("report-by-post.pdf");
  }

  // --- the language of these tests ---

  /** A case at its local review: the reviewer appointed and mailed a link, and the link; the task it opens. */
  record Review(ProcessInstance theCase, ProcessInstance stage, String link, Task task, LocalDate due) {
    String reference() {
      return theCase.getBusinessKey();
    }

    String token() {
      return link.substring("/review/".length());
    }
  }

  /**
   * A case recorded today, notified, its rapid review signed off and sent, the Panel agreeing to the
   * partners' local review; the review's reviewer appointed and its terms agreed (asking these
   * agencies), the reviewer mailed their link.
   */
  Review aCaseAtItsLocalReview(String... agencies) {
    String today = WorkingDays.todayInEngland().toString();
    ProcessInstance theCase = workflow.recordCase(Workflow.panelIncident(today));
    workflow.complete(theCase, "notifyPanel", "panelNotificationReference", "CSONS-2026-0042", "notifiedOn", today);
    workflow.complete(theCase, "confirmPartnersTold", "partnersToldOn", today);
    workflow.executeDueJobs(theCase);
    workflow.sendTheRapidReviewToThePanel(theCase, today, today);
    workflow.complete(theCase, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED", "panelResponseOn", today,
        "panelResponseReference", "CSPRP/2026/0042", "panelResponseSummary", "");
    workflow.executeDueJobs(theCase);
    ProcessInstance stage = workflow.stage(theCase, LocalReview.KEY);
    assertThat(stage).as("the case's local review").isNotNull();

    if (workflow.task(theCase, LocalReview.TASK_INFORM) != null) {
      workflow.complete(theCase, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", today);
    }
    Map<String, Object> reviewer = new HashMap<>();
    reviewer.put("reviewerName", "Ruth Okafor");
    reviewer.put("reviewerOrganisation", "Independent");
    reviewer.put("reviewerEmail", "ruth.okafor@example.org");
    reviewer.put("reviewerIndependenceDeclared", "YES");
    reviewer.put("reviewerDeclaration", "No past work with the agencies involved or with the family.");
    reviewer.put("reviewerAppointedOn", today);
    engine.getTaskService().complete(workflow.task(theCase, LocalReview.TASK_APPOINT_REVIEWER).getId(), reviewer);
    Map<String, Object> terms = new HashMap<>();
    terms.put("termsOfReference", "How were the school's concerns shared?");
    terms.put("reviewMethod", "SYSTEMS");
    terms.put("termsAgreedOn", today);
    terms.put("localReviewAgencies", SpinValues.jsonValue(agencies.length == 0 ? "[]"
        : "[\"" + String.join("\",\"", agencies) + "\"]").create());
    engine.getTaskService().complete(workflow.task(theCase, LocalReview.TASK_AGREE_TERMS).getId(), terms);
    workflow.executeDueJobs(theCase);

    String link = linkIn(lastMail(theCase.getBusinessKey() + ": your link for sending the review's report"), REVIEW_LINK);
    return new Review(theCase, stage, link, workflow.task(theCase, LocalReview.TASK_RECEIVE_REPORT),
        LocalDate.parse((String) engine.getRuntimeService().getVariable(stage.getId(), "localReviewDue")));
  }

  /** The last mail whose subject starts so. */
  MimeMessage lastMail(String subjectStart) {
    return Arrays.stream(demoSmtpServer.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart))
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("No mail " + subjectStart));
  }

  static String linkIn(MimeMessage mail, Pattern link) {
    Matcher m = link.matcher(plainText(mail));
    assertThat(m.find()).as("a link in %s", plainText(mail)).isTrue();
    return m.group(1);
  }

  /** What the page's script sends: the form's answers, untyped. */
  static Map<String, Object> send(String kind, Object... more) {
    Object[] fields = new Object[2 + more.length];
    fields[0] = "reviewerDocumentKind";
    fields[1] = kind;
    System.arraycopy(more, 0, fields, 2, more.length);
    return form(fields);
  }

  static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], Map.of("value", keysAndValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  Object stageVariable(Review review, String name) {
    return engine.getRuntimeService().getVariable(review.stage().getId(), name);
  }

  static JsonNode localReviewSection(JsonNode caseFile) {
    for (JsonNode section : caseFile.path("sections")) {
      if (section.path("kind").asText().equals("local-review")) {
        return section;
      }
    }
    throw new AssertionError("No local review in the case file: " + caseFile);
  }

  Http webapp(String app, String user) {
    Http http = new Http(port);
    assertThat(http.loginToWebapp(app, user, user)).isEqualTo(200);
    return http;
  }

  static void clockAt(java.time.LocalDateTime inEngland) {
    ClockUtil.setCurrentTime(Date.from(inEngland.atZone(WorkingDayCalendar.LONDON).toInstant()));
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
