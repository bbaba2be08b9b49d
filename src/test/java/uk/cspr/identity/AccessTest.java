package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;

/**
 * Who sees what, through the REST API as each demo person, on the demo's cases: an agency sees its
 * own requests only, a manager reads and changes nothing, a coordinator works the case.
 */
@CsprSpringTest
class AccessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http as(String user) {
    return new Http(port).basicAuth(user, user);
  }

  static Set<String> ids(JsonNode list) {
    Set<String> ids = new HashSet<>();
    list.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  Set<String> tasksOfGroup(String group) {
    Set<String> ids = new HashSet<>();
    engine.getTaskService().createTaskQuery().taskCandidateGroup(group).list().forEach(t -> ids.add(t.getId()));
    return ids;
  }

  @Test
  void theRestApiAndOurApiRequireALogin() {
    Http anonymous = new Http(port);
    assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/process-instance").status()).isEqualTo(401);
    assertThat(anonymous.postJson("/engine-rest/process-definition/key/cspr-case/start", Map.of()).status()).isEqualTo(401);
    assertThat(anonymous.get("/api/cases/DEMO-2026-0001/documents").status()).isEqualTo(401);
    assertThat(new Http(port).basicAuth("probation-lead", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void anAgencySeesOnlyItsOwnRequestsAndNothingOfTheCases() {
    Http police = as("police-lead");
    JsonNode visible = police.get("/engine-rest/task?maxResults=1000").json();
    assertThat(visible.size()).isPositive();
    assertThat(ids(visible)).isEqualTo(tasksOfGroup("agency-police"));

    Task healthTask = engine.getTaskService().createTaskQuery().taskCandidateGroup("agency-health").list().get(0);
    assertThat(police.get("/engine-rest/task/" + healthTask.getId()).status()).isIn(403, 404);
    assertThat(police.get("/engine-rest/task/" + healthTask.getId() + "/variables").status()).isIn(403, 404);
    assertThat(police.get("/engine-rest/process-instance").json().size()).isZero();
    assertThat(police.get("/engine-rest/process-instance?businessKey=DEMO-2026-0001").json().size()).isZero();
    assertThat(police.get("/engine-rest/history/process-instance").json().size()).isZero();
    assertThat(police.get("/engine-rest/variable-instance").json().size()).isZero();

    String ownTask = visible.get(0).path("id").asText();
    Http.Response variables = police.get("/engine-rest/task/" + ownTask + "/variables");
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).contains("requestText").doesNotContain("childReferences").doesNotContain("LCS-");
  }

  @Test
  void aManagerReadsEverythingAndChangesNothing() {
    Http manager = as("manager");
    JsonNode cases = manager.get("/engine-rest/process-instance?processDefinitionKey=cspr-case").json();
    assertThat(cases.size()).isGreaterThanOrEqualTo(3);
    assertThat(manager.get("/engine-rest/task?maxResults=1000").json().size())
        .isEqualTo((int) engine.getTaskService().createTaskQuery().count());

    Task notify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0002")
        .taskDefinitionKey("notifyPanel").singleResult();
    assertThat(manager.postJson("/engine-rest/task/" + notify.getId() + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(manager.postJson("/engine-rest/task/" + notify.getId() + "/claim", Map.of("userId", "manager")).status())
        .isEqualTo(403);
    assertThat(manager.delete("/engine-rest/process-instance/" + notify.getProcessInstanceId()).status()).isEqualTo(403);
    assertThat(manager.postJson("/engine-rest/process-definition/key/cspr-case/start", Map.of()).status()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(notify.getId()).count()).isEqualTo(1);
  }

  @Test
  void aCoordinatorDoesTheCoordinatorsWork() {
    Http coordinator = as("coordinator");
    Task partners = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0002")
        .taskDefinitionKey("confirmPartnersTold").singleResult();
    assertThat(coordinator.postJson("/engine-rest/task/" + partners.getId() + "/claim", Map.of("userId", "coordinator"))
        .status()).isEqualTo(204);
    String today = uk.cspr.calendar.WorkingDays.todayInEngland().toString();
    assertThat(coordinator.postJson("/engine-rest/task/" + partners.getId() + "/complete",
        Map.of("variables", Map.of("partnersToldOn", Map.of("value", today)))).status()).isEqualTo(204);
    assertThat(coordinator.get("/engine-rest/process-instance?processDefinitionKey=cspr-case").json().size())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void onlyCoordinatorsAreOfferedTheCaseToStart() {
    String startable = "/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true&latestVersion=true";
    assertThat(as("coordinator").get(startable).json().findValuesAsText("key")).containsExactly("cspr-case");
    assertThat(as("police-lead").get(startable).json().size()).isZero();
    assertThat(as("manager").get(startable).json().size()).isZero();
  }

  @Test
  void theFiltersReturnWhatTheirNamesPromise() {
    assertThat(filterNames("police-lead")).contains(TasklistFilters.MY_AGENCYS_REQUESTS, TasklistFilters.DUE_SOON,
        TasklistFilters.OVERDUE).doesNotContain(TasklistFilters.ALL_OPEN_CASE_TASKS, TasklistFilters.AWAITING_MY_SIGN_OFF);
    assertThat(filterNames("la-partner")).contains(TasklistFilters.AWAITING_MY_SIGN_OFF)
        .doesNotContain(TasklistFilters.MY_AGENCYS_REQUESTS, TasklistFilters.ALL_OPEN_CASE_TASKS);
    assertThat(filterNames("coordinator")).contains(TasklistFilters.ALL_OPEN_CASE_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.DUE_SOON);

    JsonNode mine = run("police-lead", TasklistFilters.MY_AGENCYS_REQUESTS);
    assertThat(mine.size()).isPositive();
    assertThat(ids(mine)).isEqualTo(tasksOfGroup("agency-police"));
    mine.forEach(t -> assertThat(t.path("taskDefinitionKey").asText()).isEqualTo("provideInformation"));

    // every task but the agencies' own answers, which fill their lists, not the coordinators'
    JsonNode allOpen = run("coordinator", TasklistFilters.ALL_OPEN_CASE_TASKS);
    assertThat(allOpen.size()).isEqualTo((int) engine.getTaskService().createTaskQuery()
        .taskDefinitionKeyNotIn("provideInformation").count()).isPositive();
    assertThat(allOpen.findValuesAsText("taskDefinitionKey")).doesNotContain("provideInformation").contains("manageAgencyRequest");
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("provideInformation").count()).isPositive();
    assertThat(engine.getFilterService().createFilterQuery().filterName(TasklistFilters.ALL_OPEN_CASE_TASKS).singleResult()
        .getProperties().get("variables").toString()).contains("responseDueInWords");

    JsonNode overdue = run("coordinator", TasklistFilters.OVERDUE);
    Task overdueNotification = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0001")
        .taskDefinitionKey("notifyPanel").singleResult();
    assertThat(ids(overdue)).contains(overdueNotification.getId());
    var camundaDate = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    overdue.forEach(t -> assertThat(java.time.OffsetDateTime.parse(t.path("due").asText(), camundaDate).toInstant())
        .isBefore(java.time.Instant.now()));

    JsonNode dueSoon = run("coordinator", TasklistFilters.DUE_SOON);
    Task onTime = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-2026-0002")
        .taskDefinitionKey("notifyPanel").singleResult();
    assertThat(ids(dueSoon)).contains(onTime.getId()).doesNotContain(overdueNotification.getId());

    // whatever other tests of the shared application left open: exactly the local authority's own sign-offs
    Set<String> laSignOffs = new HashSet<>();
    engine.getTaskService().createTaskQuery().taskCandidateGroup("partner-local-authority")
        .taskDefinitionKeyLike(TasklistFilters.SIGN_OFF_TASK_PREFIX + "%").includeAssignedTasks().list().forEach(t -> laSignOffs.add(t.getId()));
    assertThat(ids(run("la-partner", TasklistFilters.AWAITING_MY_SIGN_OFF))).isEqualTo(laSignOffs);
    assertThat(run("police-lead", TasklistFilters.OVERDUE).size()).isZero(); // its requests are not yet due
  }

  @Test
  void ourPagesCarrySecurityHeaders() {
    var page = new Http(port).getBytes("/respond/not-a-real-link");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  private List<String> filterNames(String user) {
    return as(user).get("/engine-rest/filter?resourceType=Task").json().findValuesAsText("name");
  }

  private JsonNode run(String user, String filterName) {
    Http http = as(user);
    for (JsonNode filter : http.get("/engine-rest/filter?resourceType=Task").json()) {
      if (filter.path("name").asText().equals(filterName)) {
        Http.Response list = http.get("/engine-rest/filter/" + filter.path("id").asText() + "/list?maxResults=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
      }
    }
    throw new AssertionError(user + " has no filter " + filterName);
  }
}
