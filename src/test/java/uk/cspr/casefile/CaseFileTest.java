package uk.cspr.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;
import static uk.cspr.testing.Workflow.with;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;

/**
 * The case file of cases in different states, the engine clock moved: what was recorded, every
 * deadline's working days left and RAG against days counted by hand across bank holidays, each
 * agency's request with its answers and documents, immediate concerns, and the timeline.
 */
class CaseFileTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3131);

  ProcessEngine engine;
  Workflow workflow;
  CaseFiles caseFiles;

  @BeforeEach
  void asACoordinator() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    caseFiles = workflowEngine.caseFiles();
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
  }

  @AfterEach
  void loggedOut() {
    engine.getIdentityService().clearAuthentication();
  }

  static CaseFile.Deadline deadline(CaseFile file, String key) {
    return file.deadlines().stream().filter(d -> d.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("No deadline " + key + " in " + file.deadlines()));
  }

  static CaseFile.Section request(CaseFile file, String agency) {
    return file.sections().stream().filter(s -> s.title().equals("Request to " + agency)).findFirst()
        .orElseThrow(() -> new AssertionError("No request to " + agency + " in " + file.sections()));
  }

  static String fact(List<CaseFile.Fact> facts, String key) {
    return facts.stream().filter(f -> f.key().equals(key)).map(CaseFile.Fact::text).findFirst().orElse(null);
  }

  Task agencyTask(ProcessInstance caseInstance, String agencyGroup) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey("provideInformation").taskCandidateGroup(agencyGroup).singleResult();
  }

  /**
   * Aware Monday 22 December 2025: the notification is due Wednesday 31st (Christmas Day and
   * Boxing Day are not working days), the rapid review Thursday 15 January, the agencies Tuesday 6th.
   */
  @ParameterizedTest(name = "on {0} the notification has {1} working days left: {2}")
  @CsvSource({
      // today         left  rag    (counted by hand)
      "2025-12-22T10:00, 5, GREEN", // 23, 24, 29, 30, 31
      "2025-12-24T10:00, 3, GREEN", // 29, 30, 31
      "2025-12-26T10:00, 3, GREEN", // Boxing Day: still 29, 30, 31
      "2025-12-29T10:00, 2, AMBER", // 30, 31: the reminders have gone out
      "2025-12-31T10:00, 0, AMBER", // due today
      "2026-01-01T10:00, -1, RED",  // New Year's Day: no working day has passed, but it is missed
      "2026-01-02T10:00, -1, RED",  // Friday 2nd
      "2026-01-05T10:00, -2, RED"}) // Friday 2nd and Monday 5th
  void workingDaysLeftAndRagAcrossChristmas(String now, int left, String rag) {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    clockAt(now);

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    CaseFile.Deadline notify = deadline(file, "notifyPanel");
    assertThat(notify.due()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(notify.dueText()).isEqualTo("Wednesday 31 December 2025");
    assertThat(notify.status()).isEqualTo("OPEN");
    assertThat(notify.workingDaysLeft()).isEqualTo(left);
    assertThat(notify.rag()).isEqualTo(rag);
    assertThat(deadline(file, "rapidReview").due()).isEqualTo(LocalDate.of(2026, 1, 15));
  }

  @Test
  void theRapidReviewAndTheAgenciesAreCountedOnTheSameCalendar() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    // 23, 24, 29, 30, 31, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15 January
    assertThat(deadline(file, "rapidReview").workingDaysLeft()).isEqualTo(15);
    assertThat(file.deadlines().stream().filter(d -> d.key().equals("provideInformation")))
        .extracting(CaseFile.Deadline::name, CaseFile.Deadline::due, CaseFile.Deadline::workingDaysLeft)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Police: information for the rapid review", LocalDate.of(2026, 1, 6), 8),
            org.assertj.core.groups.Tuple.tuple("Health: information for the rapid review", LocalDate.of(2026, 1, 6), 8));
    // soonest first
    assertThat(file.deadlines().get(0).key()).isIn("notifyPanel", "confirmPartnersTold");
  }

  @Test
  void whatWasRecordedAndWhereTheCaseStandsInTheFormsWords() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"), "incidentDate", "2025-12-20"));
    workflow.executeDueJobs(caseInstance);
    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());

    assertThat(file.reference()).isEqualTo(caseInstance.getBusinessKey());
    assertThat(file.state()).isEqualTo("OPEN");
    assertThat(fact(file.recorded(), "incidentDate")).isEqualTo("Saturday 20 December 2025");
    assertThat(fact(file.recorded(), "awareDate")).isEqualTo("Monday 22 December 2025");
    assertThat(fact(file.recorded(), "incidentType")).isEqualTo("The child died");
    assertThat(fact(file.recorded(), "abuseOrNeglectSuspected")).isEqualTo("Yes");
    assertThat(fact(file.recorded(), "agencies")).isEqualTo("Police, Health");
    assertThat(fact(file.recorded(), "notificationRoute")).isEqualTo("The Panel (and a rapid review)");
    assertThat(file.children()).containsExactly(new CaseFile.Child("LCS-0001-X", 3, "Subject of a child protection plan"));
    assertThat(file.stage()).contains("Notify the Panel within 5 working days", "Rapid review within 15 working days");
    assertThat(request(file, "Police").status()).isEqualTo("Waiting");
    assertThat(fact(request(file, "Police").facts(), "askedOn")).isEqualTo("Monday 22 December 2025");
    assertThat(fact(request(file, "Police").facts(), "responseDue")).isEqualTo("Tuesday 6 January 2026");
    assertThat(file.immediateConcerns()).isEmpty();
    assertThat(file.timeline()).extracting(CaseFile.TimelineEntry::what)
        .contains("Serious incident recorded", "Send the request to the agency");
  }

  @Test
  void anAgencysAnswerItsDocumentAndItsImmediateConcernAreInTheFile() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);
    clockAt("2025-12-23T11:00");
    Task police = agencyTask(caseInstance, "agency-police");
    workflowEngine.stageBean(AgencyDocuments.class).attach(police, "chronology.pdf",
        "%PDF-1.4\n% chronology\n%%EOF\n".getBytes(), "sent through the response link");
    // as the response page does: no user, the answer names who gave it
    engine.getTaskService().complete(police.getId(), with(Workflow.agencyAnswers(),
        "immediateConcernsRaised", "YES",
        "immediateSafeguardingConcerns", "A sibling of 7 lives with the same adults; a strategy discussion is booked.",
        "responderName", "Mark Bennett", "responderRole", "Detective inspector"));
    Task health = agencyTask(caseInstance, "agency-health");
    engine.getTaskService().claim(health.getId(), "health-lead");
    engine.getTaskService().complete(health.getId(), Workflow.agencyAnswers());
    workflow.executeDueJobs(caseInstance);

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    CaseFile.Section answered = request(file, "Police");
    assertThat(answered.status()).isEqualTo("Answered");
    assertThat(fact(answered.facts(), "informationProvidedOn")).isEqualTo("Tuesday 23 December 2025");
    assertThat(fact(answered.facts(), "answeredBy")).isEqualTo("Mark Bennett, Detective inspector (through the response link)");
    assertThat(answered.answers()).extracting(CaseFile.Fact::label, CaseFile.Fact::text).contains(
        org.assertj.core.groups.Tuple.tuple("Summary chronology", Workflow.agencyAnswers().get("chronologySummary")),
        org.assertj.core.groups.Tuple.tuple("Involvement from", "Friday 1 March 2024"),
        org.assertj.core.groups.Tuple.tuple("Do you have immediate safeguarding concerns about this child or any other child?", "Yes"));
    assertThat(answered.answers()).extracting(CaseFile.Fact::key).doesNotContain("responderName", "responderRole");
    assertThat(answered.documents()).extracting(CaseFile.Document::name).containsExactly("chronology.pdf");

    assertThat(file.immediateConcerns()).singleElement().satisfies(concern -> {
      assertThat(concern.agency()).isEqualTo("Police");
      assertThat(concern.raisedOn()).isEqualTo(LocalDate.of(2025, 12, 23));
      assertThat(concern.concern()).startsWith("A sibling of 7");
    });
    assertThat(fact(request(file, "Health").facts(), "answeredBy"))
        .isEqualTo("Grace Whitfield, Designated nurse for safeguarding children (in Tasklist)");

    CaseFile.Deadline policeDeadline = file.deadlines().stream()
        .filter(d -> d.name().startsWith("Police")).findFirst().orElseThrow();
    assertThat(policeDeadline.status()).isEqualTo("MET");
    assertThat(policeDeadline.onTime()).isTrue();
    assertThat(policeDeadline.rag()).isNull();
    assertThat(file.timeline()).filteredOn(t -> t.what().equals("Provide the agency's information") && t.state().equals("DONE"))
        .extracting(CaseFile.TimelineEntry::stage, CaseFile.TimelineEntry::by, CaseFile.TimelineEntry::onTime)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Request to Police", "Mark Bennett, Detective inspector (through the response link)", true),
            org.assertj.core.groups.Tuple.tuple("Request to Health", "Grace Whitfield (health-lead)", true));
  }

  @Test
  void aNotificationSentLateIsMetLateAndTheTimelineSaysWhoAndWhen() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    clockAt("2026-01-05T15:00");
    Task notify = workflow.task(caseInstance, "notifyPanel");
    engine.getTaskService().claim(notify.getId(), "coordinator");
    engine.getTaskService().complete(notify.getId(), Map.of("panelNotificationReference", "CSPRP-2026-0012",
        "notifiedOn", "2026-01-05", "notificationDelayReason", "Reported to us only on 5 January."));

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    CaseFile.Deadline notified = deadline(file, "notifyPanel");
    assertThat(notified.status()).isEqualTo("MET_LATE");
    assertThat(notified.onTime()).isFalse();
    assertThat(notified.completedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(notified.workingDaysLeft()).isNull();
    assertThat(deadline(file, "confirmPartnersTold").rag()).isEqualTo("RED");
    assertThat(file.timeline()).filteredOn(t -> t.what().equals("Notify the Panel of the serious incident"))
        .singleElement().satisfies(step -> {
          assertThat(step.by()).isEqualTo("Priya Shah (coordinator)");
          assertThat(step.due()).isEqualTo(LocalDate.of(2025, 12, 31));
          assertThat(step.onTime()).isFalse();
          assertThat(step.state()).isEqualTo("DONE");
          assertThat(step.stage()).isEqualTo("Notification to the Panel");
        });
    CaseFile.Section notification = file.sections().stream().filter(s -> s.kind().equals("notification")).findFirst().orElseThrow();
    assertThat(fact(notification.facts(), "panelNotificationReference")).isEqualTo("CSPRP-2026-0012");
    assertThat(fact(notification.facts(), "notificationOnTime")).isEqualTo("No");
    assertThat(fact(notification.facts(), "notificationDelayReason")).isEqualTo("Reported to us only on 5 January.");
  }

  @Test
  void aWithdrawnRequestNeedsNothingAndAnOverdueOneIsRed() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    workflow.executeDueJobs(caseInstance);
    Task manage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey("manageAgencyRequest").list().stream()
        .filter(t -> t.getName().contains("Health")).findFirst().orElseThrow();
    engine.getTaskService().complete(manage.getId(), Map.of("requestAction", "WITHDRAW",
        "changeReason", "Health had no involvement with the family"));
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-07T10:00"); // the day after the agencies' Tuesday 6th
    workflow.executeDueJobs(caseInstance);

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    assertThat(request(file, "Health").status()).isEqualTo("Withdrawn");
    assertThat(fact(request(file, "Health").facts(), "changeReason")).isEqualTo("Health had no involvement with the family");
    assertThat(file.deadlines()).filteredOn(d -> d.name().startsWith("Health")).singleElement()
        .extracting(CaseFile.Deadline::status).isEqualTo("NOT_NEEDED");
    assertThat(request(file, "Police").status()).isEqualTo("Overdue");
    assertThat(fact(request(file, "Police").facts(), "escalated")).isEqualTo("Wednesday 7 January 2026");
    assertThat(file.deadlines()).filteredOn(d -> d.name().startsWith("Police")).singleElement()
        .satisfies(d -> assertThat(d.rag()).isEqualTo("RED"))
        .satisfies(d -> assertThat(d.workingDaysLeft()).isEqualTo(-1));
    CaseSummary summary = caseFiles.cases("open").stream()
        .filter(c -> c.reference().equals(caseInstance.getBusinessKey())).findFirst().orElseThrow();
    assertThat(summary.requestsMade()).isEqualTo(2);
    assertThat(summary.requestsAnswered()).isZero();
    assertThat(summary.rag()).isEqualTo("RED");
    assertThat(summary.nextDeadline()).isIn("Notify the Panel", "Tell the local safeguarding partners");
    assertThat(summary.missedDeadlines()).isEqualTo(3); // the Panel, the partners, the police
  }

  @Test
  void aCaseClosedAsNotNotifiableSaysHowItEnded() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(with(panelIncident("2025-12-22"),
        "incidentType", "SERIOUS_HARM", "abuseOrNeglectSuspected", false, "childStatus", "NONE", "childAge", 6));
    workflow.complete(caseInstance, "recordNotNotifiableDecision",
        "notNotifiableReason", "No abuse or neglect suspected after the strategy discussion",
        "notNotifiableDecidedBy", "Helen Marsh, Director of Children's Services",
        "notNotifiableDecidedOn", "2025-12-22");

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    assertThat(file.state()).isEqualTo("CLOSED");
    assertThat(file.closedOn()).isEqualTo(LocalDate.of(2025, 12, 22));
    assertThat(file.stage()).containsExactly("Not notifiable: decision recorded, case closed");
    assertThat(fact(file.recorded(), "notNotifiableReason")).isEqualTo("No abuse or neglect suspected after the strategy discussion");
    assertThat(deadline(file, "recordNotNotifiableDecision").status()).isEqualTo("MET");
    assertThat(caseFiles.cases("closed")).extracting(CaseSummary::reference).contains(caseInstance.getBusinessKey());
    assertThat(caseFiles.cases("open")).extracting(CaseSummary::reference).doesNotContain(caseInstance.getBusinessKey());
  }

  @Test
  void everyTaskNameCarriesItsCaseReference() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    String reference = caseInstance.getBusinessKey();
    assertThat(workflow.task(caseInstance, "notifyPanel").getName())
        .isEqualTo(reference + ": Notify the Panel of the serious incident");
    assertThat(workflow.task(caseInstance, "confirmPartnersTold").getName())
        .isEqualTo(reference + ": Tell the local safeguarding partners");
    // the agency request names its own tasks with the case already: not twice
    assertThat(agencyTask(caseInstance, "agency-police").getName()).isEqualTo("Provide information for case " + reference);
  }

  @Test
  void anObjectSomeoneStoredOnACaseDoesNotStopItsFileBeingRead() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(panelIncident("2025-12-22"));
    // as an attack through the engine API leaves it: an object the workflow never reads back
    engine.getRuntimeService().setVariable(caseInstance.getId(), "x", org.camunda.bpm.engine.variable.Variables
        .serializedObjectValue("{\"url\":\"jdbc:h2:mem:x\"}").objectTypeName("java.util.HashMap")
        .serializationDataFormat("application/json").create());

    CaseFile file = caseFiles.file(caseInstance.getBusinessKey());
    assertThat(file.recorded()).extracting(CaseFile.Fact::key).doesNotContain("x").contains("awareDate");
    assertThat(caseFiles.cases("open")).extracting(CaseSummary::reference).contains(caseInstance.getBusinessKey());
  }

  @Test
  void anUnknownCaseAndABadStateAreRefusedWithAMessage() {
    assertThatThrownBy(() -> caseFiles.file("NO-SUCH-CASE"))
        .isInstanceOfSatisfying(CaseFiles.Refused.class, r -> assertThat(r.status).isEqualTo(404))
        .hasMessage("There is no case NO-SUCH-CASE");
    assertThatThrownBy(() -> caseFiles.cases("pending"))
        .isInstanceOfSatisfying(CaseFiles.Refused.class, r -> assertThat(r.status).isEqualTo(400))
        .hasMessageContaining("open, closed or all");
    engine.getIdentityService().clearAuthentication();
    assertThatThrownBy(() -> caseFiles.cases("open"))
        .isInstanceOfSatisfying(CaseFiles.Refused.class, r -> assertThat(r.status).isEqualTo(401));
  }
}
