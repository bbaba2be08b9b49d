package uk.cspr.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import static uk.cspr.testing.Workflow.clockAt;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.casefile.CaseFile;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.Mails;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * The publication as the case calls it, once the local review's final report is signed off (Monday
 * 2 November 2026; the partners decided to review on Monday 11 May 2026): what is published, the
 * anonymisation check of the version attached, the family told, a hold for parallel proceedings, the
 * report sent to the Panel, the Secretary of State and Ofsted, publication no sooner than 7 working
 * days later, and after a year whether it stays published. Engine clock moved, jobs executed, mail to
 * a real SMTP server; the class fails unless its tests take every flow.
 */
class PublicationProcessTest {

  static final String SIGNED_OFF_ON = "2026-11-02";
  static final String URL = "https://www.northshire-safeguarding.org.uk/reviews/child-l";

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3191).requiringEveryFlowOf(Publication.KEY);

  GreenMail smtp;
  Workflow workflow;
  ProcessEngine engine;
  final WorkingDays workingDays = new WorkingDays(Calendars.shipped());
  static int cases;

  @BeforeEach
  void parts() {
    smtp = workflowEngine.smtp();
    workflow = workflowEngine.workflow();
    engine = workflowEngine.engine();
  }

  @Test
  void theFullReportIsCheckedShownToTheFamilySentPublishedAndAfterAYearKeptThenRemoved() {
    ProcessInstance publication = startPublication();
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_DECIDE);
    // the forms say the proceedings as the rapid review's meeting recorded them, and the sign-off in words
    assertThat(taskVariable(publication, Publication.TASK_DECIDE, "parallelProceedingsInWords")).isEqualTo("Police investigation");
    assertThat(taskVariable(publication, Publication.TASK_DECIDE, "finalReportSignedOffOnInWords")).isEqualTo("Monday 2 November 2026");

    clockAt("2026-11-03T10:00");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "FULL",
        "publicationDecidedOn", "2026-11-04"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date the partners decided (04/11/2026) is in the future");
    workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "FULL", "publicationDecidedOn", "2026-11-03");

    // the check is of the version attached: refused without it, and without every confirmation
    clockAt("2026-11-10T10:00");
    Map<String, Object> check = anonymisationCheck();
    check.put("noPractitionerIdentifiable", false);
    assertThatThrownBy(() -> complete(publication, Publication.TASK_CHECK_ANONYMISATION, check))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Attach the version to be published to this task")
        .hasMessageContaining("No practitioner can be identified from it is required");
    assertThat(workflow.task(publication, Publication.TASK_CHECK_ANONYMISATION)).isNotNull();
    workflow.attach(publication, Publication.TASK_CHECK_ANONYMISATION, "report-to-publish.pdf");
    complete(publication, Publication.TASK_CHECK_ANONYMISATION, anonymisationCheck());

    // told: when, by whom, and the date planned, which they were told
    clockAt("2026-11-20T10:00");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "YES",
        "familyToldOfPublicationOn", "2026-11-20"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Who told them is needed")
        .hasMessageContaining("Date publication is planned for is needed");
    workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "YES",
        "familyToldOfPublicationOn", "2026-11-20", "familyToldOfPublicationBy", "Priya Shah, coordinator",
        "familyResponseToPublication", "The grandmother asked that the school is not named.",
        "plannedPublicationOn", "2026-12-16");
    workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "NO_HOLD");

    // sent to the Panel, the Secretary of State and Ofsted: not before the sign-off, and each confirmed
    clockAt("2026-12-03T10:00");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_SEND, "reportSentToPanelDfeAndOfsted", false,
        "finalReportSentOn", "2026-10-30"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Sent to the Panel, the Secretary of State (DfE) and Ofsted is required")
        .hasMessageContaining("Date it was sent (30/10/2026) is before the final report's sign-off (02/11/2026)");
    workflow.complete(publication, Publication.TASK_SEND, "reportSentToPanelDfeAndOfsted", true, "finalReportSentOn", "2026-12-03");
    // 7 working days later, told to the coordinators in words; the publication is due on the day planned
    assertThat(variable(publication, "earliestPublicationDate")).isEqualTo("2026-12-14");
    assertThat(taskVariable(publication, Publication.TASK_RECORD, "earliestPublicationDateInWords")).isEqualTo("Monday 14 December 2026");
    assertThat(taskVariable(publication, Publication.TASK_RECORD, "publicationPlanInWords"))
        .isEqualTo("Publication is planned for Wednesday 16 December 2026 (the family were told).");
    assertThat(workflow.task(publication, Publication.TASK_RECORD).getDueDate()).isEqualTo(workingDays.endOfDay("2026-12-16"));

    // published too soon: refused, naming the field and the day in words, and nothing is lost
    clockAt("2026-12-11T10:00");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", URL,
        "publishedOn", "2026-12-11"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Date it was published (11/12/2026) is before Monday 14 December 2026, the earliest it may be published");
    assertThat(workflow.task(publication, Publication.TASK_RECORD)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(publication.getId(), "publishedOn")).isNull();
    assertThat(engine.getRuntimeService().getVariable(publication.getId(), "earliestPublicationDate")).isEqualTo("2026-12-14");

    // on the earliest day, at 09:00, the coordinators are told they may publish
    clockAt("2026-12-14T08:59");
    workflow.executeDueJobs(publication);
    assertThat(mailsAbout("may be published")).isEmpty();
    clockAt("2026-12-14T09:00");
    workflow.executeDueJobs(publication);
    List<MimeMessage> mayPublish = mailsAbout("may be published from Monday 14 December 2026");
    assertThat(recipients(mayPublish)).contains("coordinator@example.org").doesNotContain("manager@example.org");
    assertThat(Mails.plainText(mayPublish.get(0))).contains("Thursday 3 December 2026").contains("the full report");

    clockAt("2026-12-16T10:00");
    workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", URL, "publishedOn", "2026-12-16");
    assertThat(variable(publication, "publishedOn")).isEqualTo("2026-12-16");

    CaseFile file = caseFile(publication);
    CaseFile.Section section = section(file);
    assertThat(section.status()).isEqualTo("Published");
    assertThat(section.facts()).extracting(CaseFile.Fact::text).contains("The full report", "Monday 14 December 2026",
        "Friday 20 November 2026, by Priya Shah, coordinator", "No: it need not wait", URL);
    assertThat(section.facts()).extracting(CaseFile.Fact::label).contains("Checked for anonymisation");
    assertThat(section.documents()).extracting(CaseFile.Document::name).containsExactly("report-to-publish.pdf");
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals("earliestPublicationDate")).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("Publishing allowed from");
      assertThat(d.due()).isEqualTo(LocalDate.parse("2026-12-14"));
      assertThat(d.status()).isEqualTo("MET");
    });
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_RECORD)).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("MET"));
    // the one-year review, decided within 5 working days of the anniversary (Christmas 2027 after it)
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_REVIEW)).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("The one-year review: does the report stay published?");
      assertThat(d.due()).isEqualTo(LocalDate.parse("2027-12-23"));
      assertThat(d.status()).isEqualTo("OPEN");
    });

    // a year on, at 09:00, the coordinators are asked whether it stays published
    clockAt("2027-12-16T08:59");
    workflow.executeDueJobs(publication);
    assertThat(workflow.task(publication, Publication.TASK_REVIEW)).isNull();
    clockAt("2027-12-16T09:00");
    workflow.executeDueJobs(publication);
    assertThat(workflow.task(publication, Publication.TASK_REVIEW).getDueDate()).isEqualTo(workingDays.endOfDay("2027-12-23"));
    assertThat(recipients(mailsAbout("decide whether the published report stays published"))).contains("coordinator@example.org");
    assertThat(Mails.plainText(mailsAbout("stays published").get(0))).contains("Wednesday 16 December 2026").contains(URL);
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_REVIEW, "publicationReviewDecision", "REMOVE",
        "publicationRemovedOn", "2027-12-15", "publicationRemovalReason", "Old."))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Date it was removed (15/12/2027) is before Thursday 16 December 2027");
    workflow.complete(publication, Publication.TASK_REVIEW, "publicationReviewDecision", "KEEP",
        "publicationReviewAgainOn", "2028-06-01", "publicationReviewNotes", "Still read by practitioners across the county.");

    // and again on the day they chose: its fields start empty, and it is removed
    clockAt("2028-06-01T09:00");
    workflow.executeDueJobs(publication);
    assertThat(taskVariable(publication, Publication.TASK_REVIEW, "publicationReviewDecision")).isNull();
    workflow.complete(publication, Publication.TASK_REVIEW, "publicationReviewDecision", "REMOVE",
        "publicationRemovedOn", "2028-06-01", "publicationRemovalReason",
        "The family asked for it to be taken down; its learning stays in the partners' yearly report.");
    assertThat(ended(publication)).isTrue();
    assertThat(workflow.passed(publication, Publication.END_REMOVED)).isTrue();

    CaseFile closed = caseFile(publication);
    assertThat(section(closed).status()).isEqualTo("Removed");
    assertThat(section(closed).facts()).extracting(CaseFile.Fact::text).contains(
        "Stays published; to be looked at again on Thursday 1 June 2028. Still read by practitioners across the county.",
        "Removed on Thursday 1 June 2028: The family asked for it to be taken down; its learning stays in the partners' yearly report.");
    assertThat(closed.deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_REVIEW))
        .extracting(CaseFile.Deadline::name, CaseFile.Deadline::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple("The one-year review: does the report stay published?", "MET"),
            org.assertj.core.groups.Tuple.tuple("Looking again: does the report stay published?", "MET"));
    // what the case is given back
    assertThat(variable(publication, "publicationType")).isEqualTo("FULL");
    assertThat(variable(publication, "publicationTypeReason")).isNull();
    assertThat(variable(publication, "finalReportSentOn")).isEqualTo("2026-12-03");
    assertThat(variable(publication, "publicationUrl")).isEqualTo(URL);
  }

  @Test
  void informationAboutTheImprovementsIsPublishedWithItsReasonAfterAHoldThatEndsByItself() {
    ProcessInstance publication = startPublication();
    clockAt("2026-11-03T10:00");
    // not the full report: the reason is required
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "IMPROVEMENTS_ONLY",
        "publicationDecidedOn", "2026-11-03"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why not the full report is needed");
    workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "IMPROVEMENTS_ONLY", "publicationDecidedOn",
        "2026-11-03", "publicationTypeReason", "The family are few and known locally: the full report would identify the sibling.");
    assertThat(taskVariable(publication, Publication.TASK_CHECK_ANONYMISATION, "whatIsPublishedInWords"))
        .isEqualTo("the information about the improvements to be made");
    workflow.attach(publication, Publication.TASK_CHECK_ANONYMISATION, "improvements.pdf");
    complete(publication, Publication.TASK_CHECK_ANONYMISATION, anonymisationCheck());
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "NO"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why they were not told is needed");
    workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "NO",
        "familyNotToldOfPublicationReason", "They declined to be involved.");

    // held until a date, which must be after today and have its reason
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "UNTIL_DATE",
        "publicationHeldUntil", "2026-11-03"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Held until (03/11/2026) is not after today")
        .hasMessageContaining("Which proceedings, and why publication must wait is needed");
    workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "UNTIL_DATE", "publicationHeldUntil",
        "2027-03-01", "publicationHoldReason", "The criminal trial is listed for February; the CPS asks that nothing is published before it ends.");
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_RELEASE_EARLY);
    CaseFile held = caseFile(publication);
    assertThat(section(held).status()).isEqualTo("Held until Monday 1 March 2027");
    assertThat(held.deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_RELEASE_EARLY)).singleElement()
        .satisfies(d -> assertThat(d.due()).isEqualTo(LocalDate.parse("2027-03-01")));

    // at 09:00 on that day it goes on by itself, and the coordinators are told
    clockAt("2027-03-01T08:59");
    workflow.executeDueJobs(publication);
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_RELEASE_EARLY);
    clockAt("2027-03-01T09:00");
    workflow.executeDueJobs(publication);
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_SEND);
    assertThat(variable(publication, "publicationReleasedOn")).isEqualTo("2027-03-01");
    List<MimeMessage> holdEnded = mailsAbout("publication is no longer held");
    assertThat(recipients(holdEnded)).contains("coordinator@example.org");
    assertThat(Mails.plainText(holdEnded.get(0))).contains("Monday 1 March 2027")
        .contains("the information about the improvements to be made").contains("7 working days before it is published");
    assertThat(caseFile(publication).deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_RELEASE_EARLY)).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("MET"));

    workflow.complete(publication, Publication.TASK_SEND, "reportSentToPanelDfeAndOfsted", true, "finalReportSentOn", "2027-03-01");
    assertThat(variable(publication, "earliestPublicationDate")).isEqualTo("2027-03-10");
    // no day planned: the publication has no due date
    assertThat(workflow.task(publication, Publication.TASK_RECORD).getDueDate()).isNull();
    clockAt("2027-03-10T10:00");
    workflow.executeDueJobs(publication);
    workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", URL, "publishedOn", "2027-03-10");
    assertThat(variable(publication, "publicationType")).isEqualTo("IMPROVEMENTS_ONLY");
    assertThat(variable(publication, "publicationTypeReason")).asString().contains("would identify the sibling");

    // a year on it stays published, and nobody is asked again
    clockAt("2028-03-10T09:00");
    workflow.executeDueJobs(publication);
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_REVIEW, "publicationReviewDecision", "KEEP",
        "publicationReviewAgainOn", "2028-03-01"))
        .isInstanceOf(Refusal.class).hasMessageContaining("When to look at it again (01/03/2028) is not after today");
    workflow.complete(publication, Publication.TASK_REVIEW, "publicationReviewDecision", "KEEP");
    assertThat(ended(publication)).isTrue();
    assertThat(workflow.passed(publication, Publication.END_STAYS_PUBLISHED)).isTrue();
    assertThat(section(caseFile(publication)).facts()).extracting(CaseFile.Fact::text)
        .contains("Stays published; not to be looked at again.", "Not told: They declined to be involved.");
  }

  @Test
  void aPublicationHeldUntilReleasedWaitsForTheCoordinatorsWithoutADueDate() {
    ProcessInstance publication = preparedPublication();
    workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "UNTIL_RELEASED",
        "publicationHoldReason", "The coroner's inquest has not concluded.");
    Task waiting = workflow.task(publication, Publication.TASK_RELEASE);
    assertThat(waiting.getDueDate()).isNull();
    assertThat(taskVariable(publication, Publication.TASK_RELEASE, "publicationHoldInWords"))
        .isEqualTo("Held until you release it here: the date is not yet known.");
    CaseFile file = caseFile(publication);
    assertThat(section(file).status()).isEqualTo("Held until released");
    assertThat(section(file).facts()).extracting(CaseFile.Fact::text)
        .contains("Yes, until we release it: the date is not yet known", "The coroner's inquest has not concluded.");
    assertThat(file.timeline()).anySatisfy(step -> {
      assertThat(step.what()).isEqualTo("Release the held publication");
      assertThat(step.state()).isEqualTo("OPEN");
      assertThat(step.due()).isNull();
    });

    // months pass: it still waits for them
    clockAt("2027-09-01T10:00");
    assertThat(workflow.executeDueJobs(publication)).isZero();
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_RELEASE);
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RELEASE, "publicationReleasedOn", "2026-11-01",
        "publicationReleaseNote", "The inquest concluded."))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date it was released (01/11/2026) is before the day publication was held");
    workflow.complete(publication, Publication.TASK_RELEASE, "publicationReleasedOn", "2027-09-01",
        "publicationReleaseNote", "The inquest concluded on 28 August.");
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_SEND);
  }

  @Test
  void aPublicationHeldUntilADateCanBeReleasedSooner() {
    ProcessInstance publication = preparedPublication();
    workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "UNTIL_DATE", "publicationHeldUntil",
        "2027-06-01", "publicationHoldReason", "The trial is listed for May.");
    clockAt("2027-02-15T10:00");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RELEASE_EARLY, "publicationReleasedOn", "2027-02-15"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why it can go ahead now is required");
    workflow.complete(publication, Publication.TASK_RELEASE_EARLY, "publicationReleasedOn", "2027-02-15",
        "publicationReleaseNote", "The defendant pleaded guilty; there will be no trial.");
    assertThat(workflow.openTaskKeys(publication)).containsExactly(Publication.TASK_SEND);
    // the hold's own date no longer moves anything
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(publication.getId()).count()).isZero();
    assertThat(caseFile(publication).deadlines()).filteredOn(d -> d.key().equals(Publication.TASK_RELEASE_EARLY)).singleElement()
        .satisfies(d -> assertThat(d.completedOn()).isEqualTo(LocalDate.parse("2027-02-15")));
  }

  @Test
  void theEarliestPublicationDateCountsWorkingDaysAcrossChristmasAndPublishingWaitsForTheFamily() {
    ProcessInstance publication = startPublication();
    clockAt("2027-01-05T10:00");
    workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "FULL", "publicationDecidedOn", "2026-12-01");
    workflow.attach(publication, Publication.TASK_CHECK_ANONYMISATION, "report-to-publish.pdf");
    complete(publication, Publication.TASK_CHECK_ANONYMISATION, anonymisationCheck());
    // the date they were told cannot be before they were told it
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "YES",
        "familyToldOfPublicationOn", "2027-01-05", "familyToldOfPublicationBy", "Priya Shah, coordinator",
        "plannedPublicationOn", "2027-01-04"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Date publication is planned for (04/01/2027) is before the day the family were told (05/01/2027)");
    workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "YES",
        "familyToldOfPublicationOn", "2027-01-05", "familyToldOfPublicationBy", "Priya Shah, coordinator",
        "plannedPublicationOn", "2027-01-08");
    workflow.complete(publication, Publication.TASK_DECIDE_HOLD, "publicationHold", "NO_HOLD");
    // sent on Friday 18 December 2026: Christmas Day and the Boxing Day substitute (Monday 28) are not counted
    workflow.complete(publication, Publication.TASK_SEND, "reportSentToPanelDfeAndOfsted", true, "finalReportSentOn", "2026-12-18");
    assertThat(variable(publication, "earliestPublicationDate")).isEqualTo("2026-12-31");
    assertThat(taskVariable(publication, Publication.TASK_RECORD, "earliestPublicationDateInWords")).isEqualTo("Thursday 31 December 2026");
    // that day is past: the coordinators are told at once that they may publish
    workflow.executeDueJobs(publication);
    assertThat(mailsAbout("may be published from Thursday 31 December 2026")).isNotEmpty();

    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", URL,
        "publishedOn", "2027-01-04"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Date it was published (04/01/2027) is before the family were told, on "
            + "Tuesday 5 January 2027");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl",
        "www.northshire-safeguarding.org.uk/reviews", "publishedOn", "2027-01-06"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Web address where it is published is not in the form the question asks for")
        .hasMessageContaining("Date it was published (06/01/2027) is in the future");
    assertThatThrownBy(() -> workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", "https://intranet/reviews",
        "publishedOn", "2027-01-05"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Web address where it is published is not a web address");
    workflow.complete(publication, Publication.TASK_RECORD, "publicationUrl", URL, "publishedOn", "2027-01-05");
    assertThat(variable(publication, "publishedOn")).isEqualTo("2027-01-05");
  }

  @Test
  void theStageNeedsTheDayTheFinalReportWasSignedOff() {
    clockAt("2026-11-02T10:00");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(Publication.KEY, "CSPR-2026-P000",
        Map.of("localReviewDecisionOn", "2026-05-11")))
        .isInstanceOf(Refusal.class).hasMessageContaining("finalReportSignedOffOn is required");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CSPR-2026-P000").count()).isZero();
  }

  // --- the language of these tests ---

  /** The stage as the case starts it, on the day the final report was signed off. */
  ProcessInstance startPublication() {
    clockAt("2026-11-02T10:00");
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("finalReportSignedOffOn", SIGNED_OFF_ON);
    inputs.put("localReviewDecisionOn", "2026-05-11");
    inputs.put("parallelProceedings", SpinValues.jsonValue("[\"POLICE_INVESTIGATION\"]").create());
    return engine.getRuntimeService().startProcessInstanceByKey(Publication.KEY, "CSPR-2026-P" + (++cases + 100), inputs);
  }

  /** Decided, checked and the family told, on Tuesday 3 November 2026: the hold is next. */
  ProcessInstance preparedPublication() {
    ProcessInstance publication = startPublication();
    clockAt("2026-11-03T10:00");
    workflow.complete(publication, Publication.TASK_DECIDE, "publicationType", "FULL", "publicationDecidedOn", "2026-11-03");
    workflow.attach(publication, Publication.TASK_CHECK_ANONYMISATION, "report-to-publish.pdf");
    complete(publication, Publication.TASK_CHECK_ANONYMISATION, anonymisationCheck());
    workflow.complete(publication, Publication.TASK_TELL_FAMILY, "familyToldOfPublication", "NO",
        "familyNotToldOfPublicationReason", "The family cannot be contacted while the proceedings run.");
    return publication;
  }

  static Map<String, Object> anonymisationCheck() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("noChildIdentifiable", true);
    answers.put("noFamilyMemberIdentifiable", true);
    answers.put("noPractitionerIdentifiable", true);
    answers.put("anonymisationCheckedBy", "Anna Lee, business manager");
    answers.put("anonymisationCheckedOn", WorkingDays.todayInEngland().toString());
    answers.put("anonymisationNotes", "The school and the street are no longer named.");
    return answers;
  }

  void complete(ProcessInstance publication, String key, Map<String, Object> answers) {
    Task task = workflow.task(publication, key);
    if (task == null) {
      throw new AssertionError("No open task " + key + "; open: " + workflow.openTaskKeys(publication));
    }
    engine.getTaskService().complete(task.getId(), answers);
  }

  Object taskVariable(ProcessInstance publication, String key, String name) {
    return engine.getTaskService().getVariable(workflow.task(publication, key).getId(), name);
  }

  boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .findFirst().map(v -> v.getValue()).orElse(null);
  }

  List<MimeMessage> mailsAbout(String words) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(words)).toList();
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
    return file.sections().stream().filter(s -> s.kind().equals("publication")).findFirst().orElseThrow();
  }
}
