package uk.cspr.paneldecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import static uk.cspr.testing.Workflow.clockAt;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.casefile.CaseFile;
import uk.cspr.cases.CaseProcess;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * The Panel's decision as the case calls it, started with what the rapid review sent: submitted
 * Thursday 15 January 2026 with the partners' decision of Monday 12 January, so a response is expected
 * by Thursday 5 February (15 working days) and chased from 09:00 on Friday 6 February. Engine clock
 * moved, jobs executed, mail to a real SMTP server; the class fails unless its tests take every flow.
 */
class PanelDecisionProcessTest {

  static final String SUBMITTED_ON = "2026-01-15";
  static final String DECIDED_ON = "2026-01-12";

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3187).requiringEveryFlowOf(PanelDecision.KEY);

  GreenMail smtp;
  Workflow workflow;
  ProcessEngine engine;
  static int cases;

  @BeforeEach
  void parts() {
    smtp = workflowEngine.smtp();
    workflow = workflowEngine.workflow();
    engine = workflowEngine.engine();
  }

  @Test
  void thePanelAgreesWithALocalReviewAndItsSixMonthsRunFromTheRapidReviewsDecision() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_RECORD_RESPONSE);
    clockAt("2026-01-29T10:00");
    respond(stage, "LOCAL_REVIEW_AGREED", "2026-01-28");

    assertThat(ended(stage)).isTrue();
    assertThat(workflow.passed(stage, PanelDecision.END_DECISION_FINAL)).isTrue();
    assertThat(workflow.passed(stage, PanelDecision.TASK_CONFIRM_DECISION)).isFalse();
    assertThat(variable(stage, "panelOutcome")).isEqualTo("LOCAL_REVIEW_AGREED");
    assertThat(variable(stage, "panelResponseOn")).isEqualTo("2026-01-28");
    assertThat(variable(stage, "panelResponseReference")).isEqualTo("CSPRP/2026/0042");
    assertThat(variable(stage, "partnersDecision")).isEqualTo("LOCAL_REVIEW");
    assertThat(variable(stage, "localReviewDecisionOn")).isEqualTo(DECIDED_ON);
  }

  @Test
  void thePanelAgreesNoFurtherReviewIsNeededAndTheCaseGoesToLearningWithNoLocalReviewDate() {
    ProcessInstance stage = startPanelDecision("NO_FURTHER_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "NO_REVIEW_AGREED", "2026-01-28");
    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "partnersDecision")).isEqualTo("NO_FURTHER_REVIEW");
    assertThat(variable(stage, "localReviewDecisionOn")).isNull();
    assertThat(workflow.passed(stage, PanelDecision.TASK_TELL_PANEL_DECISION)).isFalse();
  }

  @Test
  void aLocalReviewAdvisedWhenThePartnersHadDecidedOneIsTheirDecisionAgreed() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "LOCAL_REVIEW_ADVISED", "2026-01-28");
    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "localReviewDecisionOn")).isEqualTo(DECIDED_ON);
  }

  @Test
  void aNationalReviewOpenedThePartnersReviseTheirDecisionToSupportIt() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "NATIONAL_REVIEW", "2026-01-28");
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_CONFIRM_DECISION);
    // the partners decide again: the form starts empty, not with the decision they reconsider
    assertThat(engine.getTaskService().getVariable(workflow.task(stage, PanelDecision.TASK_CONFIRM_DECISION).getId(),
        "partnersDecision")).isNull();
    assertThat(engine.getTaskService().getVariable(workflow.task(stage, PanelDecision.TASK_CONFIRM_DECISION).getId(),
        "panelOutcomeInWords")).isEqualTo("The Panel will carry out a national review");

    clockAt("2026-02-03T10:00");
    decide(stage, "SUPPORT_NATIONAL_REVIEW", "2026-02-03", "The Panel's national review covers the learning; a local review would duplicate it.");
    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "partnersDecision")).isEqualTo("SUPPORT_NATIONAL_REVIEW");
    assertThat(variable(stage, "partnersDecisionOn")).isEqualTo("2026-02-03");
    assertThat(variable(stage, "localReviewDecisionOn")).isNull();
    // the history shows both decisions: the one sent with the rapid review, and the latest
    assertThat(valuesOf(stage, "partnersDecision")).containsExactly("LOCAL_REVIEW", "SUPPORT_NATIONAL_REVIEW");
    assertThat(variable(stage, "decisionSentWithRapidReview")).isEqualTo("LOCAL_REVIEW");
  }

  @Test
  void aDecisionToReviewConfirmedAfterTheNationalReviewIsOpenedKeepsTheDateItWasFirstMade() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "NATIONAL_REVIEW", "2026-01-28");
    clockAt("2026-02-10T10:00");
    decide(stage, "LOCAL_REVIEW", "2026-02-10", "Local learning about the early help offer is not in the national review's scope.");
    assertThat(variable(stage, "partnersDecisionOn")).isEqualTo("2026-02-10");
    // the six months are not restarted by the Panel's reply
    assertThat(variable(stage, "localReviewDecisionOn")).isEqualTo(DECIDED_ON);
  }

  @Test
  void aLocalReviewAdvisedThePartnersReviseTheirDecisionAndItsSixMonthsRunFromTheRevision() {
    ProcessInstance stage = startPanelDecision("NO_FURTHER_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "LOCAL_REVIEW_ADVISED", "2026-01-28");
    clockAt("2026-02-04T10:00");
    // a revised decision without reasons is refused, naming the field; nothing is lost
    assertThatThrownBy(() -> decide(stage, "LOCAL_REVIEW", "2026-02-04", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("Reasons for the decision is required");
    // supporting a national review is possible only when the Panel has opened one
    assertThatThrownBy(() -> decide(stage, "SUPPORT_NATIONAL_REVIEW", "2026-02-04", "Because."))
        .isInstanceOf(Refusal.class).hasMessageContaining("only when the Panel has opened one");
    assertThatThrownBy(() -> decide(stage, "LOCAL_REVIEW", "2026-01-27", "Because."))
        .isInstanceOf(Refusal.class).hasMessageContaining("(27/01/2026) is before the Panel's letter (28/01/2026)");
    assertThat(variable(stage, "partnersDecision")).isEqualTo("NO_FURTHER_REVIEW");

    decide(stage, "LOCAL_REVIEW", "2026-02-04", "The Panel's view that multi-agency learning is likely is accepted.");
    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "localReviewDecisionOn")).isEqualTo("2026-02-04");
    assertThat(variable(stage, "partnersDecisionAgreedBy")).isEqualTo("Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)");
  }

  @Test
  void aDecisionNotToReviewAgainstThePanelsAdviceIsSentToThePanelWithItsReasons() {
    ProcessInstance stage = startPanelDecision("NO_FURTHER_REVIEW");
    clockAt("2026-01-29T10:00");
    respond(stage, "LOCAL_REVIEW_ADVISED", "2026-01-28");
    clockAt("2026-02-05T10:00");
    decide(stage, "NO_FURTHER_REVIEW", "2026-02-05", "The learning is already being acted on through the single-agency review.");
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_TELL_PANEL_DECISION);
    // due within the partners' 10 working days of the Panel's letter
    assertThat(workflow.task(stage, PanelDecision.TASK_TELL_PANEL_DECISION).getDueDate()).isEqualTo(
        endOfDay("2026-02-11"));
    assertThatThrownBy(() -> workflow.complete(stage, PanelDecision.TASK_TELL_PANEL_DECISION,
        "partnersDecisionSentToPanelOn", "2026-02-04"))
        .isInstanceOf(Refusal.class).hasMessageContaining("is before the partners' decision (05/02/2026)");
    workflow.complete(stage, PanelDecision.TASK_TELL_PANEL_DECISION, "partnersDecisionSentToPanelOn", "2026-02-05");
    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "partnersDecisionSentToPanelOn")).isEqualTo("2026-02-05");
    assertThat(variable(stage, "localReviewDecisionOn")).isNull();
  }

  @Test
  void thePanelAsksForMoreInformationTwiceAndEachRoundIsKept() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-01-26T10:00");
    // what the Panel asked for is needed when it asks
    assertThatThrownBy(() -> respond(stage, "MORE_INFORMATION", "2026-01-26"))
        .isInstanceOf(Refusal.class).hasMessageContaining("What the Panel asked for is needed");
    respond(stage, "MORE_INFORMATION", "2026-01-26", "panelInformationRequested", "The police chronology for 2024.",
        "panelInformationDueOn", "2026-02-02");
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_PROVIDE_INFORMATION);
    assertThat(workflow.task(stage, PanelDecision.TASK_PROVIDE_INFORMATION).getDueDate())
        .isEqualTo(endOfDay("2026-02-02"));
    assertThatThrownBy(() -> workflow.complete(stage, PanelDecision.TASK_PROVIDE_INFORMATION,
        "panelInformationSent", "Chronology sent.", "panelInformationSentOn", "2026-01-23"))
        .isInstanceOf(Refusal.class).hasMessageContaining("is before the Panel asked for it (26/01/2026)");
    clockAt("2026-01-30T10:00");
    workflow.complete(stage, PanelDecision.TASK_PROVIDE_INFORMATION,
        "panelInformationSent", "The police chronology for 2024, agreed with the police.", "panelInformationSentOn", "2026-01-30");

    // waiting again, from the day it was sent: 15 working days on is Friday 20 February
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_RECORD_RESPONSE);
    assertThat(variable(stage, "panelResponseExpectedBy")).isEqualTo("2026-02-20");
    // the response task starts empty again
    assertThat(engine.getTaskService().getVariable(workflow.task(stage, PanelDecision.TASK_RECORD_RESPONSE).getId(),
        "panelOutcome")).isNull();
    // a response dated before the information went is refused
    assertThatThrownBy(() -> respond(stage, "LOCAL_REVIEW_AGREED", "2026-01-29"))
        .isInstanceOf(Refusal.class).hasMessageContaining("is before the information it asked for was sent (30/01/2026)");

    clockAt("2026-02-04T10:00");
    respond(stage, "MORE_INFORMATION", "2026-02-04", "panelInformationRequested", "The school's attendance record.");
    assertThat(workflow.task(stage, PanelDecision.TASK_PROVIDE_INFORMATION).getDueDate()).isNull();
    workflow.complete(stage, PanelDecision.TASK_PROVIDE_INFORMATION,
        "panelInformationSent", "Attendance record for the autumn term.", "panelInformationSentOn", "2026-02-04");
    clockAt("2026-02-12T10:00");
    respond(stage, "LOCAL_REVIEW_AGREED", "2026-02-12");

    assertThat(ended(stage)).isTrue();
    assertThat(variable(stage, "panelOutcome")).isEqualTo("LOCAL_REVIEW_AGREED"); // the latest response
    assertThat(variable(stage, "panelResponses").toString()).contains("The police chronology for 2024.")
        .contains("The school's attendance record.").contains("\"informationSentOn\":\"2026-02-04\"");

    CaseFile file = caseFile(stage);
    CaseFile.Section section = section(file);
    assertThat(section.facts()).extracting(CaseFile.Fact::label).contains("The Panel's letter of Monday 26 January 2026",
        "The Panel's letter of Wednesday 4 February 2026", "The Panel's letter of Thursday 12 February 2026",
        "Sent to the Panel on Friday 30 January 2026", "Sent to the Panel on Wednesday 4 February 2026");
    assertThat(section.facts()).extracting(CaseFile.Fact::text).contains(
        "The Panel asks for more information before it decides (its reference CSPRP/2026/0042)",
        "The police chronology for 2024. (by Monday 2 February 2026)");
    // each wait for the Panel is on the deadlines list, met by its response
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(PanelDecision.TASK_RECORD_RESPONSE)).hasSize(3);
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(PanelDecision.TASK_PROVIDE_INFORMATION))
        .extracting(CaseFile.Deadline::due).contains(java.time.LocalDate.parse("2026-02-02"));
  }

  @Test
  void withNoResponseTheCoordinatorsAreAskedToChaseAndAskedAgainWhileNothingComes() throws Exception {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-02-06T08:59");
    workflow.executeDueJobs(stage);
    assertThat(chaseMails()).isEmpty();
    assertThat(workflow.task(stage, PanelDecision.TASK_CHASE)).isNull();

    clockAt("2026-02-06T09:00"); // the first working day after the 15th since the rapid review went
    workflow.executeDueJobs(stage);
    assertThat(chaseMails()).isNotEmpty().allSatisfy(m -> assertThat(subject(m))
        .isEqualTo(stage.getBusinessKey() + ": chase the Panel: no response recorded by Thursday 5 February 2026"));
    assertThat(recipients(chaseMails())).containsOnly("demo@example.org", "coordinator@example.org");
    assertThat(uk.cspr.testing.Mails.plainText(chaseMails().get(0))).contains("The rapid review went to the Panel on Thursday 15 January 2026");
    assertThat(workflow.openTaskKeys(stage)).containsExactly(PanelDecision.TASK_CHASE, PanelDecision.TASK_RECORD_RESPONSE);

    assertThatThrownBy(() -> workflow.complete(stage, PanelDecision.TASK_CHASE, "panelChasedOn", "2026-02-07",
        "panelChaseNote", "E-mail to the secretariat"))
        .isInstanceOf(Refusal.class).hasMessageContaining("(07/02/2026) is in the future");
    workflow.complete(stage, PanelDecision.TASK_CHASE, "panelChasedOn", "2026-02-06", "panelChaseNote", "E-mail to the secretariat");
    assertThat(variable(stage, "panelResponseExpectedBy")).isEqualTo("2026-02-13");
    smtp.purgeEmailFromAllMailboxes();

    clockAt("2026-02-13T10:00");
    workflow.executeDueJobs(stage);
    assertThat(chaseMails()).isEmpty();
    clockAt("2026-02-16T09:00"); // still nothing: asked again, 5 working days after the chase
    workflow.executeDueJobs(stage);
    assertThat(chaseMails()).isNotEmpty().allSatisfy(m -> assertThat(subject(m)).contains("Friday 13 February 2026"));
    assertThat(workflow.task(stage, PanelDecision.TASK_CHASE)).isNotNull();

    // the response comes while the second chase is open: the chase is no longer needed
    clockAt("2026-02-16T11:00");
    respond(stage, "LOCAL_REVIEW_AGREED", "2026-02-16");
    assertThat(ended(stage)).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(stage.getId()).count()).isZero();

    CaseFile file = caseFile(stage);
    assertThat(section(file).facts()).extracting(CaseFile.Fact::label).contains("Chased on Friday 6 February 2026");
    var chases = file.deadlines().stream().filter(d -> d.key().equals(PanelDecision.TASK_CHASE)).toList();
    assertThat(chases).hasSize(2);
    assertThat(chases.get(0).completedOn()).isEqualTo(java.time.LocalDate.parse("2026-02-06"));
    assertThat(chases.get(1).status()).isEqualTo("NOT_NEEDED");
  }

  @Test
  void aBadResponseIsRefusedNamingTheFieldAndNothingIsLost() {
    ProcessInstance stage = startPanelDecision("LOCAL_REVIEW");
    clockAt("2026-01-29T10:00");
    assertThatThrownBy(() -> respond(stage, "MAYBE", "2026-01-28"))
        .isInstanceOf(Refusal.class).hasMessageContaining("What the Panel decided is not one of the answers offered");
    assertThatThrownBy(() -> respond(stage, "LOCAL_REVIEW_AGREED", "2026-01-14"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date of the Panel's letter (14/01/2026) is before the rapid review was sent to the Panel (15/01/2026)");
    assertThatThrownBy(() -> respond(stage, "LOCAL_REVIEW_AGREED", "2026-01-30"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date of the Panel's letter (30/01/2026) is in the future");
    assertThatThrownBy(() -> respond(stage, "LOCAL_REVIEW_AGREED", "2026-01-28", "panelResponseReference", ""))
        .isInstanceOf(Refusal.class).hasMessageContaining("The Panel's reference for its letter is required");
    // the Panel cannot agree with a decision the partners did not send
    assertThatThrownBy(() -> respond(stage, "NO_REVIEW_AGREED", "2026-01-28"))
        .isInstanceOf(Refusal.class).hasMessageContaining("cannot agree that no further review is needed");
    assertThat(workflow.task(stage, PanelDecision.TASK_RECORD_RESPONSE)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), "panelOutcome")).isNull();
    assertThat(variable(stage, "panelResponses").toString()).isEqualTo("[]");

    ProcessInstance other = startPanelDecision("NO_FURTHER_REVIEW");
    clockAt("2026-01-29T10:00");
    assertThatThrownBy(() -> respond(other, "LOCAL_REVIEW_AGREED", "2026-01-28"))
        .isInstanceOf(Refusal.class).hasMessageContaining("choose \"The Panel advises a local review\"");
  }

  @Test
  void theStageRefusesToStartWithoutWhatTheRapidReviewSent() {
    Map<String, Object> inputs = new HashMap<>(inputs("MAYBE"));
    inputs.remove("rapidReviewSubmittedOn");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PanelDecision.KEY, "CSPR-2026-P000", inputs))
        .isInstanceOf(Refusal.class).hasMessageContaining("rapidReviewSubmittedOn is required")
        .hasMessageContaining("partnersDecision must be LOCAL_REVIEW or NO_FURTHER_REVIEW");
  }

  // --- through the case: each route out of the Panel's decision, to where the case waits for the next stage ---

  @Test
  void aLocalReviewTakesTheCaseToTheLocalReviewWithTheDateOfTheDecision() {
    ProcessInstance caseInstance = caseWithTheRapidReviewWithThePanel();
    respond(caseInstance, "LOCAL_REVIEW_AGREED", "2026-01-28");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LOCAL_REVIEW);
    // the local review's six months count from the decision at the rapid review, not from today
    assertThat(engine.getRuntimeService().getVariable(workflow.stage(caseInstance, "cspr-local-review").getId(), "localReviewDue"))
        .isEqualTo("2026-07-12");
    assertThat(workflow.caseVariable(caseInstance, "panelOutcome")).isEqualTo("LOCAL_REVIEW_AGREED");
    assertThat(workflow.caseVariable(caseInstance, "localReviewDecisionOn")).isEqualTo("2026-01-12");
    assertThat(variable(caseInstance, "caseClosedOn")).isNull();
    var next = section(caseFile(caseInstance)).facts().stream().filter(f -> f.label().equals("Next")).findFirst().orElseThrow();
    assertThat(next.text()).isEqualTo("A local child safeguarding practice review");
  }

  @Test
  void aNationalReviewTakesTheCaseToSupportingIt() {
    ProcessInstance caseInstance = caseWithTheRapidReviewWithThePanel();
    respond(caseInstance, "NATIONAL_REVIEW", "2026-01-28");
    clockAt("2026-01-30T10:00");
    decide(caseInstance, "SUPPORT_NATIONAL_REVIEW", "2026-01-30", "The Panel's review covers it.");
    assertThat(caseInstance).isWaitingAt(CaseProcess.SUBPROCESS_SUPPORT_NATIONAL_REVIEW);
    assertThat(workflow.caseVariable(caseInstance, "partnersDecision")).isEqualTo("SUPPORT_NATIONAL_REVIEW");
    assertThat(variable(caseInstance, "localReviewDecisionOn")).isNull();
    // the rapid review's own record keeps the decision sent with it
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(stageOf(caseInstance, "cspr-rapid-review")).variableName("partnersDecision")
        .singleResult().getValue()).isEqualTo("LOCAL_REVIEW");
  }

  @Test
  void noFurtherReviewTakesTheCaseToLearning() {
    ProcessInstance caseInstance = caseWithTheRapidReviewWithThePanel();
    respond(caseInstance, "LOCAL_REVIEW_ADVISED", "2026-01-28");
    // the case's decision was a local review, so advice for one is agreement: straight on
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LOCAL_REVIEW);

    ProcessInstance another = caseWithTheRapidReviewWithThePanel();
    engine.getRuntimeService().setVariable(workflow.stage(another, PanelDecision.KEY).getId(), "partnersDecision", "NO_FURTHER_REVIEW");
    respond(another, "NO_REVIEW_AGREED", "2026-01-28");
    assertThat(another).isWaitingAt(CaseProcess.CALL_LEARNING);
    assertThat(workflow.caseVariable(another, "partnersDecision")).isEqualTo("NO_FURTHER_REVIEW");
  }

  @Test
  void thePanelsResponseIsRecordedWhileThePartnersBeingToldIsStillToConfirmAndTheCaseMovesOnOnceItIs() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(Workflow.panelIncident("2025-12-22"));
    clockAt("2025-12-30T15:00");
    workflow.complete(caseInstance, "notifyPanel", "panelNotificationReference", "CSONS-2025-12346", "notifiedOn", "2025-12-30");
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-15T11:00");
    workflow.sendTheRapidReviewToThePanel(caseInstance, DECIDED_ON, SUBMITTED_ON);
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_NOTIFICATION, CaseProcess.CALL_PANEL_DECISION);

    clockAt("2026-01-29T10:00");
    respond(caseInstance, "LOCAL_REVIEW_AGREED", "2026-01-28");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_NOTIFICATION);
    workflow.complete(caseInstance, "confirmPartnersTold", "partnersToldOn", "2025-12-29");
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_LOCAL_REVIEW);
  }

  // --- the language of these tests ---

  static java.util.Date endOfDay(String date) {
    return new uk.cspr.calendar.WorkingDays(uk.cspr.testing.Calendars.shipped()).endOfDay(date);
  }

  /** The case's instance of a stage, running or ended. */
  String stageOf(ProcessInstance caseInstance, String key) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
        .processDefinitionKey(key).singleResult().getId();
  }

  ProcessInstance startPanelDecision(String decisionSent) {
    clockAt("2026-01-15T10:00");
    return engine.getRuntimeService().startProcessInstanceByKey(PanelDecision.KEY, "CSPR-2026-P" + (++cases + 100),
        inputs(decisionSent));
  }

  static Map<String, Object> inputs(String decisionSent) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("rapidReviewSubmittedOn", SUBMITTED_ON);
    inputs.put("partnersDecision", decisionSent);
    inputs.put("partnersDecisionOn", DECIDED_ON);
    inputs.put("partnersDecisionReasons", "Multi-agency learning about information sharing.");
    return inputs;
  }

  /** A whole case, recorded Monday 22 December 2025, its rapid review sent to the Panel on 15 January 2026. */
  ProcessInstance caseWithTheRapidReviewWithThePanel() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(Workflow.panelIncident("2025-12-22"));
    clockAt("2025-12-30T15:00");
    workflow.complete(caseInstance, "notifyPanel", "panelNotificationReference", "CSONS-2025-12345", "notifiedOn", "2025-12-30");
    workflow.complete(caseInstance, "confirmPartnersTold", "partnersToldOn", "2025-12-29");
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-15T11:00");
    workflow.sendTheRapidReviewToThePanel(caseInstance, DECIDED_ON, SUBMITTED_ON);
    assertThat(caseInstance).isWaitingAt(CaseProcess.CALL_PANEL_DECISION);
    clockAt("2026-01-29T10:00");
    return caseInstance;
  }

  void respond(ProcessInstance instance, String outcome, String on, Object... more) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("panelOutcome", outcome);
    answers.put("panelResponseOn", on);
    answers.put("panelResponseReference", "CSPRP/2026/0042");
    answers.put("panelResponseSummary", "");
    for (int i = 0; i < more.length; i += 2) {
      answers.put((String) more[i], more[i + 1]);
    }
    engine.getTaskService().complete(workflow.task(instance, PanelDecision.TASK_RECORD_RESPONSE).getId(), answers);
  }

  void decide(ProcessInstance instance, String decision, String on, String reasons) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("partnersDecision", decision);
    answers.put("partnersDecisionOn", on);
    answers.put("partnersDecisionReasons", reasons);
    answers.put("partnersDecisionAgreedBy", "Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)");
    engine.getTaskService().complete(workflow.task(instance, PanelDecision.TASK_CONFIRM_DECISION).getId(), answers);
  }

  boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  Object variable(ProcessInstance instance, String name) {
    // the instance's own, not a task's field of the same name
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .findFirst().map(v -> v.getValue()).orElse(null);
  }

  /** Every value the variable took on the instance, in order: history keeps them all. */
  List<Object> valuesOf(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name) && instance.getId().equals(update.getActivityInstanceId()))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  List<MimeMessage> chaseMails() {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("chase the Panel")).toList();
  }

  CaseFile caseFile(ProcessInstance instance) {
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      return workflowEngine.caseFiles().file(instance.getBusinessKey());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static CaseFile.Section section(CaseFile file) {
    return file.sections().stream().filter(s -> s.kind().equals("panel-decision")).findFirst().orElseThrow();
  }
}
