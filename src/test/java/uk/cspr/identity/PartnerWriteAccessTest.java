package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.EngineDoor;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * What a safeguarding partner's account can do with the rapid review, through both doors to the
 * engine: sign off its own partner's task through its form, and nothing else: not another
 * partner's sign-off, not the coordinators' tasks, not the review's variables, errors or dates.
 */
@CsprSpringTest
class PartnerWriteAccessTest {

  static final AtomicInteger reviews = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  static Stream<EngineDoor> doors() {
    return EngineDoor.both();
  }

  /** A rapid review at its sign-off: the meeting recorded, the three partners' tasks open. */
  ProcessInstance atSignOff() {
    String reference = "NSCP-SIGN-" + reviews.incrementAndGet();
    var inputs = new java.util.HashMap<String, Object>();
    inputs.put("rapidReviewDue", WorkingDays.todayInEngland().plusDays(21).toString());
    inputs.put("agencyResponseDue", WorkingDays.todayInEngland().plusDays(10).toString());
    inputs.put("incidentDate", WorkingDays.todayInEngland().minusDays(3).toString());
    inputs.put("agencies", "police");
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey("cspr-rapid-review", reference, inputs);
    Task meeting = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("recordRapidReviewMeeting").singleResult();
    engine.getTaskService().complete(meeting.getId(), Workflow.rapidReviewMeeting(WorkingDays.todayInEngland().toString()));
    return review;
  }

  Task signOff(ProcessInstance review, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("signOffRapidReview").taskCandidateGroup(group).singleResult();
  }

