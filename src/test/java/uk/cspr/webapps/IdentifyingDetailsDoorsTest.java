package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * A child's identifying details through every door that has them, and through none that should
 * not: recorded and read by the coordinators, shown to the police inside their own request only,
 * each reading recorded, and never in a mail, a log line, the engine's APIs or its history.
 */
@CsprSpringTest
@ExtendWith(OutputCaptureExtension.class)
class IdentifyingDetailsDoorsTest {

  static final String CASE = "DEMO-2026-0001";
  static final String CHILD = "LCS-4471-A";
  static final String NAME = "Amelia Rose Quartermaine";
  static final Pattern LINK = Pattern.compile("http://localhost:8080(/respond/[A-Za-z0-9_-]{43})");
  static final String IDENTITY = "/api/cases/" + CASE + "/children/" + CHILD + "/identity";
  static final String PLACE = "/api/cases/" + CASE + "/incident-place";
  static final String WHERE = "Tideway Close play area, Northtown";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired IdentifyingDetails details;

  Http as(String user) {
    return new Http(port).basicAuth(user, user);
  }

  static Map<String, Object> amelia() {
    return Map.of("fullName", NAME, "otherNames", List.of("Amy Quartermaine"), "dateOfBirth", "2025-06-01",
        "address", "7 Tideway Close, Northtown NT4 2QQ", "nhsNumber", "943 476 5919", "carers", List.of("Rose Quartermaine"));
  }

