package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * The case file through both its doors, as its readers meet it: our API with HTTP Basic for
 * scripts, and the Tasklist and Cockpit plugin resources with the webapps' own login. An agency
 * answers through the link in its mail with a document; the coordinator reads the answer and
 * downloads the document; an agency and a partner see nothing they should not.
 */
@CsprSpringTest
class CaseFileDoorsTest {

  static final AtomicInteger cases = new AtomicInteger();
  static final Pattern LINK = Pattern.compile("http://localhost:8080(/respond/[A-Za-z0-9_-]{43})");
  static final byte[] PDF = "%PDF-1.4\n% the police chronology\n%%EOF\n".getBytes();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;

  Http as(String user) {
    return new Http(port).basicAuth(user, user);
  }

  Http webapp(String app, String user) {
    Http http = new Http(port);
    assertThat(http.loginToWebapp(app, user, user)).isEqualTo(200);
    return http;
  }

  /** A case recorded over REST by the coordinator, its requests sent, and the police's response link. */
  record Recorded(ProcessInstance caseInstance, String policeLink) {
    String reference() {
      return caseInstance.getBusinessKey();
    }
  }

  Recorded recordACase() {
    String reference = "NSCP-FILE-" + cases.incrementAndGet();
    String aware = WorkingDays.todayInEngland().minusDays(1).toString();
    Map<String, Object> variables = new LinkedHashMap<>();
    Workflow.panelIncident(aware).forEach((k, v) -> variables.put(k, Map.of("value", v)));
    Http.Response started = as("coordinator").postJson(
        "/engine-rest/process-definition/key/cspr-case/start", Map.of("businessKey", reference, "variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    ProcessInstance caseInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey("cspr-case").singleResult();
    new Workflow(engine).executeDueJobs(caseInstance);
    MimeMessage mail = Arrays.stream(demoSmtpServer.getReceivedMessages())
        .filter(m -> subject(m).startsWith(reference + ": request for information"))
        .filter(m -> plainText(m).contains("Police")).reduce((a, b) -> b).orElseThrow();
    Matcher link = LINK.matcher(plainText(mail));
    assertThat(link.find()).isTrue();
    return new Recorded(caseInstance, link.group(1));
  }

  /** The police answer through their link, with a document and an immediate concern about a sibling. */
  void policeAnswerThroughTheLink(Recorded recorded) {
    Http agency = new Http(port);
    assertThat(agency.postFile(recorded.policeLink() + "/documents", "chronology.pdf", PDF).status()).isEqualTo(201);
    Map<String, Object> values = new LinkedHashMap<>(Workflow.agencyAnswers());
    values.put("immediateConcernsRaised", "YES");
    values.put("immediateSafeguardingConcerns", "The 7-year-old sibling lives with the same adults.");
    values.put("responderName", "Mark Bennett");
    values.put("responderRole", "Detective inspector");
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    Http.Response sent = agency.postJson(recorded.policeLink(), Map.of("variables", variables));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    new Workflow(engine).executeDueJobs(recorded.caseInstance());
  }

  static JsonNode section(JsonNode file, String title) {
    for (JsonNode s : file.path("sections")) {
      if (s.path("title").asText().equals(title)) {
        return s;
      }
    }
    throw new AssertionError("No section " + title + " in " + file);
  }

  static String answer(JsonNode section, String key) {
    for (JsonNode a : section.path("answers")) {
      if (a.path("key").asText().equals(key)) {
        return a.path("text").asText();
      }
    }
    return null;
  }

  @Test
  void theCoordinatorReadsTheAnswerGivenThroughTheLinkAndDownloadsItsDocument() {
    Recorded recorded = recordACase();
    policeAnswerThroughTheLink(recorded);

    Http.Response response = as("coordinator").get("/api/cases/" + recorded.reference());
    assertThat(response.status()).isEqualTo(200);
    JsonNode file = response.json();
    JsonNode police = section(file, "Request to Police");
    assertThat(police.path("status").asText()).isEqualTo("Answered");
    assertThat(answer(police, "keyPracticeEpisodes")).isEqualTo(Workflow.agencyAnswers().get("keyPracticeEpisodes"));
    assertThat(file.path("immediateConcerns").get(0).path("concern").asText())
        .isEqualTo("The 7-year-old sibling lives with the same adults.");
    JsonNode document = police.path("documents").get(0);
    assertThat(document.path("name").asText()).isEqualTo("chronology.pdf");
    String apiDownload = document.path("download").asText();
    assertThat(apiDownload).isEqualTo("/api/cases/" + recorded.reference() + "/documents/" + document.path("id").asText());
    assertThat(as("coordinator").getBytes(apiDownload).body()).isEqualTo(PDF);
    assertThat(file.path("timeline").findValuesAsText("by"))
        .contains("Mark Bennett, Detective inspector (through the response link)", "Priya Shah (coordinator)");

    // the same file in Tasklist, from one of the case's tasks, with the webapp's session
    Http tasklist = webapp("tasklist", "coordinator");
    Task notify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.reference())
        .taskDefinitionKey("notifyPanel").singleResult();
    Http.Response tab = tasklist.get("/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/" + notify.getId());
    assertThat(tab.status()).as(tab.body()).isEqualTo(200);
    JsonNode inTasklist = tab.json();
    assertThat(inTasklist.path("scope").asText()).isEqualTo("CASE");
    assertThat(inTasklist.path("immediateConcerns").size()).isEqualTo(1);
    String download = section(inTasklist, "Request to Police").path("documents").get(0).path("download").asText();
    assertThat(download).startsWith("/camunda/api/tasklist/plugin/cspr-case-file/default/documents/");
    HttpResponse<byte[]> downloaded = tasklist.getBytes(download);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(PDF);
    assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(downloaded.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
  }

  @Test
  void theListsComeAsJsonOrCsvAndBadInputIsRefusedWithAMessage() {
    Recorded recorded = recordACase();
    Http coordinator = as("coordinator");
    JsonNode list = coordinator.get("/api/cases").json();
    assertThat(list.findValuesAsText("reference")).contains(recorded.reference(), "DEMO-2026-0001");

    Http.Response csv = coordinator.get("/api/deadlines?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("reference,deadline,key,stage,due,status,workingDaysLeft,rag,completedOn,onTime,provisional");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(recorded.reference() + ",Notify the Panel,notifyPanel,"));
    Http.Response byAccept = new Http(port).basicAuth("coordinator", "coordinator").header("Accept", "text/csv").get("/api/cases");
    assertThat(byAccept.body()).startsWith("reference,state,awareDate,");
    assertThat(byAccept.body()).contains(recorded.reference() + ",OPEN,");

    Http.Response badFormat = coordinator.get("/api/cases?format=xlsx");
    assertThat(badFormat.status()).isEqualTo(400);
    assertThat(badFormat.json().path("message").asText()).isEqualTo("format must be json or csv (was 'xlsx')");
    assertThat(coordinator.get("/api/deadlines?state=soon").status()).isEqualTo(400);
    Http.Response unknown = coordinator.get("/api/cases/NO-SUCH-CASE");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).isEqualTo("There is no case NO-SUCH-CASE");
    assertThat(unknown.body()).doesNotContain("Exception");
    assertThat(new Http(port).get("/api/cases").status()).isEqualTo(401);
  }

  @Test
  void anAgencySeesOnlyItsOwnRequestAndAPartnerNothingOfACase() {
    Recorded recorded = recordACase();
    policeAnswerThroughTheLink(recorded);
    String reference = recorded.reference();

    for (String outsider : new String[] {"police-lead", "health-lead", "police-partner"}) {
      Http api = as(outsider);
      Http.Response file = api.get("/api/cases/" + reference);
      assertThat(file.status()).as(outsider).isEqualTo(403);
      assertThat(file.body()).as(outsider).doesNotContain("LCS-").doesNotContain("sibling").doesNotContain("Police");
      assertThat(api.get("/api/cases").json().size()).as(outsider).isZero();
      assertThat(api.get("/api/deadlines?state=all").json().size()).as(outsider).isZero();
    }

    // health, through its own open task in Tasklist: its request, nothing of the case or the police
    Task healthTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-health").singleResult();
    Http health = webapp("tasklist", "health-lead");
    Http.Response own = health.get("/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/" + healthTask.getId());
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    JsonNode request = own.json();
    assertThat(request.path("scope").asText()).isEqualTo("REQUEST");
    assertThat(request.path("sections").size()).isEqualTo(1);
    assertThat(request.path("sections").get(0).path("title").asText()).isEqualTo("Request to Health");
    assertThat(request.path("children").size()).isZero();
    assertThat(request.path("timeline").size()).isZero();
    assertThat(request.path("immediateConcerns").size()).isZero();
    assertThat(own.body()).doesNotContain("LCS-").doesNotContain("sibling").doesNotContain("Request to Police");

    String policeDocument = section(as("coordinator").get("/api/cases/" + reference).json(), "Request to Police")
        .path("documents").get(0).path("id").asText();
    Task policeTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("notifyPanel").singleResult();
    assertThat(health.get("/camunda/api/tasklist/plugin/cspr-case-file/default/cases/" + reference).status()).isEqualTo(403);
    assertThat(health.get("/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/" + policeTask.getId()).status())
        .isEqualTo(403);
    assertThat(health.get("/camunda/api/tasklist/plugin/cspr-case-file/default/cases").json().size()).isZero();
    Http.Response stolen = health.get("/camunda/api/tasklist/plugin/cspr-case-file/default/documents/" + policeDocument);
    assertThat(stolen.status()).isEqualTo(403);
    assertThat(stolen.body()).doesNotContain("PDF");
    // the Cockpit door is the same service: an agency's login gets nothing there either
    assertThat(health.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/cases/" + reference).status()).isEqualTo(403);
    assertThat(health.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/deadlines").json().size()).isZero();
  }

  @Test
  void theManagerSeesEveryCaseInCockpitButOpensNoDocument() {
    Recorded recorded = recordACase();
    policeAnswerThroughTheLink(recorded);
    Http cockpit = webapp("cockpit", "manager");

    JsonNode open = cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/cases?state=open").json();
    assertThat(open.findValuesAsText("reference")).contains(recorded.reference(), "DEMO-2026-0001");
    JsonNode missed = cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/deadlines").json();
    assertThat(missed.findValuesAsText("reference")).contains("DEMO-2026-0001"); // notified late in the demo
    Http.Response tab = cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/process-instances/"
        + recorded.caseInstance().getId());
    assertThat(tab.status()).isEqualTo(200);
    JsonNode police = section(tab.json(), "Request to Police");
    assertThat(police.path("documents").get(0).path("download").isNull()).isTrue();
    String documentId = police.path("documents").get(0).path("id").asText();
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/documents/" + documentId).status())
        .isEqualTo(403);
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/deadlines?format=csv").body())
        .startsWith("reference,deadline,");
  }

  @Test
  void thePluginsAreServedToTheWebapps() {
    Http tasklist = webapp("tasklist", "coordinator");
    assertThat(tasklist.get("/camunda/api/tasklist/plugin/cspr-case-file/static/app/plugin.js").body())
        .contains("tasklist.task.detail").contains("Case file");
    Http cockpit = webapp("cockpit", "manager");
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/cspr-deadlines/static/app/plugin.js").body())
        .contains("cockpit.route").contains("cockpit.dashboard").contains("cockpit.processInstance.runtime.tab");
    assertThat(new Http(port).get("/case-file/case-file.js").body()).contains("export function renderCaseFile");
  }
}