  static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], Map.of("value", keysAndValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void aPartnerSignsOffItsOwnTaskThroughItsFormAndNothingElse(EngineDoor door) {
    ProcessInstance review = atSignOff();
    Task ours = signOff(review, Groups.PARTNER_LOCAL_AUTHORITY);
    Task theirs = signOff(review, Groups.PARTNER_POLICE);
    Task askAnother = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("askAnotherAgency").singleResult();
    Http partner = door.as(port, "la-partner");
    String root = door.root();

    // another partner's sign-off and the coordinators' task: not even there for it
    assertThat(partner.postJson(root + "/task/" + theirs.getId() + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryName", "Helen Marsh", "signatoryRole", "LEAD_PARTNER")).status()).isIn(403, 404);
    assertThat(partner.postJson(root + "/task/" + askAnother.getId() + "/submit-form", form("addedAgencyId", "housing"))
        .status()).isIn(403, 404);
    // its own: no variables of the review, no BPMN error, no due date, no other candidates
    String task = root + "/task/" + ours.getId();
    assertThat(partner.putJson(task + "/variables/partnersDecision", Map.of("value", "NO_FURTHER_REVIEW", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/bpmnError", Map.of("errorCode", "x")).status()).isEqualTo(403);
    assertThat(partner.putJson(task, Map.of("name", "Signed", "due", "2099-01-01T00:00:00.000+0000")).status())
        .isEqualTo(403);
    assertThat(partner.postJson(task + "/identity-links", Map.of("groupId", "partner-police", "type", "candidate"))
        .status()).isEqualTo(403);
    // a field its form does not ask: refused, nothing signed
    Http.Response smuggled = partner.postJson(task + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryName", "Helen Marsh", "signatoryRole", "LEAD_PARTNER", "partnersDecision", "NO_FURTHER_REVIEW"));
    assertThat(smuggled.status()).isEqualTo(400);
    // a sign-off without who signed is refused with the form's label
    Http.Response unsigned = partner.postJson(task + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryRole", "LEAD_PARTNER"));
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.json().path("message").asText()).contains("Name of the person signing");
    assertThat(engine.getTaskService().createTaskQuery().taskId(ours.getId()).count()).isEqualTo(1);

    Http.Response signed = partner.postJson(task + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryName", "Helen Marsh", "signatoryRole", "LEAD_PARTNER"));
    assertThat(signed.status()).as(signed.body()).isIn(200, 204);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "partnersDecision")).isEqualTo("LOCAL_REVIEW");
    assertThat(signOff(review, Groups.PARTNER_POLICE)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void anAgencyCanDoNothingWithTheRapidReview(EngineDoor door) {
    ProcessInstance review = atSignOff();
    Task signOff = signOff(review, Groups.PARTNER_POLICE);
    Task askAnother = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("askAnotherAgency").singleResult();
    Http police = door.as(port, "police-lead");
    String root = door.root();

    // each task answered as its own form asks: still nothing the agency may do
    assertThat(police.postJson(root + "/task/" + signOff.getId() + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryName", "Mark", "signatoryRole", "LEAD_PARTNER")).status()).isIn(403, 404);
    assertThat(police.postJson(root + "/task/" + askAnother.getId() + "/submit-form", form("addedAgencyId", "housing",
        "addedAgencyReason", "Found to be involved")).status()).isIn(403, 404);
    for (Task task : java.util.List.of(signOff, askAnother)) {
      String at = root + "/task/" + task.getId();
      assertThat(police.putJson(at + "/variables/partnersDecision", Map.of("value", "NO_FURTHER_REVIEW", "type", "String"))
          .status()).isIn(403, 404);
      assertThat(police.postJson(at + "/bpmnError", Map.of("errorCode", "x")).status()).isIn(403, 404);
      assertThat(police.putJson(at, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0000")).status()).isIn(403, 404);
    }
    assertThat(police.postJson(root + "/process-instance/" + review.getId() + "/variables",
        Map.of("modifications", Map.of("rapidReviewDue", Map.of("value", "2099-01-01")))).status()).isIn(403, 404);
    assertThat(police.get(root + "/process-instance/" + review.getId() + "/variables").status()).isIn(403, 404);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "partnersDecision")).isEqualTo("LOCAL_REVIEW");
    assertThat(signOff(review, Groups.PARTNER_POLICE)).isNotNull();
  }

  /**
   * The Panel's decision is the coordinators' to record: a partner or an agency can neither record the
   * Panel's response nor the partners' decision on it, nor touch the stage's variables, errors or dates;
   * a coordinator's bad answer is a 400 naming the field, and a good one moves the stage on.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void onlyTheCoordinatorsRecordThePanelsResponseAndThePartnersDecisionOnIt(EngineDoor door) {
    String today = WorkingDays.todayInEngland().toString();
    ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey("cspr-panel-decision",
        "NSCP-PANEL-" + reviews.incrementAndGet(), Map.of("rapidReviewSubmittedOn", today, "partnersDecision", "LOCAL_REVIEW",
            "partnersDecisionOn", today, "partnersDecisionReasons", "Multi-agency learning."));
    Task response = engine.getTaskService().createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey("recordPanelResponse").singleResult();
    String root = door.root();
    Map<String, Object> nationalReview = form("panelOutcome", "NATIONAL_REVIEW", "panelResponseOn", today,
        "panelResponseReference", "CSPRP/1");
    for (String user : java.util.List.of("la-partner", "police-lead")) {
      Http someone = door.as(port, user);
      String at = root + "/task/" + response.getId();
      assertThat(someone.postJson(at + "/submit-form", nationalReview).status()).as(user).isIn(403, 404);
      assertThat(someone.putJson(at + "/variables/panelOutcome", Map.of("value", "NATIONAL_REVIEW", "type", "String"))
          .status()).as(user).isIn(403, 404);
      assertThat(someone.postJson(at + "/bpmnError", Map.of("errorCode", "x")).status()).as(user).isIn(403, 404);
      assertThat(someone.putJson(at, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0000")).status()).as(user).isIn(403, 404);
      assertThat(someone.postJson(root + "/process-instance/" + stage.getId() + "/variables",
          Map.of("modifications", Map.of("partnersDecision", Map.of("value", "NO_FURTHER_REVIEW")))).status()).as(user).isIn(403, 404);
    }

    Http coordinator = door.as(port, "coordinator");
    Http.Response outsideTheList = coordinator.postJson(root + "/task/" + response.getId() + "/submit-form",
        form("panelOutcome", "MAYBE", "panelResponseOn", today, "panelResponseReference", "CSPRP/1"));
    assertThat(outsideTheList.status()).isEqualTo(400);
    assertThat(outsideTheList.json().path("message").asText()).contains("What the Panel decided is not one of the answers offered");
    Http.Response recorded = coordinator.postJson(root + "/task/" + response.getId() + "/submit-form", nationalReview);
    assertThat(recorded.status()).as(recorded.body()).isIn(200, 204);

    Task decision = engine.getTaskService().createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey("confirmPartnersDecision").singleResult();
    assertThat(decision).isNotNull();
    for (String user : java.util.List.of("la-partner", "police-lead")) {
      assertThat(door.as(port, user).postJson(root + "/task/" + decision.getId() + "/submit-form", form("partnersDecision",
          "NO_FURTHER_REVIEW", "partnersDecisionOn", today, "partnersDecisionReasons", "x", "partnersDecisionAgreedBy", "x"))
          .status()).as(user).isIn(403, 404);
    }
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), "partnersDecision")).isEqualTo("LOCAL_REVIEW");
  }
}
