package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.localreview.LocalReview;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.EngineDoor;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * What a safeguarding partner's account can do with the rapid review and the local review, through
 * both doors to the engine: sign off its own partner's task through its form, and nothing else: not
 * another partner's sign-off, not the coordinators' tasks, not the review's variables, errors, signals
 * or dates. A manager reads the local review and does nothing to it.
 */
@CsprSpringTest
class PartnerWriteAccessTest {

  static final AtomicInteger reviews = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  LocalReviews localReviews;

  @BeforeEach
  void parts() {
    localReviews = new LocalReviews(engine);
  }

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

  // --- the local review ---

  /** The local review's fields a sign-off's form does not ask, each something a partner might want to set. */
  static Map<String, Object> signedAs(String name, Object... more) {
    Object[] fields = new Object[6 + more.length];
    System.arraycopy(new Object[] {"signOffDecision", "SIGN_OFF", "signatoryName", name, "signatoryRole", "LEAD_PARTNER"},
        0, fields, 0, 6);
    System.arraycopy(more, 0, fields, 6, more.length);
    return form(fields);
  }

  /**
   * Each partner signs off its own final report through its form, at either door; la-partner tries
   * first everything else a sign-off task might seem to allow, and nothing of it is done.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void aPartnerSignsOffItsOwnFinalReportThroughItsFormAndNothingElse(EngineDoor door) {
    ProcessInstance review = localReviews.underWay();
    localReviews.finalReportAccepted(review);
    Task ours = localReviews.signOff(review, Groups.PARTNER_LOCAL_AUTHORITY);
    Task theirs = localReviews.signOff(review, Groups.PARTNER_POLICE);
    Task writeToReviewer = localReviews.task(review, LocalReview.TASK_WRITE_TO_REVIEWER);
    String due = localReviews.variable(review, "localReviewDue").toString();
    Http partner = door.as(port, "la-partner");
    String root = door.root();

    // another partner's sign-off: not even there for it, to sign, claim or read
    String other = root + "/task/" + theirs.getId();
    assertThat(partner.postJson(other + "/submit-form", signedAs("Helen Marsh")).status()).isIn(403, 404);
    assertThat(partner.postJson(other + "/complete", signedAs("Helen Marsh")).status()).isIn(403, 404);
    assertThat(partner.postJson(other + "/claim", Map.of("userId", "la-partner")).status()).isIn(403, 404);
    assertThat(partner.get(other + "/variables").status()).isIn(403, 404);

    // its own: no variable of the review, no BPMN error or escalation, no due date, no other candidates or holders
    String task = root + "/task/" + ours.getId();
    assertThat(partner.putJson(task + "/variables/localReviewDue", Map.of("value", "2099-01-01", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(partner.putJson(task + "/localVariables/signatoryName", Map.of("value", "Helen Marsh", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/variables", Map.of("modifications", Map.of("finalReportSignedOffOn",
        Map.of("value", WorkingDays.todayInEngland().toString())))).status()).isEqualTo(403);
    assertThat(partner.postJson(root + "/process-instance/" + review.getId() + "/variables", Map.of("modifications",
        Map.of("localReviewOnTime", Map.of("value", true, "type", "Boolean")))).status()).isIn(403, 404);
    assertThat(partner.postJson(task + "/bpmnError", Map.of("errorCode", "x")).status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/bpmnEscalation", Map.of("escalationCode", "x")).status()).isEqualTo(403);
    assertThat(partner.putJson(task, Map.of("name", "Signed", "due", "2099-01-01T00:00:00.000+0000")).status())
        .isEqualTo(403);
    assertThat(partner.postJson(task + "/identity-links", Map.of("groupId", Groups.PARTNER_POLICE, "type", "candidate"))
        .status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/identity-links/delete", Map.of("groupId", Groups.PARTNER_LOCAL_AUTHORITY,
        "type", "candidate")).status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/assignee", Map.of("userId", "police-partner")).status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/claim", Map.of("userId", "police-partner")).status()).isEqualTo(403);
    assertThat(partner.postJson(task + "/delegate", Map.of("userId", "police-partner")).status()).isEqualTo(403);
    // nothing said or attached beside it through the engine, where no check of a document's type runs
    assertThat(partner.postJson(task + "/comment/create", Map.of("message", "Signed in advance")).status())
        .isGreaterThanOrEqualTo(400);
    assertThat(attachThroughTheEngine(door.as(port, "la-partner"), task).status()).isGreaterThanOrEqualTo(400);
    assertThat(engine.getTaskService().getTaskComments(ours.getId())).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(ours.getId())).isEmpty();
    // nor remove a document someone else put beside it
    Attachment coordinators = localReviews.documentBeside(ours, "attached by coordinator");
    assertThat(partner.delete(task + "/attachment/" + coordinators.getId()).status()).isIn(403, 404);
    assertThat(engine.getTaskService().getTaskAttachments(ours.getId())).extracting(Attachment::getId)
        .containsExactly(coordinators.getId());
    // (the same upload from a coordinator, who may change tasks, is taken: the refusal was the partner's)
    assertThat(attachThroughTheEngine(door.as(port, "coordinator"), root + "/task/" + writeToReviewer.getId()).status())
        .isEqualTo(200);
    // the signal the review throws once signed off would end its written requests and progress checks
    assertThat(partner.postJson(root + "/signal", Map.of("name", "cspr-local-review-signed-off-" + review.getId()))
        .status()).isEqualTo(403);
    assertThat(localReviews.isOpen(writeToReviewer)).isTrue();
    // nor the review itself: not its timers (the escalation when it is late), not suspended, moved or deleted
    localReviews.assertNeitherMovedNorStoppedBy(partner, root, review);

    // fields its form does not ask, signing for another partner among them: refused, nothing signed
    for (String action : List.of("/submit-form", "/complete")) {
      Http.Response asThePolice = partner.postJson(task + action, signedAs("Helen Marsh", "partnerGroup", Groups.PARTNER_POLICE));
      assertThat(asThePolice.status()).as(asThePolice.body()).isEqualTo(400);
      assertThat(asThePolice.json().path("message").asText()).contains("partnerGroup is not a question on this task's form");
      Http.Response dated = partner.postJson(task + action, signedAs("Helen Marsh", "finalReportSignedOffOn", "2020-01-01",
          "localReviewOnTime", true));
      assertThat(dated.status()).as(dated.body()).isEqualTo(400);
    }
    // a sign-off without who signed, or a send-back without what should change: refused by the form's labels
    Http.Response unsigned = partner.postJson(task + "/submit-form", form("signOffDecision", "SIGN_OFF",
        "signatoryRole", "LEAD_PARTNER"));
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.json().path("message").asText()).contains("Name of the person signing");
    Http.Response sentBackSilently = partner.postJson(task + "/submit-form", form("signOffDecision", "SEND_BACK",
        "signatoryName", "Helen Marsh", "signatoryRole", "LEAD_PARTNER"));
    assertThat(sentBackSilently.status()).isEqualTo(400);
    assertThat(sentBackSilently.json().path("message").asText()).contains("What should change");
    assertThat(localReviews.isOpen(ours)).isTrue();
    assertThat(localReviews.variable(review, "localAuthorityFinalSignOff")).isNull();
    assertThat(localReviews.variable(review, "localReviewDue")).isEqualTo(due);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ours.getId()).singleResult().getAssignee()).isNull();

    // its form opens, as Tasklist opens it, and the sign-off goes through it
    Http.Response itsForm = partner.get(task + "/deployed-form");
    assertThat(itsForm.status()).as(itsForm.body()).isEqualTo(200);
    assertThat(itsForm.body()).contains("\"sign-off-final-report\"");
    Http.Response signed = partner.postJson(task + "/submit-form", signedAs("Helen Marsh"));
    assertThat(signed.status()).as(signed.body()).isIn(200, 204);
    assertThat(localReviews.variable(review, "localAuthorityFinalSignOff").toString())
        .contains("partner-local-authority").contains("Helen Marsh");
    assertThat(localReviews.isOpen(theirs)).isTrue();

    // and each of the others signs its own, at the same door
    for (String[] another : List.of(new String[] {"icb-partner", Groups.PARTNER_ICB, "Samuel Adeyemi"},
        new String[] {"police-partner", Groups.PARTNER_POLICE, "Claire Douglas"})) {
      Task own = localReviews.signOff(review, another[1]);
      Http.Response theirsSigned = door.as(port, another[0]).postJson(root + "/task/" + own.getId() + "/submit-form",
          signedAs(another[2]));
      assertThat(theirsSigned.status()).as(another[0] + ": " + theirsSigned.body()).isIn(200, 204);
    }
    localReviews.executeDueJobs(review);
    assertThat(localReviews.variable(review, "finalReportSignedOffOn")).isEqualTo(WorkingDays.todayInEngland().toString());
    assertThat(localReviews.variable(review, "localReviewOnTime")).isEqualTo(true);
  }

  /**
   * The coordinators' tasks of the local review are not there for a partner: the reviewer's report,
   * a written request to the reviewer, the family's involvement, the quality assurance.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void aPartnerCannotDoTheCoordinatorsWorkOnTheLocalReview(EngineDoor door) {
    ProcessInstance review = localReviews.underWay();
    String today = WorkingDays.todayInEngland().toString();
    Http partner = door.as(port, "police-partner");
    String root = door.root();
    Task receive = localReviews.task(review, LocalReview.TASK_RECEIVE_REPORT);
    Task write = localReviews.task(review, LocalReview.TASK_WRITE_TO_REVIEWER);
    Task family = localReviews.task(review, LocalReview.TASK_FAMILY);

    assertThat(partner.get(root + "/task?processInstanceId=" + review.getId()).json().size()).isZero();
    Map<Task, Map<String, Object>> answered = new LinkedHashMap<>();
    answered.put(receive, form("reviewerDocumentKind", "FINAL", "reportReceivedOn", today));
    answered.put(write, form("requestToReviewer", "Send the partners the final report now."));
    answered.put(family, form("familyInvolved", "NO", "familyInvolvement", "Not asked."));
    answered.forEach((task, answers) -> {
      String at = root + "/task/" + task.getId();
      assertThat(partner.postJson(at + "/submit-form", answers).status()).as(task.getTaskDefinitionKey()).isIn(403, 404);
      assertThat(partner.postJson(at + "/complete", answers).status()).as(task.getTaskDefinitionKey()).isIn(403, 404);
      assertThat(partner.postJson(at + "/claim", Map.of("userId", "police-partner")).status()).isIn(403, 404);
      assertThat(partner.get(at + "/variables").status()).isIn(403, 404);
      assertThat(partner.putJson(at + "/variables/reviewerEmail", Map.of("value", "x@example.net", "type", "String"))
          .status()).isIn(403, 404);
      assertThat(partner.postJson(at + "/bpmnError", Map.of("errorCode", "x")).status()).isIn(403, 404);
      assertThat(partner.putJson(at, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0000")).status()).isIn(403, 404);
      assertThat(partner.postJson(at + "/identity-links", Map.of("groupId", Groups.PARTNER_POLICE, "type", "candidate"))
          .status()).isIn(403, 404);
      assertThat(localReviews.isOpen(task)).as(task.getTaskDefinitionKey()).isTrue();
    });
    assertThat(partner.get(root + "/process-instance/" + review.getId() + "/variables").status()).isIn(403, 404);

    // the report received by the coordinators: its quality assurance is theirs too
    new uk.cspr.testing.Workflow(engine).attach(review, LocalReview.TASK_RECEIVE_REPORT, "final-report.pdf");
    engine.getTaskService().complete(receive.getId(), Map.of("reviewerDocumentKind", "FINAL", "reportReceivedOn", today));
    Task qualityAssure = localReviews.task(review, LocalReview.TASK_QUALITY_ASSURE);
    Map<String, Object> accepted = form("reportSetsOutImprovements", "YES", "reportAnalysesWhy", "YES",
        "qualityAssuranceOutcome", "ACCEPT");
    assertThat(partner.postJson(root + "/task/" + qualityAssure.getId() + "/submit-form", accepted).status()).isIn(403, 404);
    assertThat(partner.postJson(root + "/task/" + qualityAssure.getId() + "/bpmnError", Map.of("errorCode", "x"))
        .status()).isIn(403, 404);
    assertThat(localReviews.isOpen(qualityAssure)).isTrue();
    assertThat(localReviews.variable(review, "qualityAssuranceOutcome")).isNull();
    assertThat(localReviews.variable(review, "reviewerEmail")).isEqualTo("ruth.okafor@example.org");
    assertThat(localReviews.signOff(review, Groups.PARTNER_POLICE)).isNull();
  }

  /** "Awaiting my sign-off" lists each partner's own sign-off of the final report, and no other partner's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void awaitingMySignOffListsThePartnersOwnFinalReportSignOff(EngineDoor door) {
    ProcessInstance review = localReviews.underWay();
    localReviews.finalReportAccepted(review);
    Map<String, String> partners = Map.of("la-partner", Groups.PARTNER_LOCAL_AUTHORITY, "icb-partner", Groups.PARTNER_ICB,
        "police-partner", Groups.PARTNER_POLICE);
    partners.forEach((user, group) -> {
      JsonNode listed = filtered(door.as(port, user), door.root(), TasklistFilters.AWAITING_MY_SIGN_OFF);
      Set<String> ids = new HashSet<>(listed.findValuesAsText("id"));
      assertThat(ids).as(user).contains(localReviews.signOff(review, group).getId());
      partners.values().stream().filter(g -> !g.equals(group))
          .forEach(g -> assertThat(ids).as(user).doesNotContain(localReviews.signOff(review, g).getId()));
      assertThat(listed.findValuesAsText("taskDefinitionKey")).as(user).allMatch(key -> key.startsWith("signOff"));
    });
  }

  /** An attachment as the engine's own API takes one, a web page named as a PDF. */
  static Http.Response attachThroughTheEngine(Http person, String taskUrl) {
    String boundary = "cspr-attachment";
    String body = part(boundary, "attachment-name", null, "report.pdf") + part(boundary, "attachment-type", null, "text/html")
        + part(boundary, "content", "report.pdf", "<html><script>alert(1)</script></html>") + "--" + boundary + "--\r\n";
    return person.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .postRaw(taskUrl + "/attachment/create", body);
  }

