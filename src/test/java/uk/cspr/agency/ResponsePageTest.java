package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * The response page driven over HTTP as an agency's browser drives it, from the link in a real
 * mail caught by the demo's SMTP server.
 */
@CsprSpringTest
class ResponsePageTest {

  static final AtomicInteger requests = new AtomicInteger();
  static final Pattern LINK = Pattern.compile("http://localhost:8080(/respond/[A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;
  Http http;
  Workflow workflow;

  @BeforeEach
  void parts() {
    http = new Http(port);
    workflow = new Workflow(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  record Asked(ProcessInstance request, String link) {}

  /** Asks the police for information and returns the request and the link its mail carries. */
  Asked askThePolice(String requestText) {
    String reference = "NSCP-LINK-" + requests.incrementAndGet();
    String due = WorkingDays.todayInEngland().plusDays(14).toString();
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, reference,
        Map.of("agencyId", "police", "responseDue", due, "requestText", requestText));
    workflow.executeDueJobs(request);
    return new Asked(request, linkIn(reference + ": request for information"));
  }

  String linkIn(String subjectStart) {
    MimeMessage mail = Arrays.stream(demoSmtpServer.getReceivedMessages())
        .filter(m -> subject(m).startsWith(subjectStart)).reduce((a, b) -> b).orElseThrow();
    Matcher m = LINK.matcher(plainText(mail));
    assertThat(m.find()).as("a response link in %s", plainText(mail)).isTrue();
    return m.group(1);
  }

  Task openTask(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  /** The answers as the page's script sends them: untyped values, as Tasklist does. */
  static Map<String, Object> answers(Object... overrides) {
    Map<String, Object> values = new LinkedHashMap<>(Workflow.agencyAnswers());
    for (int i = 0; i < overrides.length; i += 2) {
      values.put((String) overrides[i], overrides[i + 1]);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        variables.put(k, Map.of("value", v));
      }
    });
    return Map.of("variables", variables);
  }

  @Test
  void theLinkFromARealMailOpensTheRequestAndItsFormWithoutALogin() {
    Asked asked = askThePolice("Please describe contacts with the family since 2024.");
    Http.Response page = http.get(asked.link());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Northshire Safeguarding Children Partnership")
        .contains("Information for case " + asked.request().getBusinessKey())
        .contains("Please describe contacts with the family since 2024.")
        .contains("/respond-assets/vendor/form-viewer.umd.js")
        .contains("\"id\":\"provide-agency-information\"");
    for (String asset : new String[] {"/respond-assets/vendor/form-viewer.umd.js", "/respond-assets/vendor/form-js.css",
        "/respond-assets/respond.js", "/respond-assets/respond.css"}) {
      assertThat(http.get(asset).status()).as(asset).isEqualTo(200);
    }
    assertThat(http.get("/respond-assets/vendor/VERSION").body().trim()).isEqualTo("1.8.7");
  }

  @Test
  void submittingCompletesTheTaskTriggersTheAcknowledgementAndSpendsTheLink() {
    Asked asked = askThePolice("Your involvement.");
    Task task = openTask(asked.request());

    Http.Response sent = http.postJson(asked.link(), answers());
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("message").asText()).contains(asked.request().getBusinessKey());
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(asked.request().getId())
        .variableName("responderName").singleResult().getValue()).isEqualTo("Grace Whitfield");

    workflow.executeDueJobs(asked.request());
    assertThat(Arrays.stream(demoSmtpServer.getReceivedMessages()).map(m -> subject(m)))
        .contains(asked.request().getBusinessKey() + ": thank you: your information has been received");

