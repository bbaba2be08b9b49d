package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.learning.Learning;
import uk.cspr.localreview.LocalReview;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.EngineDoor;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * What an agency account can do, tried as an attacker holding one would try it, on its own
 * request, through both doors to the engine: the REST API ({@code /engine-rest}, HTTP Basic) and
 * the copy Tasklist talks to ({@code /camunda/api/engine}, the Tasklist session). It may claim its
 * task, hand it back and answer it through its form; everything else is refused and changes
 * nothing.
 */
@CsprSpringTest
class AgencyWriteAccessTest {

  static final AtomicInteger requests = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  static Stream<EngineDoor> doors() {
    return EngineDoor.both();
  }

  Http as(EngineDoor door, String user) {
    return door.as(port, user);
  }

  /** A request to the police of a case of its own, and its open task. */
  record Asked(ProcessInstance request, Task task) {}

  Asked askThePolice() {
    String reference = "NSCP-WRITE-" + requests.incrementAndGet();
    String due = WorkingDays.todayInEngland().plusDays(14).toString();
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, reference,
        Map.of("agencyId", "police", "responseDue", due, "requestText", "Your involvement, please."));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
    return new Asked(request, task);
  }

  Object variable(Asked asked, String name) {
    return engine.getRuntimeService().getVariable(asked.request().getId(), name);
  }

  boolean stillOpen(Asked asked) {
    return engine.getTaskService().createTaskQuery().taskId(asked.task().getId()).count() == 1;
  }

  static Map<String, Object> answers(Object... more) {
    Map<String, Object> values = new LinkedHashMap<>(Workflow.agencyAnswers());
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, value instanceof Map<?, ?> typed ? typed : Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /**
   * The payload the attack used: an object variable naming a Spring data source whose H2 URL runs
   * Java when a connection is opened, which rendering the variable as JSON does. Here the Java
   * only creates the marker file.
   */
  static Map<String, Object> dataSourcePayload(Path marker) throws Exception {
    String url = "jdbc:h2:mem:cspr-rce-" + requests.incrementAndGet()
        + ";INIT=CREATE ALIAS IF NOT EXISTS CSPR_MARK AS $$void mark(String f) throws Exception "
        + "{ java.nio.file.Files.createFile(java.nio.file.Path.of(f))\\; }$$\\;CALL CSPR_MARK('" + marker + "')";
    return Map.of("type", "Object",
        "value", JSON.writeValueAsString(Map.of("url", url)),
        "valueInfo", Map.of("objectTypeName", "org.springframework.jdbc.datasource.DriverManagerDataSource",
            "serializationDataFormat", "application/json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anObjectVariableNamingAClassRunsNothing(EngineDoor door, @TempDir Path folder) throws Exception {
    Asked asked = askThePolice();
    Path marker = folder.resolve("rce-marker");
    String variableAt = door.root() + "/task/" + asked.task().getId() + "/variables/x";

    // the agency may not store it at all
    Http police = as(door, "police-lead");
    Http.Response stored = police.putJson(variableAt, dataSourcePayload(marker));
    police.get(variableAt);
    police.postJson(door.root() + "/task/" + asked.task().getId() + "/complete",
        answers("involvement", dataSourcePayload(marker)));
    // and a coordinator, who may set variables, stores it but it is never built when read back
    Http coordinator = as(door, "coordinator");
    Http.Response storedByCoordinator = coordinator.putJson(variableAt, dataSourcePayload(marker));
    Http.Response read = coordinator.get(variableAt);

    assertThat(marker).as("the marker the payload's Java creates").doesNotExist();
    assertThat(stored.status()).as(stored.body()).isEqualTo(403);
    assertThat(storedByCoordinator.status()).as(storedByCoordinator.body()).isEqualTo(204);
    assertThat(read.status()).as(read.body()).isGreaterThanOrEqualTo(400);
    assertThat(read.body()).doesNotContain("connection");
    assertThat(stillOpen(asked)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencySetsNoVariableOfItsRequest(EngineDoor door) {
    Asked asked = askThePolice();
    Http police = as(door, "police-lead");
    String task = door.root() + "/task/" + asked.task().getId();
    Map<String, Object> attacker = Map.of("value", "attacker@example.net", "type", "String");

    assertThat(police.putJson(task + "/variables/contactEmail", attacker).status()).isEqualTo(403);
    assertThat(police.putJson(task + "/localVariables/contactEmail", attacker).status()).isEqualTo(403);
    assertThat(police.postJson(task + "/variables", Map.of("modifications", Map.of("agencyName", attacker)))
        .status()).isEqualTo(403);
    assertThat(police.delete(task + "/variables/requestText").status()).isEqualTo(403);
    // the due date as the lists show it is the request's to set, not the agency's
    assertThat(police.putJson(task + "/variables/responseDueInWords", Map.of("value", "Friday 1 January 2100",
        "type", "String")).status()).isEqualTo(403);
    // nor the incident's date its page shows
    assertThat(police.putJson(task + "/variables/incidentDate", Map.of("value", "2026-01-01", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(police.postJson(door.root() + "/process-instance/" + asked.request().getId() + "/variables",
        Map.of("modifications", Map.of("contactEmail", attacker))).status()).isIn(403, 404);

    assertThat(variable(asked, "contactEmail")).isNull();
    assertThat(variable(asked, "agencyName")).isEqualTo("Police");
    assertThat(variable(asked, "requestText")).isEqualTo("Your involvement, please.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAnswerCarriesOnlyTheFormsFields(EngineDoor door) {
    Asked asked = askThePolice();
    Http police = as(door, "police-lead");
    String task = door.root() + "/task/" + asked.task().getId();

    for (String action : List.of("/complete", "/submit-form")) {
      Http.Response mailElsewhere = police.postJson(task + action, answers(
          "contactEmail", "attacker@example.net", "agencyName", "Police <a href='http://evil.example'>",
          "requestText", "Reply to attacker@example.net"));
      assertThat(mailElsewhere.status()).as(mailElsewhere.body()).isEqualTo(400);
      assertThat(mailElsewhere.json().path("message").asText())
          .startsWith("The answers were not recorded: ")
          .contains("contactEmail is not a question on this task's form")
          .contains("agencyName is not a question on this task's form");
      assertThat(mailElsewhere.json().path("problems").findValuesAsText("field")).contains("contactEmail", "agencyName");

      Http.Response decideForTheCoordinators = police.postJson(task + action, answers(
          "requestAction", "EXTEND", "newResponseDue", "2099-01-05", "changeReason", "More time"));
      assertThat(decideForTheCoordinators.status()).isEqualTo(400);
    }
    Http.Response objectAnswer = police.postJson(task + "/submit-form", answers("involvement",
        Map.of("type", "Object", "value", "[\"x\"]",
            "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json"))));
    assertThat(objectAnswer.status()).isEqualTo(400);
    assertThat(objectAnswer.json().path("message").asText()).contains("Your agency's involvement with the child and family must be text");

    assertThat(stillOpen(asked)).isTrue();
    assertThat(variable(asked, "contactEmail")).isNull();
    assertThat(variable(asked, "agencyName")).isEqualTo("Police");
    assertThat(variable(asked, "responseDue")).isEqualTo(WorkingDays.todayInEngland().plusDays(14).toString());

    // what the form asks is taken
    Http.Response answered = police.postJson(task + "/submit-form", answers());
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    assertThat(stillOpen(asked)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyCannotTakeTheCoordinatorsDecisions(EngineDoor door) {
    Asked asked = askThePolice();
    Http police = as(door, "police-lead");
    String task = door.root() + "/task/" + asked.task().getId();

    for (String code : List.of("AgencyRequestExtended", "AgencyRequestWithdrawn")) {
      Http.Response thrown = police.postJson(task + "/bpmnError", Map.of("errorCode", code,
          "variables", Map.of("newResponseDue", Map.of("value", "2099-01-05"))));
      assertThat(thrown.status()).as(thrown.body()).isEqualTo(403);
    }
    assertThat(police.postJson(task + "/bpmnEscalation", Map.of("escalationCode", "AnyEscalation")).status())
        .isEqualTo(403);

    assertThat(stillOpen(asked)).isTrue();
    assertThat(variable(asked, "extensions")).isEqualTo(0);
    assertThat(variable(asked, "newResponseDue")).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(asked.request().getId())
        .count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyMovesNeitherItsDueDateNorWhoSeesItsTask(EngineDoor door) {
    Asked asked = askThePolice();
    Http police = as(door, "police-lead");
    String task = door.root() + "/task/" + asked.task().getId();
    Date due = asked.task().getDueDate();

    Map<String, Object> later = new LinkedHashMap<>();
    later.put("name", asked.task().getName());
    later.put("due", "2099-01-05T23:59:59.000+0000");
    assertThat(police.putJson(task, later).status()).isEqualTo(403);
    assertThat(police.postJson(task + "/identity-links", Map.of("groupId", "agency-health", "type", "candidate"))
        .status()).isEqualTo(403);
    assertThat(police.postJson(task + "/identity-links/delete", Map.of("groupId", "cspr-coordinators", "type", "candidate"))
        .status()).isEqualTo(403);
    assertThat(police.postJson(task + "/assignee", Map.of("userId", "health-lead")).status()).isEqualTo(403);
    assertThat(police.postJson(task + "/delegate", Map.of("userId", "health-lead")).status()).isEqualTo(403);
    // claiming it for someone else would give them the task: another agency's lead, say
    assertThat(police.postJson(task + "/claim", Map.of("userId", "health-lead")).status()).isEqualTo(403);
    assertThat(police.postJson(task + "/comment/create", Map.of("message", "Ignore this request")).status())
        .isGreaterThanOrEqualTo(400);

    Task after = engine.getTaskService().createTaskQuery().taskId(asked.task().getId()).singleResult();
    assertThat(after.getDueDate()).isEqualTo(due);
    assertThat(after.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(after.getId()).stream()
        .map(IdentityLink::getGroupId)).containsExactlyInAnyOrder("agency-police", "cspr-coordinators");
    assertThat(engine.getTaskService().getTaskComments(after.getId())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyClaimsItsTaskAndHandsItBack(EngineDoor door) {
    Asked asked = askThePolice();
    Http police = as(door, "police-lead");
    String task = door.root() + "/task/" + asked.task().getId();

    assertThat(police.postJson(task + "/claim", Map.of("userId", "police-lead")).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(asked.task().getId()).singleResult().getAssignee())
        .isEqualTo("police-lead");
    assertThat(police.postJson(task + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(asked.task().getId()).singleResult().getAssignee())
        .isNull();
  }

  @Test
  void aCoordinatorStillDecidesOnTheirOwnTask() {
    Asked asked = askThePolice();
    Http coordinator = as(doors().toList().get(0), "coordinator");
    Task manage = engine.getTaskService().createTaskQuery().processInstanceId(asked.request().getId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
    Http.Response withdrawn = coordinator.postJson("/engine-rest/task/" + manage.getId() + "/submit-form", Map.of(
        "variables", Map.of("requestAction", Map.of("value", "WITHDRAW"),
            "changeReason", Map.of("value", "The police had no involvement"))));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
    assertThat(stillOpen(asked)).isFalse();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(asked.request().getId())
        .activityId(AgencyRequest.END_WITHDRAWAL_DECIDED).count()).isEqualTo(1);
  }

  @Test
  void aTaskOfferedToAnAgencyGrantsItWorkNotUpdate() {
    Asked asked = askThePolice();
    Authorization grant = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(asked.task().getId()).groupIdIn("agency-police").singleResult();
    assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }

  @Test
  void grantsMadeBeforeWorkWasTheDefaultAreBroughtDownToIt() {
    Asked asked = askThePolice();
    // as Camunda's default provider granted it before: read and update, to the agency's group
    Authorization grant = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(asked.task().getId()).groupIdIn("agency-police").singleResult();
    grant.removePermission(TaskPermissions.TASK_WORK);
    grant.addPermission(Permissions.UPDATE);
    engine.getAuthorizationService().saveAuthorization(grant);
    Http police = as(doors().toList().get(0), "police-lead");
    String moveDue = "/engine-rest/task/" + asked.task().getId() + "/variables/responseDue";
    Map<String, Object> later = Map.of("value", "2099-01-05", "type", "String");
    assertThat(police.putJson(moveDue, later).status()).as("the grant as it was").isEqualTo(204);

    assertThat(new Authorizations(engine.getAuthorizationService()).reduceTaskGrantsToWork()).isPositive();

    Authorization reduced = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(asked.task().getId()).groupIdIn("agency-police").singleResult();
    assertThat(reduced.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(reduced.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(police.putJson(moveDue, later).status()).isEqualTo(403);
    assertThat(police.get("/engine-rest/task/" + asked.task().getId()).status()).isEqualTo(200);
    assertThat(new Authorizations(engine.getAuthorizationService()).reduceTaskGrantsToWork()).isZero();
  }

  @Test
  void aTwentyThousandCharacterAnswerFromTasklistIsKeptWhole() {
    Asked asked = askThePolice();
    Http police = new Http(port);
    assertThat(police.loginToWebapp("tasklist", "police-lead", "police-lead")).isEqualTo(200);
    String task = "/camunda/api/engine/engine/default/task/" + asked.task().getId();
    String chronology = Workflow.longAnswer(20_000);

    assertThat(police.postJson(task + "/claim", Map.of("userId", "police-lead")).status()).isEqualTo(204);
    Http.Response tooLong = police.postJson(task + "/submit-form", answers("chronologySummary", chronology + "x"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).isEqualTo("The agency's information was not recorded: Summary chronology is longer than 20000 characters");
    Http.Response sent = police.postJson(task + "/submit-form", answers("chronologySummary", chronology));
    assertThat(sent.status()).as(sent.body()).isEqualTo(204);

    var kept = police.historicVariable(asked.request().getId(), "chronologySummary");
    assertThat(kept.path("type").asText()).isEqualTo("String");
    assertThat(kept.path("value").asText()).isEqualTo(chronology);
  }

  /**
   * The local review asks the police for the reviewer's information through a request of its own
   * (its CallActivity_AskAgenciesForLocalReview): the police answer it through its form, and touch
   * nothing of the review itself, neither its coordinators' tasks nor the partners' sign-offs.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyAnswersTheLocalReviewsRequestThroughItsFormAndTouchesNothingOfTheReview(EngineDoor door) {
    LocalReviews localReviews = new LocalReviews(engine);
    ProcessInstance review = localReviews.underWay("police");
    Task request = localReviews.agencyRequest(review, "agency-police");
    assertThat(request).isNotNull();
    String today = WorkingDays.todayInEngland().toString();
    Http police = as(door, "police-lead");
    String root = door.root();

    // of the whole case, it sees its own request only
    assertThat(police.get(root + "/task?processInstanceBusinessKey=" + review.getBusinessKey()).json()
        .findValuesAsText("id")).containsExactly(request.getId());
    // the review's own tasks: not there for it, whatever it sends
    Map<String, Map<String, Object>> answered = new LinkedHashMap<>();
    answered.put(LocalReview.TASK_RECEIVE_REPORT, Map.of("variables", Map.of("reviewerDocumentKind", Map.of("value", "FINAL"),
        "reportReceivedOn", Map.of("value", today))));
    answered.put(LocalReview.TASK_WRITE_TO_REVIEWER, Map.of("variables", Map.of("requestToReviewer",
        Map.of("value", "Ignore the police chronology."))));
    answered.put(LocalReview.TASK_FAMILY, Map.of("variables", Map.of("familyInvolved", Map.of("value", "NO"),
        "familyInvolvement", Map.of("value", "Not asked."))));
    answered.forEach((key, answers) -> {
      Task task = localReviews.task(review, key);
      String at = root + "/task/" + task.getId();
      assertThat(police.postJson(at + "/submit-form", answers).status()).as(key).isIn(403, 404);
      assertThat(police.postJson(at + "/complete", answers).status()).as(key).isIn(403, 404);
      assertThat(police.postJson(at + "/claim", Map.of("userId", "police-lead")).status()).as(key).isIn(403, 404);
      assertThat(police.get(at + "/variables").status()).as(key).isIn(403, 404);
      assertThat(police.putJson(at + "/variables/reviewerEmail", Map.of("value", "attacker@example.net", "type", "String"))
          .status()).as(key).isIn(403, 404);
      assertThat(police.postJson(at + "/bpmnError", Map.of("errorCode", "x")).status()).as(key).isIn(403, 404);
      assertThat(police.putJson(at, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0000")).status()).as(key)
          .isIn(403, 404);
      assertThat(police.postJson(at + "/identity-links", Map.of("groupId", "agency-police", "type", "candidate"))
          .status()).as(key).isIn(403, 404);
      assertThat(localReviews.isOpen(task)).as(key).isTrue();
    });
    assertThat(police.get(root + "/process-instance/" + review.getId() + "/variables").status()).isIn(403, 404);
    assertThat(police.postJson(root + "/process-instance/" + review.getId() + "/variables", Map.of("modifications",
        Map.of("reviewerEmail", Map.of("value", "attacker@example.net")))).status()).isIn(403, 404);
    assertThat(police.postJson(root + "/signal", Map.of("name", "cspr-local-review-signed-off-" + review.getId()))
        .status()).isEqualTo(403);
    localReviews.assertNeitherMovedNorStoppedBy(police, root, review);

    // its own request shows what is asked, and nothing of the review: not the reviewer, not the terms of reference
    String own = root + "/task/" + request.getId();
    Http.Response variables = police.get(own + "/variables");
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).contains("requestText").doesNotContain("Ruth Okafor").doesNotContain("ruth.okafor")
        .doesNotContain("termsOfReference").doesNotContain("localReviewDue");
    // and is answered through its form only
    Http.Response elsewhere = police.postJson(own + "/submit-form", answers("contactEmail", "attacker@example.net",
        "reviewerEmail", "attacker@example.net"));
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
    assertThat(elsewhere.json().path("problems").findValuesAsText("field")).contains("contactEmail", "reviewerEmail");
    assertThat(police.postJson(own + "/complete", answers("requestAction", "WITHDRAW", "changeReason", "Not ours"))
        .status()).isEqualTo(400);
    assertThat(police.putJson(own + "/variables/responseDue", Map.of("value", "2099-01-05", "type", "String")).status())
        .isEqualTo(403);
    assertThat(police.postJson(own + "/bpmnError", Map.of("errorCode", "AgencyRequestWithdrawn")).status()).isEqualTo(403);
    assertThat(police.putJson(own, Map.of("name", request.getName(), "due", "2099-01-05T23:59:59.000+0000")).status())
        .isEqualTo(403);
    // the documents beside it are removed only as they were added, through the Documents tab, each by whoever added it
    Attachment coordinators = localReviews.documentBeside(request, "attached by coordinator");
    assertThat(police.delete(own + "/attachment/" + coordinators.getId()).status()).isIn(403, 404);
    assertThat(engine.getTaskService().getTaskAttachments(request.getId())).extracting(Attachment::getId)
        .containsExactly(coordinators.getId());
    assertThat(localReviews.isOpen(request)).isTrue();
    assertThat(police.get(own + "/deployed-form").status()).as("its form opens, as Tasklist opens it").isEqualTo(200);
    Http.Response answer = police.postJson(own + "/submit-form", answers());
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(localReviews.isOpen(request)).isFalse();

    // the partners' sign-offs of the final report are theirs, not the agency's
    localReviews.finalReportAccepted(review);
    for (String partner : Groups.partnerGroups()) {
      Task signOff = localReviews.signOff(review, partner);
      assertThat(police.postJson(root + "/task/" + signOff.getId() + "/submit-form", Map.of("variables", Map.of(
          "signOffDecision", Map.of("value", "SIGN_OFF"), "signatoryName", Map.of("value", "Mark Bennett"),
          "signatoryRole", Map.of("value", "LEAD_PARTNER")))).status()).as(partner).isIn(403, 404);
      assertThat(localReviews.isOpen(signOff)).as(partner).isTrue();
    }
    assertThat(localReviews.variable(review, "reviewerEmail")).isEqualTo("ruth.okafor@example.org");
  }

  /**
   * The learning stage asks the police for evidence that their action of the partners' plan is done,
   * through a request of its own with the form provide-action-evidence: the police answer it through
   * that form and nothing else (not the request for information's questions, not the plan's
   * variables), and touch nothing of the plan, neither the coordinators' tasks nor the other request.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyAnswersAnActionEvidenceRequestThroughItsFormOnly(EngineDoor door) {
    String reference = "NSCP-LEARN-" + requests.incrementAndGet();
    String due = new WorkingDays(uk.cspr.testing.Calendars.shipped()).addWorkingDays(WorkingDays.todayInEngland(), 10);
    ProcessInstance learning = engine.getRuntimeService().startProcessInstanceByKey(Learning.KEY, reference,
        Map.of("learningFrom", "RAPID_REVIEW", "agencies", SpinValues.jsonValue("[\"police\"]").create()));
    Task plan = engine.getTaskService().createTaskQuery().processInstanceId(learning.getId())
        .taskDefinitionKey(Learning.TASK_RECORD_ACTION_PLAN).singleResult();
    engine.getTaskService().complete(plan.getId(), Map.of(
        "learningSummary", "Domestic incidents were not shared with the school.",
        "planAgreedOn", WorkingDays.todayInEngland().toString(),
        "actionPlan", SpinValues.jsonValue("[{\"description\":\"Brief every response officer.\",\"owner\":\"police\","
            + "\"dueOn\":\"" + due + "\"},{\"description\":\"Publish the plan.\",\"owner\":\"safeguarding-partners\","
            + "\"dueOn\":\"" + due + "\"}]").create(),
        "disseminationAgencies", SpinValues.jsonValue("[\"police\"]").create()));
    ProcessInstance evidenceRequest = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(learning.getId())
        .variableValueEquals("requestForm", Learning.FORM_ACTION_EVIDENCE).singleResult();
    Task evidence = engine.getTaskService().createTaskQuery().processInstanceId(evidenceRequest.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
    Task partners = engine.getTaskService().createTaskQuery().processInstanceId(learning.getId())
        .taskDefinitionKey(Learning.TASK_PARTNERS_ACTION).singleResult();
    Http police = as(door, "police-lead");
    String root = door.root();

    // of the whole case, it sees its own requests: the action's evidence and the learning's dissemination
    assertThat(police.get(root + "/task?processInstanceBusinessKey=" + reference).json().findValuesAsText("name"))
        .containsExactlyInAnyOrder("Provide evidence of an action for case " + reference,
            "Confirm how the learning reached your practitioners, case " + reference);
    // the coordinators' task for the partners' own action is not there for it
    String theirs = root + "/task/" + partners.getId();
    Map<String, Object> partnersAnswers = Map.of("variables", Map.of("actionStatus", Map.of("value", "CLOSED"),
        "actionClosedReason", Map.of("value", "Not needed.")));
    assertThat(police.postJson(theirs + "/submit-form", partnersAnswers).status()).isIn(403, 404);
    assertThat(police.postJson(theirs + "/complete", partnersAnswers).status()).isIn(403, 404);
    assertThat(police.get(root + "/process-instance/" + learning.getId() + "/variables").status()).isIn(403, 404);

    String own = root + "/task/" + evidence.getId();
    Http.Response variables = police.get(own + "/variables");
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).contains("Brief every response officer.").doesNotContain("Publish the plan.")
        .doesNotContain("actionPlan").doesNotContain("learningSummary");
    assertThat(police.get(own + "/deployed-form").json().path("id").asText()).as("its form, as Tasklist opens it")
        .isEqualTo(Learning.FORM_ACTION_EVIDENCE);
    // the request for information's questions are not this form's, nor the plan's variables
    Http.Response otherForm = police.postJson(own + "/submit-form", answers());
    assertThat(otherForm.status()).as(otherForm.body()).isEqualTo(400);
    assertThat(otherForm.json().path("problems").findValuesAsText("field")).contains("involvement", "chronologySummary");
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("actionStatus", Map.of("value", "COMPLETED"));
    done.put("actionTaken", Map.of("value", "Every response officer briefed."));
    done.put("actionCompletedOn", Map.of("value", WorkingDays.todayInEngland().toString()));
    done.put("actionEvidence", Map.of("value", "The briefing's attendance list."));
    done.put("responderName", Map.of("value", "Mark Bennett"));
    done.put("responderRole", Map.of("value", "Detective inspector"));
    Map<String, Object> withThePlan = new LinkedHashMap<>(done);
    withThePlan.put("actionPlan", Map.of("value", "[]", "type", "Json"));
    withThePlan.put("requestForm", Map.of("value", "provide-agency-information"));
    Http.Response planToo = police.postJson(own + "/complete", Map.of("variables", withThePlan));
    assertThat(planToo.status()).as(planToo.body()).isEqualTo(400);
    assertThat(planToo.json().path("problems").findValuesAsText("field")).contains("actionPlan", "requestForm");
    assertThat(police.putJson(own + "/variables/requestForm", Map.of("value", "provide-agency-information", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(evidence.getId()).count()).isEqualTo(1);

    Http.Response answered = police.postJson(own + "/submit-form", Map.of("variables", done));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(evidence.getId()).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(partners.getId()).count()).isEqualTo(1);
  }
}
