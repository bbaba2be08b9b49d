package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;
import static uk.cspr.testing.Workflow.with;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.casefile.CaseFile;
import uk.cspr.localreview.LocalReview;
import uk.cspr.notification.Notification;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.LaterStages;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * cspr-case on the plain engine: routes, deadlines, the not-notifiable decision, references, and a case from
 * its start form to its closure along each route out of the Panel's decision.
 */
class CaseProcessTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3127);

  ProcessEngine engine;
  Workflow workflow;
  LaterStages laterStages;

  @BeforeEach
  void today() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    laterStages = new LaterStages(engine);
    clockAt("2025-12-22T10:00");
  }

  @Test
  void aPanelCaseRunsNotificationAndTheRapidReviewTogetherWithTheStatutoryDeadlines() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));

    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_NOTIFICATION, CaseProcess.CALL_RAPID_REVIEW);
    assertThat(caseInstance).variables()
        .containsEntry("notificationDue", "2025-12-31")
        .containsEntry("rapidReviewDue", "2026-01-15")
        // agencies are asked on day 1 and have 8 working days: Christmas, Boxing Day and New Year skipped
        .containsEntry("agencyResponseDue", "2026-01-06")
        .containsEntry("notificationRoute", "PANEL")
        .containsEntry("dfeAndOfstedMustBeNotified", false)
        .containsEntry("deadlinesProvisional", false);
    ProcessInstance notification = workflow.stage(caseInstance, Notification.KEY);
    assertThat(notification).isWaitingAt(Notification.TASK_NOTIFY_PANEL, Notification.TASK_CONFIRM_PARTNERS_TOLD);
    assertThat(notification.getBusinessKey()).isEqualTo(caseInstance.getBusinessKey());
    // the child's references stay on the case: the stage is given only what it needs
    assertThat(engine.getRuntimeService().getVariables(notification.getId()))
        .doesNotContainKeys("childReferences", "childAge", "agencies", "childStatus");

    assertThat(workflow.task(caseInstance, Notification.TASK_NOTIFY_PANEL).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
    assertThat(workflow.task(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
    // one request per involved agency, each given only what it needs
    var requests = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-agency-request").list();
    assertThat(requests).hasSize(2);
    assertThat(requests).allSatisfy(r -> assertThat(engine.getRuntimeService().getVariables(r.getId()))
        .containsEntry("responseDue", "2026-01-06")
        .doesNotContainKeys("childReferences", "childAge", "childStatus", "agencies", "incidentType"));
    assertThat(requests.stream().map(r -> engine.getRuntimeService().getVariable(r.getId(), "agencyId")))
        .containsExactlyInAnyOrder("police", "health");
  }

  @Test
  void aCaseWithoutAReferenceGetsTheNextOneFromTheSequenceAndTheListsInOneShape() {
    ProcessInstance first = workflow.recordCase(with(panelIncident("2025-12-22"),
        "childReferences", "LCS-1, LCS-2 ,LCS-1", "agencies", org.camunda.spin.Spin.JSON("[\"police\",\"health\"]")));
    ProcessInstance second = workflow.recordCase(panelIncident("2025-12-22"));

    assertThat(first.getBusinessKey()).matches("CSPR-2025-\\d{4}");
    int n1 = Integer.parseInt(first.getBusinessKey().substring(10));
    assertThat(second.getBusinessKey()).isEqualTo(String.format("CSPR-2025-%04d", n1 + 1));
    // Json arrays, never Java objects: nothing a client sends back can name a class to rebuild
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(first.getId(), "childReferences")))
        .containsExactly("LCS-1", "LCS-2");
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(first.getId(), "agencies")))
        .containsExactly("police", "health");
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(second.getId(), "agencies")))
        .containsExactly("police", "health");
  }

  @Test
  void aSuppliedReferenceIsKeptAndADuplicateIsRefusedLeavingNoCaseBehind() {
    var started = engine.getRuntimeService().startProcessInstanceByKey(CaseProcess.KEY, "NSCP-2025-017", panelIncident("2025-12-22"));
    assertThat(started.getBusinessKey()).isEqualTo("NSCP-2025-017");
    long cases = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();

    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey(CaseProcess.KEY, "NSCP-2025-017", panelIncident("2025-12-22")))
        .isInstanceOf(Refusal.class).hasMessageContaining("The case reference NSCP-2025-017 is already used")
        .extracting(e -> ((Refusal) e).fields()).asList().containsExactly("businessKey");
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey(CaseProcess.KEY, "NSCP 2025/017", panelIncident("2025-12-22")))
        .isInstanceOf(Refusal.class).hasMessageContaining("The case reference 'NSCP 2025/017' must be");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count())
        .isEqualTo(cases);
  }

  @Test
  void theNotificationAndTheRapidReviewKeepTheirOutcomesOnTheCaseWhichThenAwaitsThePanel() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    clockAt("2025-12-30T15:00");
    workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-2025-12345", "notifiedOn", "2025-12-30");
    workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-29");

    assertThat(workflow.stage(caseInstance, Notification.KEY)).isNull();
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_RAPID_REVIEW);
    assertThat(caseInstance).variables()
        .containsEntry("notifiedOn", "2025-12-30")
        .containsEntry("notificationOnTime", true)
        .containsEntry("panelNotificationReference", "CSONS-2025-12345")
        .containsEntry("partnersToldOn", "2025-12-29");

    workflow.executeDueJobs(caseInstance); // the requests go out
    for (var task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey("provideInformation").list()) {
      engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers());
    }
    workflow.executeDueJobs(caseInstance); // acknowledgements
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_RAPID_REVIEW);
    clockAt("2026-01-15T11:00");
    workflow.sendTheRapidReviewToThePanel(caseInstance, "2026-01-12", "2026-01-15");
    // both done: the case waits on the Panel's response
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PANEL_DECISION);
    // what the rapid review decided and when it went, kept on the case for the later stages and the yearly report
    assertThat(workflow.caseVariable(caseInstance, "rapidReviewOutcome")).isEqualTo("SUBMITTED");
    assertThat(workflow.caseVariable(caseInstance, "rapidReviewSubmittedOn")).isEqualTo("2026-01-15");
    assertThat(workflow.caseVariable(caseInstance, "rapidReviewOnTime")).isEqualTo(true);
    assertThat(workflow.caseVariable(caseInstance, "partnersDecision")).isEqualTo("LOCAL_REVIEW");
    assertThat(workflow.caseVariable(caseInstance, "partnersDecisionOn")).isEqualTo("2026-01-12");
    assertThat(Workflow.jsonStrings(workflow.caseVariable(caseInstance, "parallelProceedings")))
        .containsExactly("POLICE_INVESTIGATION", "CHILD_DEATH_REVIEW");
    assertThat(workflow.caseVariable(caseInstance, "mayBeOfNationalImportance")).isEqualTo("NO");
    assertThat(workflow.task(caseInstance, "recordPanelResponse")).isNotNull();
  }

  @Test
  void aNotificationAfterTheFifthWorkingDayIsRecordedAsLateWithItsReason() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    clockAt("2026-01-02T10:00");
    // after the fifth working day the form asks why; without a reason nothing is recorded
    assertThatThrownBy(() -> workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-2026-00001", "notifiedOn", "2026-01-02"))
        .isInstanceOf(Refusal.class).hasMessageContaining("The answer to “Why was the notification late?” is required: the notification was submitted after its deadline");
    workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-2026-00001", "notifiedOn", "2026-01-02",
        "notificationDelayReason", "The death was reported to us over the Christmas closure.");
    assertThat(caseInstance).variables().doesNotContainKey("notificationOnTime");
    workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2026-01-02");
    assertThat(caseInstance).variables().containsEntry("notificationOnTime", false)
        .containsEntry("notificationDelayReason", "The death was reported to us over the Christmas closure.");
  }

  @Test
  void aBadAnswerRefusesTheCompletionAndTheTaskStaysOpen() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    assertThatThrownBy(() -> workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", " ", "notifiedOn", "2025-12-23"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Panel notification reference is required")
        .hasMessageContaining("Date the notification was submitted (23/12/2025) is in the future");
    assertThatThrownBy(() -> workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-1", "notifiedOn", "2025-12-19"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date the notification was submitted (19/12/2025) is before the date the local authority became aware");
    assertThatThrownBy(() -> workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "22/12/2025"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date the safeguarding partners were told is not a date: '22/12/2025'");
    assertThat(workflow.openTaskKeys(caseInstance)).contains(Notification.TASK_NOTIFY_PANEL, Notification.TASK_CONFIRM_PARTNERS_TOLD);
  }

  @Test
  void aLookedAfterChildsDeathWithAbuseSuspectedIsOneNotificationThatCoversDfeAndOfsted() {
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"), "childStatus", "LOOKED_AFTER"));
    assertThat(caseInstance).variables().containsEntry("dfeAndOfstedMustBeNotified", true);
    // no second task: the online system shares the one notification with DfE and Ofsted
    assertThat(workflow.openTaskKeys(caseInstance)).contains(Notification.TASK_NOTIFY_PANEL)
        .doesNotContain(Notification.TASK_NOTIFY_DFE_AND_OFSTED);
    clockAt("2025-12-23T10:00");
    assertThatThrownBy(() -> workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-9", "notifiedOn", "2025-12-23"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Confirm that the notification said");
    workflow.complete(caseInstance, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference", "CSONS-9",
        "notifiedOn", "2025-12-23", "dfeAndOfstedCovered", true);
    workflow.complete(caseInstance, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn", "2025-12-23");
    assertThat(workflow.stage(caseInstance, Notification.KEY)).isNull();
    assertThat(caseInstance).variables().containsEntry("dfeAndOfstedNotifiedOn", "2025-12-23").containsEntry("notifiedOn", "2025-12-23");
  }

  /** Children as the start form's dynamic list sends them: {@code "CARE_LEAVER:19"} per child. */
  static org.camunda.spin.json.SpinJsonNode children(String... children) {
    var list = org.camunda.spin.Spin.JSON("[]");
    int n = 0;
    for (String child : children) {
      String[] statusAndAge = child.split(":");
      list.append(org.camunda.spin.Spin.JSON("{\"reference\": \"LCS-R-" + ++n + "\", \"age\": " + statusAndAge[1]
          + ", \"status\": \"" + statusAndAge[0] + "\"}"));
    }
    return list;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // what                                              | children                          | type         | abuse | location                      | route                       | DfE and Ofsted
      "a child on a plan died, abuse suspected              | CHILD_PROTECTION_PLAN:3           | DEATH        | true  | IN_AREA                       | PANEL                       | false",
      "a child seriously harmed, abuse suspected            | CHILD_IN_NEED:14                  | SERIOUS_HARM | true  | IN_AREA                       | PANEL                       | false",
      "a looked-after child died, abuse suspected           | LOOKED_AFTER:9                    | DEATH        | true  | IN_AREA                       | PANEL                       | true",
      "a looked-after child died, no abuse suspected        | LOOKED_AFTER:9                    | DEATH        | false | IN_AREA                       | DFE_AND_OFSTED_ONLY         | true",
      "a care leaver of 17 died, abuse suspected            | CARE_LEAVER:17                    | DEATH        | true  | IN_AREA                       | PANEL                       | true",
      "a care leaver of 16 died, no abuse suspected         | CARE_LEAVER:16                    | DEATH        | false | IN_AREA                       | DFE_AND_OFSTED_ONLY         | true",
      "a care leaver of 24 died                             | CARE_LEAVER:24                    | DEATH        | false | IN_AREA                       | DFE_AND_OFSTED_ONLY         | true",
      "a care leaver of 19 and her baby, neglect suspected  | CARE_LEAVER:19, NONE:0            | DEATH        | true  | IN_AREA                       | PANEL                       | true",
      "two siblings, one looked after, seriously harmed     | LOOKED_AFTER:12, NONE:9           | SERIOUS_HARM | true  | IN_AREA                       | PANEL                       | false",
      "two siblings, one looked after, died, no abuse       | LOOKED_AFTER:12, NONE:9           | DEATH        | false | IN_AREA                       | DFE_AND_OFSTED_ONLY         | true",
      "serious harm, no abuse suspected                     | NONE:6                            | SERIOUS_HARM | false | IN_AREA                       | NOT_NOTIFIABLE              | false",
      "a care leaver of 20 seriously harmed                 | CARE_LEAVER:20                    | SERIOUS_HARM | true  | IN_AREA                       | NOT_NOTIFIABLE              | false",
      "a looked-after child seriously harmed, no abuse      | LOOKED_AFTER:15                   | SERIOUS_HARM | false | IN_AREA                       | NOT_NOTIFIABLE              | false",
      "four children, the youngest's neglect suspected      | NONE:17, NONE:12, NONE:7, NONE:1  | DEATH        | true  | IN_AREA                       | PANEL                       | false",
      "harmed abroad, normally resident here                | CHILD_PROTECTION_PLAN:3           | DEATH        | true  | OUTSIDE_ENGLAND_RESIDENT_HERE | PANEL                       | false",
      "in another English authority's area                  | LOOKED_AFTER:9                    | DEATH        | true  | ANOTHER_AUTHORITY             | PASSED_TO_ANOTHER_AUTHORITY | false"})
  void theRouteIsWorkedOutForEachChildAndCombined(String what, String children, String type, boolean abuse,
      String location, String route, boolean dfeAndOfsted) {
    ProcessInstance caseInstance = workflow.recordCase(with(Map.of(
        "incidentDate", "2025-12-22", "awareDate", "2025-12-22", "incidentType", type, "abuseOrNeglectSuspected", abuse,
        "children", children(children.split(",\\s*")), "agencies", "police", "incidentLocation", location,
        "otherLocalAuthority", "Westshire Council")));
    assertThat(caseInstance).variables().containsEntry("notificationRoute", route)
        .containsEntry("dfeAndOfstedMustBeNotified", dfeAndOfsted).containsEntry("incidentLocation", location);
    assertThat(Workflow.jsonStrings(workflow.caseVariable(caseInstance, "childReferences")))
        .hasSize(children.split(",").length);
    switch (route) {
      case "PANEL" -> assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_NOTIFICATION, CaseProcess.CALL_RAPID_REVIEW);
      case "DFE_AND_OFSTED_ONLY" -> assertThat(caseInstance).isWaitingAt("CallActivity_NotificationDfeAndOfsted");
      case "NOT_NOTIFIABLE" -> assertThat(caseInstance).isWaitingAt(CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION);
      default -> assertThat(caseInstance).isWaitingAt(CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY);
    }
  }

  @Test
  void anIncidentInAnotherAuthoritysAreaIsPassedToThemAndTheCaseCloses() {
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"),
        "incidentLocation", "ANOTHER_AUTHORITY", "otherLocalAuthority", "Westshire Council"));
    assertThat(caseInstance).isWaitingAt(CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY);
    assertThat(caseInstance).variables().containsEntry("otherLocalAuthority", "Westshire Council");
    assertThat(workflow.openTaskKeys(caseInstance)).containsExactly(CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY);
    assertThat(workflow.task(caseInstance, CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId()).count())
        .isZero(); // nobody notified, no agency asked: it is not ours

    assertThatThrownBy(() -> workflow.complete(caseInstance, CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY,
        "passedOnOn", "2025-12-22"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Told (the authority, and the person or team) is required").hasMessageContaining("Told by (name and role) is required");
    workflow.complete(caseInstance, CaseProcess.TASK_PASS_TO_ANOTHER_AUTHORITY,
        "passedOnTo", "Westshire Council, children's services front door", "passedOnOn", "2025-12-22",
        "passedOnBy", "Priya Shah, partnership coordinator");
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_PASSED_TO_ANOTHER_AUTHORITY);
    assertThat(workflow.caseVariable(caseInstance, "notificationRoute")).isEqualTo("PASSED_TO_ANOTHER_AUTHORITY");
    assertThat(workflow.caseVariable(caseInstance, "passedOnOn")).isEqualTo("2025-12-22");
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn")).isEqualTo("2025-12-22");
  }

  @Test
  void theChildrenAreKeptAsOneListWhicheverFormTheyArrivedIn() {
    ProcessInstance listed = workflow.recordCase(with(Map.of("incidentDate", "2025-12-22", "awareDate", "2025-12-22",
        "incidentType", "DEATH", "abuseOrNeglectSuspected", true, "agencies", "police",
        "children", children("CARE_LEAVER:19", "NONE:0"))));
    assertThat(workflow.caseVariable(listed, "children").toString())
        .isEqualTo("[{\"reference\":\"LCS-R-1\",\"age\":19,\"status\":\"CARE_LEAVER\"},"
            + "{\"reference\":\"LCS-R-2\",\"age\":0,\"status\":\"NONE\"}]");
    ProcessInstance single = workflow.recordCase(with(panelIncident("2025-12-22"), "childReferences", "LCS-A, LCS-B"));
    assertThat(workflow.caseVariable(single, "children").toString())
        .isEqualTo("[{\"reference\":\"LCS-A\",\"age\":3,\"status\":\"CHILD_PROTECTION_PLAN\"},"
            + "{\"reference\":\"LCS-B\",\"age\":3,\"status\":\"CHILD_PROTECTION_PLAN\"}]");
    assertThat(engine.getRuntimeService().getVariables(single.getId())).doesNotContainKeys("childAge", "childStatus");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "a looked-after child's death without suspected abuse, DEATH, false, LOOKED_AFTER, 9",
      "a care leaver's death at 20, DEATH, false, CARE_LEAVER, 20",
      "a care leaver's death at 19 with abuse suspected, DEATH, true, CARE_LEAVER, 19"})
  void dfeAndOfstedOnlyIsNotifiedThenTheCaseCloses(String what, String type, boolean abuse, String status, int age) {
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"),
        "incidentType", type, "abuseOrNeglectSuspected", abuse, "childStatus", status, "childAge", age));
    assertThat(caseInstance).isWaitingAt("CallActivity_NotificationDfeAndOfsted");
    assertThat(caseInstance).variables().containsEntry("notificationRoute", "DFE_AND_OFSTED_ONLY").doesNotContainKey("rapidReviewDue");
    assertThat(workflow.openTaskKeys(caseInstance)).containsExactly(Notification.TASK_NOTIFY_DFE_AND_OFSTED);
    assertThat(workflow.task(caseInstance, Notification.TASK_NOTIFY_DFE_AND_OFSTED).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));

    workflow.complete(caseInstance, Notification.TASK_NOTIFY_DFE_AND_OFSTED, "dfeAndOfstedNotifiedOn", "2025-12-22");
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_NOTIFIED_DFE_AND_OFSTED_ONLY);
    assertThat(workflow.caseVariable(caseInstance, "notifiedOn")).isEqualTo("2025-12-22");
    assertThat(workflow.caseVariable(caseInstance, "notificationOnTime")).isEqualTo(true);
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn")).isEqualTo("2025-12-22");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "serious harm without suspected abuse, SERIOUS_HARM, false, NONE, 6",
      "a looked-after child seriously harmed without suspected abuse, SERIOUS_HARM, false, LOOKED_AFTER, 15",
      "a care leaver seriously harmed at 20, SERIOUS_HARM, true, CARE_LEAVER, 20"})
  void anythingElseIsNotNotifiableAndTheDecisionIsRecorded(String what, String type, boolean abuse, String status, int age) {
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"),
        "incidentType", type, "abuseOrNeglectSuspected", abuse, "childStatus", status, "childAge", age));
    assertThat(caseInstance).isWaitingAt(CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION);
    assertThat(caseInstance).variables().containsEntry("notificationRoute", "NOT_NOTIFIABLE");

    assertThatThrownBy(() -> workflow.complete(caseInstance, CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION,
        "notNotifiableDecidedOn", "2025-12-22"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why the incident is not notifiable is required")
        .hasMessageContaining("Decided by (name and role) is required");
    workflow.complete(caseInstance, CaseProcess.TASK_RECORD_NOT_NOTIFIABLE_DECISION,
        "notNotifiableReason", "No abuse or neglect known or suspected after strategy discussion",
        "notNotifiableDecidedBy", "Helen Marsh, Director of Children's Services",
        "notNotifiableDecidedOn", "2025-12-22");
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_NOT_NOTIFIABLE);
    assertThat(workflow.caseVariable(caseInstance, "notNotifiableReason"))
        .isEqualTo("No abuse or neglect known or suspected after strategy discussion");
  }

  @Test
  void deadlinesAcrossEasterAreCountedInWorkingDays() {
    clockAt("2026-04-02T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2026-04-01"));
    // Good Friday 3 April and Easter Monday 6 April 2026 skipped; BST from 29 March
    assertThat(caseInstance).variables()
        .containsEntry("notificationDue", "2026-04-10")
        .containsEntry("rapidReviewDue", "2026-04-24");
    assertThat(workflow.task(caseInstance, Notification.TASK_NOTIFY_PANEL).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2026-04-10T22:59:59Z"));
  }

  @Test
  void deadlinesBeyondThePublishedCalendarAreProvisionalAndSettleWhenANewerOneIsPublished() {
    clockAt("2028-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2028-12-22"));
    // Christmas and Boxing Day 2028, then 1 January 2029 by rule: 27, 28, 29 December, 2 and 3 January
    assertThat(caseInstance).variables().containsEntry("notificationDue", "2029-01-03")
        .containsEntry("agencyResponseDue", "2029-01-08").containsEntry("deadlinesProvisional", true);
    var notify = workflow.task(caseInstance, Notification.TASK_NOTIFY_PANEL);
    assertThat(notify.getDueDate().toInstant()).isEqualTo(Instant.parse("2029-01-03T23:59:59Z"));
    assertThat(notify.getDescription()).contains("worked out by rule").contains("31 December 2028");
    ProcessInstance notification = workflow.stage(caseInstance, Notification.KEY);
    var reminder = engine.getManagementService().createJobQuery().processInstanceId(notification.getId())
        .activityId(Notification.TIMER_REMINDER).singleResult();
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2028-12-29T09:00:00Z"));

    // gov.uk publishes 2029, with a day proclaimed on Tuesday 2 January (a made-up one)
    var published = uk.cspr.testing.Calendars.publishedThrough(2029, "2029-01-02");
    workflowEngine.useCalendar(published);
    assertThat(new ProvisionalDeadlines(engine, published, uk.cspr.timescales.Timescales.defaults(),
        workflowEngine.transactions()).recompute()).isEqualTo(1);

    assertThat(caseInstance).variables().containsEntry("notificationDue", "2029-01-04")
        .containsEntry("agencyResponseDue", "2029-01-09").containsEntry("deadlinesProvisional", false);
    assertThat(engine.getRuntimeService().getVariable(notification.getId(), "notificationDue")).isEqualTo("2029-01-04");
    notify = workflow.task(caseInstance, Notification.TASK_NOTIFY_PANEL);
    assertThat(notify.getDueDate().toInstant()).isEqualTo(Instant.parse("2029-01-04T23:59:59Z"));
    assertThat(notify.getDescription()).doesNotContain("worked out by rule");
    // the timers follow: two working days before Thursday 4 January is Friday 29 December; the day after, Friday 5
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(notification.getId())
        .activityId(Notification.TIMER_REMINDER).singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2028-12-29T09:00:00Z"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(notification.getId())
        .activityId(Notification.TIMER_ESCALATION).singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2029-01-05T09:00:00Z"));
    var request = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-agency-request").list().get(0);
    assertThat(engine.getRuntimeService().getVariable(request.getId(), "responseDue")).isEqualTo("2029-01-09");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey("provideInformation").singleResult().getDueDate().toInstant())
        .isEqualTo(Instant.parse("2029-01-09T23:59:59Z"));
    // a second start with the same calendar changes nothing
    assertThat(new ProvisionalDeadlines(engine, published, uk.cspr.timescales.Timescales.defaults(),
        workflowEngine.transactions()).recompute()).isZero();
  }

  @Test
  void aCaseFoundAtTheRapidReviewNotToMeetTheCriteriaEndsRecordedWithoutWaitingOnItsNotification() {
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);
    clockAt("2025-12-24T10:00");
    workflow.complete(caseInstance, "recordRapidReviewMeeting", "rapidReviewMeetingOn", "2025-12-24",
        "reviewCriteriaMet", "NO", "criteriaNotMetReasons", "The injury was found to be accidental.");
    workflow.complete(caseInstance, "tellPanelCriteriaNotMet", "panelToldCriteriaNotMetOn", "2025-12-24");
    workflow.executeDueJobs(caseInstance); // the agencies told their requests are withdrawn

    assertThat(caseInstance).isEnded().hasPassed("EndEvent_CriteriaNotMet");
    assertThat(workflow.caseVariable(caseInstance, "rapidReviewOutcome")).isEqualTo("CRITERIA_NOT_MET");
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn")).isEqualTo("2025-12-24");
    // the notification, never made, is no longer asked of anyone
    assertThat(workflow.openTaskKeys(caseInstance)).isEmpty();
  }

  @Test
  void aCaseRecordedAfterItsRapidReviewWasDueStillStartsItsRapidReviewWithTheAgenciesGivenTheirMinimumTime() {
    // a case from before the system, recorded now: aware 20 working days ago, the rapid review overdue already
    clockAt("2026-01-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_NOTIFICATION, CaseProcess.CALL_RAPID_REVIEW);
    assertThat(caseInstance).variables().containsEntry("rapidReviewDue", "2026-01-15")
        .containsEntry("agencyResponseDue", "2026-01-27").containsEntry("rapidReviewAtRisk", true);
    assertThat(workflow.task(caseInstance, "recordRapidReviewMeeting").getDueDate()).isInThePast();
  }

  @Test
  void aLocalReviewDecidedAtTheRapidReviewRunsFromTheCaseToEachPartnersSignOffWithinSixMonthsOfTheDecision() {
    ProcessInstance caseInstance = caseWhoseLocalReviewThePanelAgreedOn("2026-02-16T10:00");
    // the six months count from the decision at the rapid review, Monday 12 January, not from today's start
    ProcessInstance review = workflow.stage(caseInstance, LocalReview.KEY);
    assertThat(review.getBusinessKey()).isEqualTo(caseInstance.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "localReviewDue")).isEqualTo("2026-07-12");
    // the stage is given only what it needs: never the children's references
    assertThat(engine.getRuntimeService().getVariables(review.getId()))
        .containsEntry("localReviewDecisionOn", "2026-01-12").containsEntry("incidentDate", "2025-12-22")
        .containsKeys("parallelProceedings", "agencies")
        .doesNotContainKeys("childReferences", "children", "childAge", "childStatus", "partnersDecisionReasons");
    var file = caseFile(caseInstance);
    assertThat(file.stage()).contains("Local review: final report within six months of the decision");
    assertThat(localReviewSection(file).facts()).extracting(CaseFile.Fact::label, CaseFile.Fact::text)
        .contains(org.assertj.core.groups.Tuple.tuple("Decided on (its six months run from here)", "Monday 12 January 2026"),
            org.assertj.core.groups.Tuple.tuple("Final report due", "Sunday 12 July 2026"));
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_SIGN_OFF)).singleElement()
        .satisfies(d -> {
          assertThat(d.due()).isEqualTo(LocalDate.parse("2026-07-12"));
          assertThat(d.status()).isEqualTo("OPEN");
        });

    laterStages.commissionTheLocalReview(caseInstance);
    clockAt("2026-06-01T10:00");
    laterStages.finishTheLocalReview(caseInstance);

    // signed off, the case goes on to publication and learning side by side, with the review's result, and does not close
    assertThat(workflow.stage(caseInstance, LocalReview.KEY)).isNull();
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PUBLICATION, CaseProcess.CALL_LEARNING_FROM_LOCAL_REVIEW);
    assertThat(workflow.caseVariable(caseInstance, "localReviewDue")).isEqualTo("2026-07-12");
    assertThat(workflow.caseVariable(caseInstance, "finalReportSignedOffOn")).isEqualTo("2026-06-01");
    assertThat(workflow.caseVariable(caseInstance, "localReviewOnTime")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariables(caseInstance.getId())).containsEntry("delayReason", null)
        .doesNotContainKey("caseClosedOn");
    assertThat(workflow.openTaskKeys(caseInstance)).containsExactlyInAnyOrder("decidePublication", "recordActionPlan");
    var signedOff = caseFile(caseInstance);
    assertThat(signedOff.stage()).containsExactlyInAnyOrder("Publication: sent 7 working days before, kept a year",
        "Learning: the recommendations into practice");
    assertThat(localReviewSection(signedOff).status()).isEqualTo("Done");
    assertThat(localReviewSection(signedOff).facts()).extracting(CaseFile.Fact::label, CaseFile.Fact::text)
        .contains(org.assertj.core.groups.Tuple.tuple("Final report signed off on", "Monday 1 June 2026"),
            org.assertj.core.groups.Tuple.tuple("Within six months of the decision", "Yes"));
    assertThat(signedOff.deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_SIGN_OFF)).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("MET"));
  }

  @Test
  void aLocalReviewSignedOffAfterSixMonthsKeepsItsReasonForTheDelayOnTheCase() {
    ProcessInstance caseInstance = caseWhoseLocalReviewThePanelAgreedOn("2026-02-16T10:00");
    laterStages.commissionTheLocalReview(caseInstance);

    // the first working day after Sunday 12 July: the managers are told and the coordinators asked why
    clockAt("2026-07-13T09:00");
    workflow.executeDueJobs(caseInstance);
    workflow.complete(caseInstance, LocalReview.TASK_RECORD_DELAY, "delayReason",
        "The criminal trial was adjourned to September; the family cannot be seen before it.",
        "localReviewExpectedOn", "2026-10-30");
    clockAt("2026-10-26T10:00");
    laterStages.finishTheLocalReview(caseInstance);

    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PUBLICATION, CaseProcess.CALL_LEARNING_FROM_LOCAL_REVIEW);
    assertThat(workflow.caseVariable(caseInstance, "localReviewDue")).isEqualTo("2026-07-12");
    assertThat(workflow.caseVariable(caseInstance, "finalReportSignedOffOn")).isEqualTo("2026-10-26");
    assertThat(workflow.caseVariable(caseInstance, "localReviewOnTime")).isEqualTo(false);
    assertThat(workflow.caseVariable(caseInstance, "delayReason"))
        .isEqualTo("The criminal trial was adjourned to September; the family cannot be seen before it.");
    var file = caseFile(caseInstance);
    assertThat(localReviewSection(file).facts()).extracting(CaseFile.Fact::label, CaseFile.Fact::text)
        .contains(org.assertj.core.groups.Tuple.tuple("Why it is late",
            "The criminal trial was adjourned to September; the family cannot be seen before it."),
            org.assertj.core.groups.Tuple.tuple("Within six months of the decision", "No"));
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_SIGN_OFF)).singleElement()
        .satisfies(d -> {
          assertThat(d.due()).isEqualTo(LocalDate.parse("2026-07-12"));
          assertThat(d.status()).isEqualTo("MET_LATE");
        });
  }

  // --- from the start form to closure, along each route out of the Panel's decision ---

  @Test
  void aCaseWithALocalReviewGoesFromTheStartFormThroughPublicationAndLearningToItsClosure() {
    ProcessInstance caseInstance = caseWhoseLocalReviewThePanelAgreedOn("2026-02-16T10:00");
    laterStages.commissionTheLocalReview(caseInstance);
    clockAt("2026-06-01T10:00");
    laterStages.finishTheLocalReview(caseInstance);
    // publication is given what it needs, and nothing of the children
    assertThat(engine.getRuntimeService().getVariables(workflow.stage(caseInstance, "cspr-publication").getId()))
        .containsEntry("finalReportSignedOffOn", "2026-06-01").containsKey("parallelProceedings")
        .doesNotContainKeys("childReferences", "children", "agencies");

    // the learning closes first: the case still waits for its publication, and is not closed
    LocalDate learnt = laterStages.learnAndClose(caseInstance, List.of("police", "health"));
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PUBLICATION);
    assertThat(engine.getRuntimeService().getVariable(caseInstance.getId(), "caseClosedOn")).isNull();
    assertThat(workflow.caseVariable(caseInstance, "learningClosedOn")).isEqualTo(learnt.toString());

    LocalDate published = laterStages.publishAndKeep(caseInstance);
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_REVIEW_PUBLISHED_AND_LEARNT);
    assertThat(workflow.caseVariable(caseInstance, "publishedOn")).isEqualTo(published.toString());
    assertThat(workflow.caseVariable(caseInstance, "publicationType")).isEqualTo("FULL");
    assertThat(workflow.caseVariable(caseInstance, "publicationUrl")).isEqualTo(LaterStages.PUBLICATION_URL);
    // closed the day the last of the two ended: the publication's review, a year after it was published
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn"))
        .isEqualTo(uk.cspr.calendar.WorkingDays.todayInEngland().toString());
    var closed = caseFile(caseInstance);
    assertThat(closed.state()).isEqualTo("CLOSED");
    assertThat(closed.sections()).extracting(CaseFile.Section::kind).contains("local-review", "publication", "learning");
  }

  @Test
  void aCaseWhoseNationalReviewThePartnersSupportGoesOnToLearningAndItsClosure() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordThroughTheStartForm(panelIncident("2025-12-22"));
    notifiedAndReviewed(caseInstance);
    clockAt("2026-02-16T10:00");
    workflow.complete(caseInstance, "recordPanelResponse", "panelOutcome", "NATIONAL_REVIEW",
        "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
    workflow.complete(caseInstance, "confirmPartnersDecision", "partnersDecision", "SUPPORT_NATIONAL_REVIEW",
        "partnersDecisionOn", "2026-02-16", "partnersDecisionReasons", "The Panel's review covers it.",
        "partnersDecisionAgreedBy", "Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)");
    assertThat(caseInstance).isWaitingAt(CaseProcess.SUBPROCESS_SUPPORT_NATIONAL_REVIEW);

    // the Panel's reviewers ask the police: a request of the police's own, due when the coordinators said
    assertThatThrownBy(() -> workflow.complete(caseInstance, NationalReviewSupport.TASK_ASK_AGENCY, "panelReviewAgencyId", "police",
        "panelReviewRequest", "The custody records of 2025.", "panelReviewResponseDue", "2026-03-07"))
        .isInstanceOf(uk.cspr.validation.Refusal.class).hasMessageContaining("is not a working day");
    workflow.complete(caseInstance, NationalReviewSupport.TASK_ASK_AGENCY, "panelReviewAgencyId", "police",
        "panelReviewRequest", "The custody records of 2025.", "panelReviewResponseDue", "2026-03-09");
    var police = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey("cspr-agency-request").singleResult();
    assertThat(engine.getRuntimeService().getVariables(police.getId())).containsEntry("agencyId", "police")
        .containsEntry("requestText", "The custody records of 2025.").containsEntry("responseDue", "2026-03-09");
    // and the coordinators may ask the next: the task opens again, empty
    assertThat(engine.getTaskService().getVariable(workflow.task(caseInstance, NationalReviewSupport.TASK_ASK_AGENCY).getId(),
        "panelReviewAgencyId")).isNull();
    engine.getTaskService().complete(workflow.task(caseInstance, "provideInformation").getId(), Workflow.agencyAnswers());
    workflow.executeDueJobs(caseInstance);
    assertThat(caseFile(caseInstance).deadlines()).extracting(CaseFile.Deadline::name)
        .contains("Police: information for the Panel's national review");

    // the Panel publishes: nothing more is asked, and the partners act on its findings
    clockAt("2026-09-14T10:00");
    assertThatThrownBy(() -> workflow.complete(caseInstance, NationalReviewSupport.TASK_RECORD_REPORT,
        "nationalReviewPublishedOn", "2026-09-15", "nationalReviewReference", "x", "nationalReviewFindings", "x"))
        .isInstanceOf(uk.cspr.validation.Refusal.class).hasMessageContaining("is in the future");
    workflow.complete(caseInstance, NationalReviewSupport.TASK_RECORD_REPORT, "nationalReviewPublishedOn", "2026-09-10",
        "nationalReviewReference", "https://www.gov.uk/government/publications/national-review-child-m",
        "nationalReviewFindings", "Information sharing between A&E and health visiting.");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LEARNING);
    ProcessInstance learning = workflow.stage(caseInstance, "cspr-learning");
    assertThat(engine.getRuntimeService().getVariable(learning.getId(), "learningFrom")).isEqualTo("NATIONAL_REVIEW");
    assertThat(caseFile(caseInstance).sections()).filteredOn(s -> s.kind().equals("national-review")).singleElement()
        .satisfies(s -> assertThat(s.facts()).extracting(CaseFile.Fact::text)
            .contains("Thursday 10 September 2026", "Information sharing between A&E and health visiting."));

    LocalDate closedOn = laterStages.learnAndClose(caseInstance, List.of("police", "health"));
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_LEARNING_IN_PRACTICE);
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn")).isEqualTo(closedOn.toString());
  }

  @Test
  void aCaseWithNoFurtherReviewGoesFromTheStartFormToLearningAndItsClosure() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordThroughTheStartForm(panelIncident("2025-12-22"));
    notifiedAndReviewed(caseInstance);
    engine.getRuntimeService().setVariable(workflow.stage(caseInstance, "cspr-panel-decision").getId(), "partnersDecision",
        "NO_FURTHER_REVIEW");
    clockAt("2026-02-16T10:00");
    workflow.complete(caseInstance, "recordPanelResponse", "panelOutcome", "NO_REVIEW_AGREED",
        "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LEARNING);
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(caseInstance, "cspr-learning").getId(), "learningFrom"))
        .isEqualTo("RAPID_REVIEW");
    LocalDate closedOn = laterStages.learnAndClose(caseInstance, List.of("police", "health"));
    assertThat(caseInstance).isEnded().hasPassed(CaseProcess.END_LEARNING_IN_PRACTICE);
    assertThat(workflow.caseVariable(caseInstance, "caseClosedOn")).isEqualTo(closedOn.toString());
    assertThat(caseFile(caseInstance).state()).isEqualTo("CLOSED");
  }

  /** Notified on time and the rapid review sent to the Panel on Thursday 15 January 2026, deciding on a local review. */
  void notifiedAndReviewed(ProcessInstance caseInstance) {
    laterStages.notifiedAndReviewed(caseInstance);
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PANEL_DECISION);
  }

  /**
   * A case recorded on Monday 22 December 2025, notified on time, its rapid review meeting deciding on
   * a local review on Monday 12 January 2026 and sent to the Panel on the 15th; the Panel's letter
   * agreeing arrives weeks later, and is recorded at {@code respondedAt}: the local review starts then.
   */
  ProcessInstance caseWhoseLocalReviewThePanelAgreedOn(String respondedAt) {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordThroughTheStartForm(panelIncident("2025-12-22"));
    notifiedAndReviewed(caseInstance);
    assertThat(workflow.stage(caseInstance, LocalReview.KEY)).isNull();

    clockAt(respondedAt);
    workflow.complete(caseInstance, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED",
        "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LOCAL_REVIEW);
    assertThat(workflow.caseVariable(caseInstance, "localReviewDecisionOn")).isEqualTo("2026-01-12");
    return caseInstance;
  }

  CaseFile caseFile(ProcessInstance caseInstance) {
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      return workflowEngine.caseFiles().file(caseInstance.getBusinessKey());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static CaseFile.Section localReviewSection(CaseFile file) {
    return file.sections().stream().filter(s -> s.kind().equals("local-review")).findFirst().orElseThrow();
  }

  @Test
  void theRecordedIncidentIsRefusedWhenItIsBad() {
    assertThatThrownBy(() -> workflow.recordCase(with(panelIncident("2025-12-22"), "awareDate", "2025-12-23")))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date the local authority became aware (23/12/2025) is in the future");
    assertThatThrownBy(() -> workflow.recordCase(Map.of()))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date of the incident").hasMessageContaining("Agencies involved");
  }
}