    Http.Response again = http.get(asked.link());
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("This link has already been used").contains("safeguarding.partnership@example.org")
        .doesNotContain("Exception");
    assertThat(http.postJson(asked.link(), answers()).status()).isEqualTo(410);
  }

  @Test
  void aRequestAskedWithAnotherFormOpensThatFormAndTakesItsAnswersOnly() {
    String reference = "NSCP-LINK-" + requests.incrementAndGet();
    String due = WorkingDays.todayInEngland().plusDays(14).toString();
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, reference,
        Map.of("agencyId", "early-years", "responseDue", due, "requestText", "The learning: share what is seen at handover.",
            "requestForm", "confirm-learning-dissemination"));
    workflow.executeDueJobs(request);
    String link = linkIn(reference + ": request for information");

    Http.Response page = http.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("\"id\":\"confirm-learning-dissemination\"").doesNotContain("provide-agency-information")
        .contains("The learning: share what is seen at handover.");
    // it asks how the learning reached the agency's staff, not about the child: nothing of who the child is
    assertThat(page.body()).doesNotContain("The child and family");
    Http.Response identity = http.get(link + "/identity");
    assertThat(identity.status()).isEqualTo(404);
    assertThat(identity.json().path("message").asText()).contains("does not ask about the child");
    // the other form's answers are not this form's: nothing of them is written, and its own questions are missing
    Http.Response wrongForm = http.postJson(link, answers());
    assertThat(wrongForm.status()).isEqualTo(400);
    assertThat(wrongForm.json().path("message").asText()).contains("How the learning was shared is required");
    assertThat(openTask(request)).isNotNull();

    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("disseminationMethods", Map.of("value", "[\"BRIEFING\",\"SUPERVISION\"]", "type", "Json"));
    variables.put("disseminationDetails", Map.of("value", "Every nursery and childminder through the early years forum."));
    variables.put("practitionersReached", Map.of("value", 140));
    variables.put("disseminatedOn", Map.of("value", WorkingDays.todayInEngland().toString()));
    variables.put("responderName", Map.of("value", "Fatima Noor"));
    variables.put("responderRole", Map.of("value", "Early years safeguarding adviser"));
    Http.Response sent = http.postJson(link, Map.of("variables", variables));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName("practitionersReached").singleResult().getValue()).isEqualTo(140);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName("involvement").count()).isZero();
  }

  @Test
  void aMissingRequiredAnswerIsRefusedAndTheTaskStaysOpenWithTheLinkStillWorking() {
    Asked asked = askThePolice("Your involvement.");
    Http.Response refused = http.postJson(asked.link(), answers("keyPracticeEpisodes", null));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("Analysis of key practice episodes is required");
    assertThat(openTask(asked.request())).isNotNull();

    // the same checks as Tasklist's: a date in the future is refused too
    String tomorrow = WorkingDays.todayInEngland().plusDays(1).toString();
    Http.Response future = http.postJson(asked.link(), answers("involvementFrom", tomorrow));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("message").asText()).contains("Involvement from (" + UkDates.asTyped(LocalDate.parse(tomorrow)) + ") is in the future");
    assertThat(future.json().path("problems").get(0).path("field").asText()).isEqualTo("involvementFrom");
    // said as the page labels it, with the dates as typed, never "involvementTo: 2020-01-01"
    Http.Response backwards = http.postJson(asked.link(), answers("involvementFrom", "2025-01-10", "involvementTo", "2020-01-01"));
    assertThat(backwards.json().path("message").asText()).isEqualTo("The agency's information was not recorded: "
        + "Involvement to (01/01/2020) is before the start of the involvement (10/01/2025)");
    assertThat(http.get(asked.link()).status()).isEqualTo(200);
  }

  @Test
  void aTwentyThousandCharacterAnswerIsKeptWholeAndReadFromTheHistoryApi() {
    Asked asked = askThePolice("Your involvement.");
    String analysis = Workflow.longAnswer(20_000);

    Http.Response sent = http.postJson(asked.link(), answers("keyPracticeEpisodes", analysis));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);

    var kept = http.historicVariable(asked.request().getId(), "keyPracticeEpisodes");
    assertThat(kept.path("type").asText()).isEqualTo("String");
    assertThat(kept.path("value").asText()).isEqualTo(analysis);
  }

  @Test
  void anExpiredATamperedAnUnknownAndAWithdrawnLinkEachGetTheirPage() {
    Asked expiring = askThePolice("Your involvement.");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(31L * 24 * 3600)));
    Http.Response expired = http.get(expiring.link());
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired");
    ClockUtil.reset();

    String link = expiring.link();
    String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
    Http.Response wrong = http.get(tampered);
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.body()).contains("This link is not valid");
    assertThat(http.get("/respond/not-a-token").status()).isEqualTo(404);
    assertThat(http.get("/respond/%27%20OR%201%3D1--").status()).isEqualTo(404);

    Asked withdrawn = askThePolice("Your involvement.");
    Task manage = engine.getTaskService().createTaskQuery().processInstanceId(withdrawn.request().getId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
    engine.getTaskService().complete(manage.getId(), Map.of("requestAction", "WITHDRAW", "changeReason", "Not involved"));
    Http.Response gone = http.get(withdrawn.link());
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.body()).contains("This request has been withdrawn");
    assertThat(http.postJson(withdrawn.link(), answers()).status()).isEqualTo(410);
  }

  @Test
  void afterAnExtensionTheEarlierLinkOpensTheRenewedTask() {
    Asked asked = askThePolice("Your involvement.");
    Task manage = engine.getTaskService().createTaskQuery().processInstanceId(asked.request().getId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
    String later = LocalDate.parse((String) engine.getRuntimeService().getVariable(asked.request().getId(), "responseDue"))
        .plusDays(7).toString();
    while (!new WorkingDays(uk.cspr.testing.Calendars.shipped()).isWorkingDay(later)) {
      later = LocalDate.parse(later).plusDays(1).toString();
    }
    engine.getTaskService().complete(manage.getId(), Map.of("requestAction", "EXTEND", "newResponseDue", later,
        "changeReason", "Officer on leave"));
    assertThat(http.get(asked.link()).status()).isEqualTo(200);
    assertThat(http.postJson(asked.link(), answers()).status()).isEqualTo(200);
  }

  @Test
  void aDocumentOfAnAllowedTypeIsStoredAndDownloadableAndOthersAreRefused() throws Exception {
    Asked asked = askThePolice("Your involvement.");
    byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    Http.Response attached = http.postFile(asked.link() + "/documents", "chronology.pdf", pdf);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(http.postFile(asked.link() + "/documents", "chronology.docx", docx()).status()).isEqualTo(201);
    assertThat(http.get(asked.link() + "/documents").body()).contains("chronology.pdf").contains("chronology.docx");

    Http.Response renamed = http.postFile(asked.link() + "/documents", "report.pdf", "<html>hello</html>".getBytes());
    assertThat(renamed.status()).isEqualTo(415);
    assertThat(renamed.json().path("message").asText()).contains("PDF, Word (.doc, .docx) or OpenDocument text");
    assertThat(http.postFile(asked.link() + "/documents", "tool.exe", new byte[] {0x4D, 0x5A, 0, 0}).status()).isEqualTo(415);
    byte[] huge = new byte[11 * 1024 * 1024];
    System.arraycopy(pdf, 0, huge, 0, pdf.length);
    Http.Response oversized = http.postFile(asked.link() + "/documents", "big.pdf", huge);
    assertThat(oversized.status()).isEqualTo(413);
    assertThat(oversized.json().path("message").asText()).contains("larger than 10 MB");

    String reference = asked.request().getBusinessKey();
    assertThat(new Http(port).get("/api/cases/" + reference + "/documents").status()).isEqualTo(401);
    assertThat(new Http(port).basicAuth("police-lead", "police-lead").get("/api/cases/" + reference + "/documents").status())
        .isEqualTo(403);
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    Http.Response list = coordinator.get("/api/cases/" + reference + "/documents");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(2);
    String download = null;
    for (var document : list.json()) {
      if (document.path("name").asText().equals("chronology.pdf")) {
        download = document.path("download").asText();
      }
    }
    var file = coordinator.getBytes(download);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(file.body()).isEqualTo(pdf);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

    // coordinators attach from their own view too
    Http.Response byCoordinator = coordinator.header("X-Requested-By", "cspr")
        .postFile("/api/tasks/" + openTask(asked.request()).getId() + "/documents", "notes.pdf", pdf);
    assertThat(byCoordinator.status()).isEqualTo(201);
  }

  @Test
  void oneRequestTakesTenDocumentsAndTheListIsNeverCached() {
    Asked asked = askThePolice("Your involvement.");
    byte[] pdf = "%PDF-1.7\n% a page\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 1; i <= 10; i++) {
      assertThat(http.postFile(asked.link() + "/documents", "part-" + i + ".pdf", pdf).status()).isEqualTo(201);
    }
    Http.Response eleventh = http.postFile(asked.link() + "/documents", "part-11.pdf", pdf);
    assertThat(eleventh.status()).isEqualTo(409);
    assertThat(eleventh.json().path("message").asText()).contains("already has 10 documents");
    assertThat(engine.getTaskService().getTaskAttachments(openTask(asked.request()).getId())).hasSize(10);
    assertThat(http.getBytes(asked.link() + "/documents").headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void aMalformedRequestIsA400AndAnAnswerWithANulCharacterIsRefused() {
    Asked asked = askThePolice("Your involvement.");
    assertThat(new Http(port).header("Content-Type", "application/json").postRaw(asked.link(), "{not json").status())
        .isEqualTo(400);
    assertThat(new Http(port).postRaw(asked.link(), "variables=1").status()).isEqualTo(415); // not JSON at all
    Http.Response nul = http.postJson(asked.link(), answers("involvement", "Two visits\u0000 in 2025."));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.json().path("message").asText()).contains("Your agency's involvement with the child and family contains a character that is not text");
    assertThat(openTask(asked.request())).isNotNull();
    assertThat(http.postJson(asked.link(), answers()).status()).isEqualTo(200);
  }

  @Test
  void aDocumentIsServedAsWhatItIsNeverAsTheTypeItWasStoredWith() throws Exception {
    Asked asked = askThePolice("Your involvement.");
    Task task = openTask(asked.request());
    // as the engine's own attachment API lets anyone who may update the task store it
    var page = engine.getTaskService().createAttachment("text/html", task.getId(), task.getProcessInstanceId(),
        "notes.pdf", "", new java.io.ByteArrayInputStream("<html><script>alert(1)</script></html>".getBytes()));
    var served = new Http(port).basicAuth("coordinator", "coordinator")
        .getBytes("/api/cases/" + asked.request().getBusinessKey() + "/documents/" + page.getId());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
    assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
  }

  @Test
  void aLinkReachesOnlyItsOwnTask() {
    Asked mine = askThePolice("Mine: involvement.");
    Asked theirs = askThePolice("THEIRS-SECRET-QUESTION");
    assertThat(http.postFile(theirs.link() + "/documents", "theirs.pdf", "%PDF-1.4\n% theirs\n%%EOF\n".getBytes())
        .status()).isEqualTo(201);

    assertThat(http.get(mine.link()).body()).doesNotContain("THEIRS-SECRET-QUESTION")
        .doesNotContain(theirs.request().getBusinessKey());
    assertThat(http.get(mine.link() + "/documents").body()).doesNotContain("theirs.pdf");

    // fields outside the form are not written: the link cannot move the due date or rename the agency
    Map<String, Object> body = new HashMap<>(answers());
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = new HashMap<>((Map<String, Object>) body.get("variables"));
    variables.put("responseDue", Map.of("value", "2099-01-01"));
    variables.put("agencyId", Map.of("value", "health"));
    assertThat(http.postJson(mine.link(), Map.of("variables", variables)).status()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(mine.request().getId())
        .variableName("agencyId").singleResult().getValue()).isEqualTo("police");
    assertThat(openTask(theirs.request())).isNotNull();

    // and a coordinator's download is checked against the case asked for
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    String theirDocument = coordinator.get("/api/cases/" + theirs.request().getBusinessKey() + "/documents").json()
        .get(0).path("id").asText();
    assertThat(coordinator.get("/api/cases/" + mine.request().getBusinessKey() + "/documents/" + theirDocument).status())
        .isEqualTo(404);
  }

  private static byte[] docx() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes());
    }
    return bytes.toByteArray();
  }
}