  private static String part(String boundary, String name, String filename, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n" + value + "\r\n";
  }

  /** The tasks a Tasklist filter lists for this person, through this door. */
  static JsonNode filtered(Http person, String root, String filterName) {
    for (JsonNode filter : person.get(root + "/filter?resourceType=Task").json()) {
      if (filter.path("name").asText().equals(filterName)) {
        Http.Response list = person.get(root + "/filter/" + filter.path("id").asText() + "/list?maxResults=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
      }
    }
    throw new AssertionError("No filter " + filterName);
  }

  /** The manager at this door: HTTP Basic on the REST API; at the webapps' copy, Cockpit's login (managers have no Tasklist). */
  Http manager(EngineDoor door) {
    Http manager = new Http(port);
    if (door.tasklistSession()) {
      assertThat(manager.loginToWebapp("cockpit", "manager", "manager")).isEqualTo(200);
    } else {
      manager.basicAuth("manager", "manager");
    }
    return manager;
  }

  /** A manager reads the local review, its tasks and variables, and can do nothing to it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void aManagerReadsTheLocalReviewButCannotAct(EngineDoor door) {
    ProcessInstance review = localReviews.underWay();
    String today = WorkingDays.todayInEngland().toString();
    Http manager = manager(door);
    String root = door.root();
    Task receive = localReviews.task(review, LocalReview.TASK_RECEIVE_REPORT);
    Task write = localReviews.task(review, LocalReview.TASK_WRITE_TO_REVIEWER);

    assertThat(manager.get(root + "/task/" + receive.getId()).status()).isEqualTo(200);
    assertThat(manager.get(root + "/task/" + receive.getId() + "/variables").body()).contains("Ruth Okafor");
    assertThat(manager.get(root + "/process-instance/" + review.getId() + "/variables").status()).isEqualTo(200);

    Map<Task, Map<String, Object>> answered = new LinkedHashMap<>();
    answered.put(receive, form("reviewerDocumentKind", "FINAL", "reportReceivedOn", today));
    answered.put(write, form("requestToReviewer", "Send the partners the final report now."));
    answered.forEach((task, answers) -> {
      String at = root + "/task/" + task.getId();
      assertThat(manager.postJson(at + "/submit-form", answers).status()).as(task.getTaskDefinitionKey()).isEqualTo(403);
      assertThat(manager.postJson(at + "/complete", answers).status()).isEqualTo(403);
      assertThat(manager.postJson(at + "/claim", Map.of("userId", "manager")).status()).isEqualTo(403);
      assertThat(manager.putJson(at + "/variables/reviewerEmail", Map.of("value", "x@example.net", "type", "String"))
          .status()).isEqualTo(403);
      assertThat(manager.postJson(at + "/bpmnError", Map.of("errorCode", "x")).status()).isEqualTo(403);
      assertThat(manager.putJson(at, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0000")).status()).isEqualTo(403);
      assertThat(manager.postJson(at + "/identity-links", Map.of("groupId", Groups.MANAGERS, "type", "candidate"))
          .status()).isEqualTo(403);
      assertThat(localReviews.isOpen(task)).isTrue();
    });
    // the reviewer's report beside its task: the manager sees that it is there, and cannot open, add to or remove it
    Attachment report = localReviews.documentBeside(receive, "sent through the reviewer's link");
    String documents = root + "/task/" + receive.getId() + "/attachment";
    Http.Response listed = manager.get(documents);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("id")).containsExactly(report.getId());
    assertThat(manager.get(documents + "/" + report.getId() + "/data").status()).isEqualTo(403);
    assertThat(manager.delete(documents + "/" + report.getId()).status()).isIn(403, 404); // the API says 404 for any refusal
    // (the API answers a refused attachment with 400, as it does any failure to attach)
    assertThat(attachThroughTheEngine(manager(door), root + "/task/" + receive.getId()).status()).isIn(400, 403);
    assertThat(manager.postJson(root + "/task/" + receive.getId() + "/comment/create", Map.of("message", "Chase the reviewer"))
        .status()).isIn(400, 403);
    assertThat(engine.getTaskService().getTaskAttachments(receive.getId())).extracting(Attachment::getId)
        .containsExactly(report.getId());
    assertThat(engine.getTaskService().getTaskComments(receive.getId())).isEmpty();
    // (a coordinator, who works the task, opens it)
    assertThat(door.as(port, "coordinator").get(documents + "/" + report.getId() + "/data").status()).isEqualTo(200);

    assertThat(manager.postJson(root + "/process-instance/" + review.getId() + "/variables", Map.of("modifications",
        Map.of("localReviewDue", Map.of("value", "2099-01-01")))).status()).isEqualTo(403);
    assertThat(manager.postJson(root + "/signal", Map.of("name", "cspr-local-review-signed-off-" + review.getId()))
        .status()).isEqualTo(403);
    localReviews.assertNeitherMovedNorStoppedBy(manager, root, review);

    localReviews.finalReportAccepted(review);
    Task signOff = localReviews.signOff(review, Groups.PARTNER_ICB);
    assertThat(manager.postJson(root + "/task/" + signOff.getId() + "/submit-form", signedAs("Tom Okafor")).status())
        .isEqualTo(403);
    assertThat(localReviews.isOpen(signOff)).isTrue();
    assertThat(localReviews.isOpen(write)).isTrue();
    assertThat(localReviews.variable(review, "icbFinalSignOff")).isNull();
    assertThat(localReviews.variable(review, "reviewerEmail")).isEqualTo("ruth.okafor@example.org");
  }

  /**
   * The same rules hold for each of the engine's own ways to a document or comment, not only those
   * its REST API offers: by the document's id alone, renaming it, reading it; for a manager as for
   * anyone who may not change the task. A coordinator, and the server's own code, still do.
   */
  @Test
  void onTheEngineItselfAManagerNeitherOpensNorChangesADocumentOrComment() throws Exception {
    ProcessInstance review = localReviews.underWay();
    Task receive = localReviews.task(review, LocalReview.TASK_RECEIVE_REPORT);
    Attachment report = localReviews.documentBeside(receive, "sent through the reviewer's link");
    var tasks = engine.getTaskService();
    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication("manager", List.of(Groups.MANAGERS));
      assertThat(tasks.getTaskAttachments(receive.getId())).hasSize(1); // that it is there
      assertThatThrownBy(() -> tasks.getAttachmentContent(report.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.getTaskAttachmentContent(receive.getId(), report.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.deleteAttachment(report.getId()))
          .isInstanceOf(AuthorizationException.class);
      Attachment renamed = tasks.getAttachment(report.getId());
      renamed.setName("nothing-to-see.pdf");
      assertThatThrownBy(() -> tasks.saveAttachment(renamed))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.createComment(null, review.getId(), "On the review"))
          .isInstanceOf(AuthorizationException.class);

      identity.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
      try (var content = tasks.getAttachmentContent(report.getId())) {
        assertThat(content.readAllBytes()).startsWith("%PDF".getBytes());
      }
      tasks.createComment(receive.getId(), review.getId(), "Chased the reviewer by phone");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.getAttachment(report.getId()).getName()).isEqualTo("report.pdf");
    assertThat(tasks.getTaskComments(receive.getId())).hasSize(1);
    tasks.deleteAttachment(report.getId()); // the server's own code
    assertThat(tasks.getTaskAttachments(receive.getId())).isEmpty();
  }
}