  @Test
  void coordinatorsRecordAndReadThemAndNobodyElseDoes(CapturedOutput output) {
    Http coordinator = as("coordinator");
    Http.Response recorded = coordinator.putJson(IDENTITY, amelia());
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT sealed FROM cspr_child_identity WHERE case_reference = ? "
        + "AND child_reference = ?", String.class, CASE, CHILD)).doesNotContain("Quartermaine").doesNotContain("9434765919");

    Http.Response read = coordinator.get(IDENTITY);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("fullName").asText()).isEqualTo(NAME);
    assertThat(read.json().path("nhsNumber").asText()).isEqualTo("9434765919");
    assertThat(read.json().path("dateOfBirth").asText()).isEqualTo("2025-06-01");
    assertThat(details.views(CASE)).anySatisfy(view -> {
      assertThat(view.viewedBy()).isEqualTo("coordinator");
      assertThat(view.viewedThrough()).isEqualTo(IdentityApi.THROUGH);
    });

    // a manager learns that details exist, not what they are; nobody else may write them
    Http.Response manager = as("manager").get(IDENTITY);
    assertThat(manager.status()).isEqualTo(200);
    assertThat(manager.json().path("recorded").asBoolean()).isTrue();
    assertThat(manager.body()).doesNotContain("Quartermaine");
    assertThat(as("manager").putJson(IDENTITY, amelia()).status()).isEqualTo(403);
    assertThat(as("police-lead").putJson(IDENTITY, amelia()).status()).isEqualTo(403);
    assertThat(as("police-lead").get(IDENTITY).body()).doesNotContain("Quartermaine");
    assertThat(as("la-partner").get(IDENTITY).body()).doesNotContain("Quartermaine");
    assertThat(new Http(port).get(IDENTITY).status()).isEqualTo(401);

    assertThat(output.getAll()).doesNotContain("Quartermaine").doesNotContain("9434765919").doesNotContain("Tideway");
  }

  @Test
  void badDetailsAreA400NamingTheFieldAndKeepNothing() {
    Http coordinator = as("coordinator");
    Http.Response unknownChild = coordinator.putJson("/api/cases/" + CASE + "/children/LCS-NOBODY/identity", amelia());
    assertThat(unknownChild.status()).isEqualTo(404);
    assertThat(unknownChild.json().path("message").asText()).contains("has no child LCS-NOBODY");

    Map<String, Object> bad = new java.util.HashMap<>(amelia());
    bad.put("nhsNumber", "9434765918");
    bad.put("dateOfBirth", "2099-01-01");
    Http.Response refused = coordinator.putJson("/api/cases/DEMO-2026-0002/children/LCS-5120-B/identity", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("problems").findValuesAsText("field")).containsExactly("dateOfBirth", "nhsNumber");
    assertThat(refused.json().path("message").asText()).contains("Date of birth is after the incident")
        .contains("NHS number is not an NHS number").doesNotContain("2099").doesNotContain("9434765918");
    assertThat(details.childrenWithDetails("DEMO-2026-0002")).doesNotContain("LCS-5120-B");

    assertThat(coordinator.putJson(IDENTITY, Map.of("fullName", "")).json().path("problems").findValuesAsText("field"))
        .containsExactly("fullName");
  }

  @Test
  void thePoliceSeeTheirCasesChildInsideTheirOwnRequestAndEachViewIsRecorded(CapturedOutput output) throws Exception {
    askThePolice(CASE); // a request started on its own under the case's reference: the case is still the case
    Http.Response put = as("coordinator").putJson(IDENTITY, amelia());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(as("coordinator").putJson(PLACE, Map.of("place", WHERE)).status()).isEqualTo(200);
    String ours = askThePolice(CASE);
    String another = askThePolice("DEMO-2026-0002");

    Http link = new Http(port);
    Http.Response page = link.get(ours);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(NAME).contains("Amy Quartermaine").contains("Sunday 1 June 2025")
        .contains("7 Tideway Close").contains("9434765919").contains("Rose Quartermaine")
        .contains("Date of the incident</dt><dd>Monday 30 November 2026").contains(WHERE);
    Http.Response json = link.get(ours + "/identity");
    assertThat(json.json().path("children").get(0).path("childReference").asText()).isEqualTo(CHILD);
    assertThat(json.json().path("children").get(0).path("identity").path("fullName").asText()).isEqualTo(NAME);
    assertThat(json.json().path("incident").path("date").asText()).isEqualTo("2026-11-30");
    assertThat(json.json().path("incident").path("place").asText()).isEqualTo(WHERE);
    assertThat(details.views(CASE)).filteredOn(view -> view.viewedThrough().equals("Police's request, by its response link"))
        .hasSizeGreaterThanOrEqualTo(2);

    // another case's request shows none of this child
    assertThat(link.get(another).body()).doesNotContain("Quartermaine").doesNotContain("Tideway");
    assertThat(link.get(another + "/identity").body()).doesNotContain("Quartermaine").doesNotContain("Tideway");

    // nowhere else: no mail, no log line, no engine API, no history
    for (MimeMessage mail : demoSmtpServer.getReceivedMessages()) {
      assertThat(plainText(mail)).as(subject(mail)).doesNotContain("Quartermaine").doesNotContain("9434765919")
          .doesNotContain("Tideway");
    }
    assertThat(output.getAll()).doesNotContain("Quartermaine").doesNotContain("9434765919").doesNotContain("Tideway");
    Http coordinator = as("coordinator");
    for (String path : List.of("/engine-rest/variable-instance?deserializeValues=false",
        "/engine-rest/history/variable-instance?deserializeValues=false", "/engine-rest/task",
        "/engine-rest/history/detail?deserializeValues=false", "/engine-rest/history/task", "/api/cases/" + CASE)) {
      assertThat(coordinator.get(path).body()).as(path).doesNotContain("Quartermaine").doesNotContain("9434765919")
          .doesNotContain("Tideway");
    }
    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "coordinator", "coordinator")).isEqualTo(200);
    for (String path : List.of("/camunda/api/engine/engine/default/variable-instance?deserializeValues=false",
        "/camunda/api/engine/engine/default/history/variable-instance?deserializeValues=false",
        "/camunda/api/engine/engine/default/task")) {
      assertThat(tasklist.get(path).body()).as(path).doesNotContain("Quartermaine").doesNotContain("9434765919")
          .doesNotContain("Tideway");
    }
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT TEXT_ FROM ACT_HI_VARINST WHERE TEXT_ IS NOT NULL",
        String.class)).noneMatch(text -> text.contains("Quartermaine") || text.contains("Tideway"));
  }

  @Test
  void inTasklistThePoliceSeeThemOnTheirOwnRequestAndTheCoordinatorsSeeWhoHas() throws Exception {
    assertThat(as("coordinator").putJson(IDENTITY, amelia()).status()).isEqualTo(200);
    askThePolice(CASE);
    askThePolice("DEMO-2026-0003");
    var ours = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CASE)
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-police").list().get(0);
    var theirs = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0003")
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-police").list().get(0);
    String plugin = "/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/";

    Http police = new Http(port);
    assertThat(police.loginToWebapp("tasklist", "police-lead", "police-lead")).isEqualTo(200);
    Http.Response shown = police.get(plugin + ours.getId() + "/identity");
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().path("children").get(0).path("identity").path("fullName").asText()).isEqualTo(NAME);
    assertThat(shown.json().has("views")).as("an agency does not see who else has read them").isFalse();
    assertThat(police.get(plugin + theirs.getId() + "/identity").body()).doesNotContain("Quartermaine");
    // the case file itself, loaded with the tab, carries no details: they come only when asked for
    assertThat(police.get(plugin + ours.getId()).body()).doesNotContain("Quartermaine")
        .as("nor who has read them").doesNotContain("identifying-details");
    // a request started on its own is the only instance its agency sees: still not the case's whole file
    assertThat(police.get(plugin + theirs.getId()).body()).contains("REQUEST").doesNotContain("identifying-details");

    Http health = new Http(port);
    assertThat(health.loginToWebapp("tasklist", "health-lead", "health-lead")).isEqualTo(200);
    assertThat(health.get(plugin + ours.getId() + "/identity").status()).isEqualTo(404);

    Http coordinator = new Http(port);
    assertThat(coordinator.loginToWebapp("tasklist", "coordinator", "coordinator")).isEqualTo(200);
    var notify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CASE)
        .taskDefinitionKey("manageAgencyRequest").list().get(0);
    Http.Response file = coordinator.get(plugin + notify.getId() + "/identity");
    assertThat(file.json().path("children").get(0).path("identity").path("nhsNumber").asText()).isEqualTo("9434765919");
    assertThat(file.json().path("views").findValuesAsText("viewedThrough"))
        .contains("Police's request, in Tasklist", TaskIdentityEndpoints.THROUGH_CASE_FILE);
    assertThat(file.json().path("views").findValuesAsText("viewedBy")).contains("police-lead", "coordinator");
  }

  @Test
  void theCoordinatorsRecordThemInTasklistsCaseFileAndNobodyElseCan(CapturedOutput output) {
    String caseReference = "DEMO-2026-0004";
    askThePolice(caseReference);
    var police = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-police").list().get(0);
    var coordinators = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskCandidateGroup("cspr-coordinators").list().get(0);
    String plugin = "/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/";
    String child = plugin + coordinators.getId() + "/identity/children/LCS-6611-F";

    Http coordinator = new Http(port);
    assertThat(coordinator.loginToWebapp("tasklist", "coordinator", "coordinator")).isEqualTo(200);
    Map<String, Object> noah = Map.of("fullName", "Noah Quartermaine", "dateOfBirth", "2099-01-01", "nhsNumber", "1");
    Http.Response refused = coordinator.putJson(child, noah);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("problems").findValuesAsText("field")).containsExactly("dateOfBirth", "nhsNumber");
    assertThat(refused.json().path("message").asText()).contains("Date of birth is after the incident");
    assertThat(details.childrenWithDetails(caseReference)).isEmpty();

    assertThat(coordinator.putJson(child, Map.of("fullName", "Noah Quartermaine", "dateOfBirth", "2024-02-29",
        "carers", List.of("Rose Quartermaine"))).status()).isEqualTo(200);
    assertThat(coordinator.putJson(plugin + coordinators.getId() + "/identity/incident-place",
        Map.of("place", WHERE)).status()).isEqualTo(200);
    assertThat(coordinator.putJson(plugin + coordinators.getId() + "/identity/children/LCS-NOBODY",
        Map.of("fullName", "Someone")).status()).isEqualTo(404);

    Http.Response shown = coordinator.get(plugin + coordinators.getId() + "/identity");
    assertThat(shown.json().path("childReferences").toString()).contains("LCS-6610-E", "LCS-6611-F");
    assertThat(shown.json().path("children").get(0).path("identity").path("fullName").asText())
        .isEqualTo("Noah Quartermaine");
    assertThat(shown.json().path("incidentPlace").asText()).isEqualTo(WHERE);

    // the police read them on their request, and may write nothing; a manager neither
    Http agency = new Http(port);
    assertThat(agency.loginToWebapp("tasklist", "police-lead", "police-lead")).isEqualTo(200);
    Http.Response theirs = agency.get(plugin + police.getId() + "/identity");
    assertThat(theirs.json().path("incident").path("place").asText()).isEqualTo(WHERE);
    assertThat(theirs.json().path("incident").path("date").asText()).isEqualTo("2026-11-30");
    assertThat(agency.putJson(plugin + police.getId() + "/identity/children/LCS-6611-F",
        Map.of("fullName", "Someone Else")).status()).isEqualTo(403);
    assertThat(agency.putJson(plugin + police.getId() + "/identity/incident-place", Map.of("place", "Elsewhere"))
        .status()).isEqualTo(403);
    Http manager = new Http(port);
    assertThat(manager.loginToWebapp("cockpit", "manager", "manager")).isEqualTo(200);
    assertThat(manager.putJson(plugin + coordinators.getId() + "/identity/incident-place", Map.of("place", "Elsewhere"))
        .status()).isIn(401, 403, 404);
    assertThat(as("police-lead").putJson("/api/cases/" + caseReference + "/incident-place", Map.of("place", "Elsewhere"))
        .status()).isEqualTo(403);
    assertThat(details.readPlace(caseReference, "test", "test")).hasValueSatisfying(place ->
        assertThat(place.place()).isEqualTo(WHERE));

    // the case file says what is recorded and who has seen it, never what it is: to managers in Cockpit too
    Http.Response file = manager.get("/camunda/api/cockpit/plugin/cspr-deadlines/default/cases/" + caseReference);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    var section = java.util.stream.StreamSupport.stream(file.json().path("sections").spliterator(), false)
        .filter(s -> s.path("kind").asText().equals("identifying-details")).findFirst().orElseThrow();
    assertThat(section.path("status").asText()).isEqualTo("Partly recorded");
    assertThat(section.path("facts").findValuesAsText("text")).anySatisfy(text ->
        assertThat(text).startsWith("Recorded by coordinator, ")).contains("Not recorded")
        .anySatisfy(text -> assertThat(text).isEqualTo("police-lead saw where the incident happened, through "
            + "Police's request, in Tasklist"));
    assertThat(file.body()).doesNotContain("Quartermaine").doesNotContain("Tideway");
    assertThat(as("manager").get("/api/cases/" + caseReference + "/incident-place").body())
        .isEqualTo("{\"recorded\":true}");
    assertThat(output.getAll()).doesNotContain("Quartermaine").doesNotContain("Tideway");
  }

  /** Asks the police for information on the case and returns the link its mail carries. */
  String askThePolice(String caseReference) {
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey("cspr-agency-request", caseReference,
        Map.of("agencyId", "police", "responseDue", WorkingDays.todayInEngland().plusDays(14).toString(),
            "requestText", "Your involvement, please.", "incidentDate", "2026-11-30"));
    new Workflow(engine).executeDueJobs(request);
    MimeMessage mail = Arrays.stream(demoSmtpServer.getReceivedMessages())
        // the police's, not another agency's request of the same case whose mail went in the same run of jobs
        .filter(m -> subject(m).startsWith(caseReference + ": request for information"))
        .filter(m -> uk.cspr.testing.Mails.recipients(m).contains("police-lead@example.org")).reduce((a, b) -> b).orElseThrow();
    Matcher m = LINK.matcher(plainText(mail));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
