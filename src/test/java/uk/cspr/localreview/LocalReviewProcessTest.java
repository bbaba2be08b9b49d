package uk.cspr.localreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.casefile.CaseFile;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.timescales.Timescales;
import uk.cspr.validation.Refusal;

/**
 * The local review as the case calls it: the partners decided on Monday 12 January 2026 at the rapid
 * review, and the stage starts weeks later, on Monday 16 February; the final report is due six months
 * after the decision, Sunday 12 July 2026, whatever day the stage began. Engine clock moved, jobs
 * executed, mail to a real SMTP server; the class fails unless its tests take every flow.
 */
class LocalReviewProcessTest {

  static final String DECIDED_ON = "2026-01-12";

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3189).requiringEveryFlowOf(LocalReview.KEY);

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
  void theWholeReviewFromTheDecisionToEachPartnersSignOffWithinSixMonths() throws Exception {
    ProcessInstance review = startLocalReview(DECIDED_ON);
    // the due date counts from the decision at the rapid review, not from today
    assertThat(variable(review, "localReviewDue")).isEqualTo("2026-07-12");
    assertThat(workflow.openTaskKeys(review)).containsExactly(LocalReview.TASK_INFORM);
    assertThat(workflow.task(review, LocalReview.TASK_INFORM).getDueDate()).isEqualTo(workingDays.endOfDay("2026-01-19"));
    workflow.complete(review, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", "2026-02-16");

    appointReviewer(review);
    // the case's agencies are offered, ticked, as those to ask; the coordinators keep the police only
    assertThat(Workflow.jsonStrings(engine.getTaskService().getVariable(workflow.task(review, LocalReview.TASK_AGREE_TERMS).getId(),
        "localReviewAgencies"))).containsExactly("police", "health");
    agreeTerms(review, "police");
    workflow.executeDueJobs(review); // the reviewer's link is mailed beside the task it opens
    // the reviewer is sent a link to the task for their report, kept only as its hash, working for the review's length
    List<MimeMessage> linkMails = mailsAbout("your link for sending the review's report");
    assertThat(recipients(linkMails)).containsExactly("ruth.okafor@example.org");
    String link = uk.cspr.testing.Mails.plainText(linkMails.get(0)).lines().filter(l -> l.contains("/review/")).findFirst().orElseThrow();
    String token = link.substring(link.indexOf("/review/") + "/review/".length()).trim();
    assertThat(uk.cspr.testing.Mails.plainText(linkMails.get(0))).contains("until the end of Wednesday 12 August 2026")
        .contains("Sunday 12 July 2026").doesNotContain("Dear null");
    assertThat(workflowEngine.responseLinks().hashesFor(review.getId())).hasSize(1).noneMatch(hash -> hash.contains(token));
    assertThat(workflowEngine.responseLinks().resolveTask(token, LocalReview.TASK_RECEIVE_REPORT).task().getId())
        .isEqualTo(workflow.task(review, LocalReview.TASK_RECEIVE_REPORT).getId());
    // an agency's page does not open it
    assertThat(workflowEngine.responseLinks().resolve(token).opens()).isFalse();
    assertThat(workflow.openTaskKeys(review)).contains(LocalReview.TASK_FAMILY, LocalReview.TASK_PRACTITIONERS,
        LocalReview.TASK_RECEIVE_REPORT, "provideInformation");
    // the police asked for the review's information, with their 20 working days
    Task police = workflow.task(review, "provideInformation");
    assertThat(police).isNotNull();
    // asked in the coordinators' words, with the review's 20 working days
    assertThat(engine.getTaskService().getVariable(police.getId(), "requestText"))
        .isEqualTo("Your records of the school's concerns in 2025, and who the reviewer may speak to.");
    assertThat(engine.getTaskService().getVariable(police.getId(), "responseDue")).isEqualTo("2026-03-16");
    engine.getTaskService().complete(police.getId(), Workflow.agencyAnswers());
    workflow.complete(review, LocalReview.TASK_FAMILY, "familyInvolved", "YES", "familyInvolvement",
        "The child's grandmother met the reviewer twice.");
    workflow.complete(review, LocalReview.TASK_PRACTITIONERS, "learningEventHeld", "YES", "learningEventOn", "2026-02-16",
        "learningEvent", "Twelve practitioners from health, school and children's social care.");

    // a draft: returned with what should change; it cannot be accepted for sign-off
    clockAt("2026-04-06T10:00");
    // a report the coordinators record as received is attached, so the partners can read it
    assertThatThrownBy(() -> workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "DRAFT",
        "reportReceivedOn", "2026-04-06")).isInstanceOf(Refusal.class).hasMessageContaining("Attach the report to this task");
    workflow.attach(review, LocalReview.TASK_RECEIVE_REPORT, "review-report.pdf");
    workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "DRAFT", "reportReceivedOn", "2026-04-06");
    assertThatThrownBy(() -> qualityAssure(review, "YES", "YES", "ACCEPT", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("a draft is not signed off");
    assertThatThrownBy(() -> qualityAssure(review, "YES", "NO", "RETURN", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("What should change is needed");
    smtp.purgeEmailFromAllMailboxes();
    qualityAssure(review, "YES", "NO", "RETURN", "The analysis of why the school's concerns were not escalated is missing.");
    workflow.executeDueJobs(review);
    assertThat(workflow.task(review, LocalReview.TASK_RECEIVE_REPORT)).isNotNull();
    // the reviewer is told what should change, and sent a new link for the next version; the first no longer opens
    assertThat(uk.cspr.testing.Mails.plainText(mailsAbout("the partners' comments").get(0)))
        .contains("The analysis of why the school's concerns were not escalated is missing.");
    assertThat(mailsAbout("your link for sending the review's report")).hasSize(1);
    assertThat(workflowEngine.responseLinks().resolveTask(token, LocalReview.TASK_RECEIVE_REPORT).opens()).isFalse();

    clockAt("2026-05-18T10:00");
    workflow.attach(review, LocalReview.TASK_RECEIVE_REPORT, "review-report.pdf");
    workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "FINAL", "reportReceivedOn", "2026-05-18");
    // the quality assurance must find the report's required content (SI 2018/789 Part 3)
    assertThatThrownBy(() -> qualityAssure(review, "NO", "YES", "ACCEPT", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("does not set out the improvements recommended");
    assertThatThrownBy(() -> qualityAssure(review, "YES", "NO", "ACCEPT", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("without an analysis of why events happened");
    qualityAssure(review, "YES", "YES", "ACCEPT", null);
    workflow.executeDueJobs(review);

    // each partner signs by name; a send-back goes to the coordinators and then to all three again
    assertThat(signOffTasks(review)).hasSize(3);
    assertThatThrownBy(() -> signOff(review, "partner-icb", "SIGN_OFF", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("Name of the person signing is required");
    signOff(review, "partner-local-authority", "SIGN_OFF", "Helen Marsh");
    engine.getTaskService().complete(signOffTask(review, "partner-police").getId(), Map.of("signOffDecision", "SEND_BACK",
        "signatoryName", "Claire Douglas", "signatoryRole", "LEAD_PARTNER", "sendBackComments", "Recommendation 3 names a school."));
    workflow.executeDueJobs(review);
    assertThat(engine.getTaskService().getVariable(workflow.task(review, LocalReview.TASK_REVISE).getId(),
        "finalReportSentBackComments").toString()).contains("Claire Douglas for the police: Recommendation 3 names a school.");
    workflow.complete(review, LocalReview.TASK_REVISE, "finalReportRevisionNote", "The school is no longer named.");
    clockAt("2026-06-01T10:00");
    signOffByAll(review);

    assertThat(ended(review)).isTrue();
    assertThat(workflow.passed(review, LocalReview.END_SIGNED_OFF)).isTrue();
    assertThat(variable(review, "finalReportSignedOffOn")).isEqualTo("2026-06-01");
    assertThat(variable(review, "localReviewOnTime")).isEqualTo(true);

    CaseFile file = caseFile(review);
    CaseFile.Section section = section(file);
    assertThat(section.facts()).extracting(CaseFile.Fact::text).contains("Ruth Okafor (Independent)",
        "returned to the reviewer: The analysis of why the school's concerns were not escalated is missing.",
        "Claire Douglas (lead partner): signed off on Monday 1 June 2026");
    assertThat(file.deadlines()).extracting(CaseFile.Deadline::name).contains("Police: information for the local review");
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_SIGN_OFF)).singleElement()
        .satisfies(d -> {
          assertThat(d.due()).isEqualTo(LocalDate.parse("2026-07-12"));
          assertThat(d.status()).isEqualTo("MET");
        });
  }

  @Test
  void thePartnersCheckProgressEveryFourWeeksAndAskTheReviewerInWriting() throws Exception {
    ProcessInstance review = startedReview();
    assertThat(workflow.task(review, LocalReview.TASK_PROGRESS_CHECK)).isNull();
    clockAt("2026-03-16T10:01"); // four weeks after the review began
    workflow.executeDueJobs(review);
    assertThat(workflow.task(review, LocalReview.TASK_PROGRESS_CHECK)).isNotNull();
    smtp.purgeEmailFromAllMailboxes();
    // the report expected after its due date is a due date moved: refused without its reason, nothing lost
    assertThatThrownBy(() -> workflow.complete(review, LocalReview.TASK_PROGRESS_CHECK, "reviewOnTrack", "NO", "progressNotes",
        "The police chronology is late.", "localReviewExpectedOn", "2026-09-30"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why it will be late is needed: the final report is due by Sunday 12 July 2026");
    assertThat(workflow.task(review, LocalReview.TASK_PROGRESS_CHECK)).isNotNull();
    workflow.complete(review, LocalReview.TASK_PROGRESS_CHECK, "reviewOnTrack", "NO", "progressNotes",
        "The police chronology is late.", "requestToReviewer", "Please send the partners a draft of the chronology by 30 March.",
        "localReviewExpectedOn", "2026-09-30", "delayReason", "The police investigation holds the chronology until August.");
    assertThat(variable(review, "delayReason")).isEqualTo("The police investigation holds the chronology until August.");
    assertThat(caseFile(review).deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_RECORD_DELAY)).singleElement()
        .satisfies(d -> assertThat(d.due()).isEqualTo(LocalDate.parse("2026-09-30")));
    workflow.executeDueJobs(review);
    List<MimeMessage> request = mailsAbout("written request");
    assertThat(request).isNotEmpty();
    assertThat(recipients(request)).containsOnly("ruth.okafor@example.org");
    assertThat(uk.cspr.testing.Mails.plainText(request.get(0))).contains("Please send the partners a draft of the chronology by 30 March.");

    // and again four weeks on, while the review runs; this time nothing is asked of the reviewer
    clockAt("2026-04-13T12:00"); // four weeks on (an hour later by the clock: British Summer Time began)
    workflow.executeDueJobs(review);
    smtp.purgeEmailFromAllMailboxes();
    workflow.complete(review, LocalReview.TASK_PROGRESS_CHECK, "reviewOnTrack", "YES", "progressNotes", "Back on track.");
    workflow.executeDueJobs(review);
    assertThat(mailsAbout("written request")).isEmpty();
    assertThat(variable(review, "progressChecks").toString()).contains("The police chronology is late.").contains("Back on track.");
    assertThat(section(caseFile(review)).facts()).extracting(CaseFile.Fact::label)
        .contains("Progress checked Monday 16 March 2026", "Progress checked Monday 13 April 2026");
  }

  @Test
  void thePartnersAskTheReviewerInWritingWheneverTheyChooseUntilTheReportIsSignedOff() throws Exception {
    ProcessInstance review = startedReview();
    assertThat(workflow.task(review, LocalReview.TASK_WRITE_TO_REVIEWER)).isNotNull();
    assertThatThrownBy(() -> workflow.complete(review, LocalReview.TASK_WRITE_TO_REVIEWER, "requestToReviewer", " "))
        .isInstanceOf(Refusal.class).hasMessageContaining("The partners' request to the reviewer is required");
    clockAt("2026-02-23T11:00");
    workflow.complete(review, LocalReview.TASK_WRITE_TO_REVIEWER, "requestToReviewer",
        "Please send the partners your outline of the key practice episodes by Friday 6 March.");
    workflow.executeDueJobs(review);
    List<MimeMessage> request = mailsAbout("written request");
    assertThat(recipients(request)).containsExactly("ruth.okafor@example.org");
    assertThat(uk.cspr.testing.Mails.plainText(request.get(0))).contains("key practice episodes by Friday 6 March")
        .contains("regulation 14");
    // it opens again for the next request
    assertThat(workflow.task(review, LocalReview.TASK_WRITE_TO_REVIEWER)).isNotNull();
    assertThat(section(caseFile(review)).facts()).extracting(CaseFile.Fact::label)
        .contains("Written request to the reviewer, Monday 23 February 2026 (on its own)");

    // signed off within four weeks: no progress check was ever due, and nothing more is asked of the reviewer
    clockAt("2026-03-09T10:00");
    finishTheReview(review);
    assertThat(ended(review)).isTrue();
    assertThat(workflow.passed(review, "Signal_ProgressChecksEnd")).isTrue();
    assertThat(workflow.passed(review, "EndEvent_NoMoreWriting")).isTrue();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LocalReview.TASK_PROGRESS_CHECK).count()).isZero();
  }

  @Test
  void aReviewRunningPastSixMonthsIsEscalatedAndItsReasonRecorded() throws Exception {
    ProcessInstance review = startedReview();
    // reminded 20 working days before the due date
    java.util.Date reminder = workingDays.reminderAt("2026-07-12", 20);
    ClockUtilAt(reminder.getTime() - 60_000);
    workflow.executeDueJobs(review);
    assertThat(mailsAbout("reminder")).isEmpty();
    ClockUtilAt(reminder.getTime());
    workflow.executeDueJobs(review);
    assertThat(mailsAbout("reminder")).isNotEmpty().allSatisfy(m -> assertThat(subject(m)).contains("Sunday 12 July 2026"));

    clockAt("2026-07-13T09:00"); // the first working day after Sunday 12 July
    workflow.executeDueJobs(review);
    assertThat(recipients(mailsAbout("overdue")).stream().distinct()).contains("manager@example.org", "coordinator@example.org");
    assertThat(workflow.task(review, LocalReview.TASK_RECORD_DELAY)).isNotNull();
    // a new date without a reason, or in the past: refused, naming the field
    assertThatThrownBy(() -> workflow.complete(review, LocalReview.TASK_RECORD_DELAY, "localReviewExpectedOn", "2026-10-30"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why the review is late is required");
    assertThatThrownBy(() -> workflow.complete(review, LocalReview.TASK_RECORD_DELAY, "delayReason", "The criminal trial.",
        "localReviewExpectedOn", "2026-07-10")).isInstanceOf(Refusal.class).hasMessageContaining("is before today");
    workflow.complete(review, LocalReview.TASK_RECORD_DELAY, "delayReason",
        "The criminal trial was adjourned to September; the family cannot be seen before it.", "localReviewExpectedOn", "2026-10-30");

    // a draft returned after the due date: the new link works the usual 30 days, and its mail says so
    clockAt("2026-10-19T10:00");
    workflow.attach(review, LocalReview.TASK_RECEIVE_REPORT, "draft.pdf");
    workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "DRAFT", "reportReceivedOn", "2026-10-19");
    smtp.purgeEmailFromAllMailboxes();
    qualityAssure(review, "YES", "NO", "RETURN", "The analysis is missing.");
    workflow.executeDueJobs(review);
    assertThat(uk.cspr.testing.Mails.plainText(mailsAbout("your link for sending the review's report").get(0)))
        .contains("until the end of Wednesday 18 November 2026");

    clockAt("2026-10-26T10:00");
    finishTheReview(review);
    assertThat(ended(review)).isTrue();
    assertThat(variable(review, "localReviewOnTime")).isEqualTo(false);
    assertThat(variable(review, "delayReason")).asString().contains("criminal trial was adjourned");
    assertThat(caseFile(review).deadlines()).filteredOn(d -> d.key().equals(LocalReview.TASK_SIGN_OFF)).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("MET_LATE"));
  }

  @Test
  void aReviewStillWithoutItsReviewerIsRemindedAndEscalatedAsTheDueDateComesAndGoes() throws Exception {
    ProcessInstance review = startLocalReview(DECIDED_ON);
    workflow.complete(review, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", "2026-02-16");
    // nobody appointed: the six months run all the same
    ClockUtilAt(workingDays.reminderAt("2026-07-12", 20).getTime());
    workflow.executeDueJobs(review);
    assertThat(mailsAbout("reminder")).isNotEmpty();
    clockAt("2026-07-13T09:00");
    workflow.executeDueJobs(review);
    assertThat(recipients(mailsAbout("overdue"))).contains("manager@example.org");
    assertThat(workflow.openTaskKeys(review)).containsExactlyInAnyOrder(LocalReview.TASK_APPOINT_REVIEWER,
        LocalReview.TASK_RECORD_DELAY);
  }

  @Test
  void aDecisionAtTheEndOfAugustIsDueAtTheEndOfFebruary() {
    clockAt("2026-09-14T10:00");
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey(LocalReview.KEY,
        "CSPR-2026-L" + (++cases + 100), Map.of("localReviewDecisionOn", "2026-08-31"));
    assertThat(variable(review, "localReviewDue")).isEqualTo("2027-02-28");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(LocalReview.KEY, "CSPR-2026-L000", Map.of()))
        .isInstanceOf(Refusal.class).hasMessageContaining("localReviewDecisionOn is required");
  }

  @Test
  void aReviewerIsAppointedOnlyWithTheirDeclarationRecorded() {
    ProcessInstance review = startLocalReview(DECIDED_ON);
    workflow.complete(review, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", "2026-02-16");
    Map<String, Object> noDeclaration = new HashMap<>(reviewer());
    noDeclaration.put("reviewerIndependenceDeclared", "NO");
    noDeclaration.remove("reviewerDeclaration");
    assertThatThrownBy(() -> complete(review, LocalReview.TASK_APPOINT_REVIEWER, noDeclaration))
        .isInstanceOf(Refusal.class).hasMessageContaining("declaration of independence").hasMessageContaining("The reviewer's declaration is needed");
    Map<String, Object> secondWithout = new HashMap<>(reviewer());
    secondWithout.put("secondReviewerName", "Tom Price");
    secondWithout.put("reviewerEmail", "not an address");
    assertThatThrownBy(() -> complete(review, LocalReview.TASK_APPOINT_REVIEWER, secondWithout))
        .isInstanceOf(Refusal.class).hasMessageContaining("The second reviewer's declaration of independence is needed")
        .hasMessageContaining("Reviewer's e-mail address is not an e-mail address");
    assertThat(workflow.task(review, LocalReview.TASK_APPOINT_REVIEWER)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewerName")).isNull();
  }

  @Test
  void withTheStepTurnedOffThePanelOfstedAndDfeAreNotAskedHere() {
    workflowEngine.useTimescales(Timescales.of(Map.of("local-review-inform-panel-ofsted-and-dfe", "false")));
    ProcessInstance review = startLocalReview(DECIDED_ON);
    assertThat(workflow.openTaskKeys(review)).containsExactly(LocalReview.TASK_APPOINT_REVIEWER);
  }

  // --- the language of these tests ---

  ProcessInstance startLocalReview(String decidedOn) {
    clockAt("2026-02-16T10:00");
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("localReviewDecisionOn", decidedOn);
    inputs.put("incidentDate", "2025-12-20");
    inputs.put("parallelProceedings", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"POLICE_INVESTIGATION\"]").create());
    inputs.put("agencies", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"police\",\"health\"]").create());
    return engine.getRuntimeService().startProcessInstanceByKey(LocalReview.KEY, "CSPR-2026-L" + (++cases + 100), inputs);
  }

  /** A review under way since Monday 16 February: reviewer appointed, terms agreed, no agency asked. */
  ProcessInstance startedReview() throws Exception {
    ProcessInstance review = startLocalReview(DECIDED_ON);
    workflow.complete(review, LocalReview.TASK_INFORM, "panelOfstedDfeInformedOn", "2026-02-16");
    appointReviewer(review);
    agreeTerms(review, null);
    workflow.executeDueJobs(review);
    smtp.purgeEmailFromAllMailboxes();
    return review;
  }

  void finishTheReview(ProcessInstance review) {
    workflow.complete(review, LocalReview.TASK_FAMILY, "familyInvolved", "NO", "familyInvolvement",
        "The family declined while the trial was pending.", "familyInvolvementLimits", "The police asked that the parents are not seen.");
    workflow.complete(review, LocalReview.TASK_PRACTITIONERS, "learningEventHeld", "NO", "learningEvent",
        "Held off until after the trial.");
    String today = WorkingDays.todayInEngland().toString();
    workflow.attach(review, LocalReview.TASK_RECEIVE_REPORT, "review-report.pdf");
    workflow.complete(review, LocalReview.TASK_RECEIVE_REPORT, "reviewerDocumentKind", "FINAL", "reportReceivedOn", today);
    qualityAssure(review, "YES", "YES", "ACCEPT", null);
    workflow.executeDueJobs(review);
    signOffByAll(review);
  }

  static Map<String, Object> reviewer() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("reviewerName", "Ruth Okafor");
    answers.put("reviewerOrganisation", "Independent");
    answers.put("reviewerEmail", "ruth.okafor@example.org");
    answers.put("reviewerIndependenceDeclared", "YES");
    answers.put("reviewerDeclaration", "No past work with the agencies involved or with the family.");
    answers.put("reviewerAppointedOn", "2026-02-16");
    return answers;
  }

  void appointReviewer(ProcessInstance review) {
    complete(review, LocalReview.TASK_APPOINT_REVIEWER, reviewer());
  }

  void agreeTerms(ProcessInstance review, String agencies) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("termsOfReference", "How were the school's concerns shared in 2025?");
    answers.put("reviewMethod", "SYSTEMS");
    answers.put("termsAgreedOn", WorkingDays.todayInEngland().toString());
    answers.put("localReviewAgencies", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        agencies == null ? "[]" : "[\"" + agencies + "\"]").create());
    if (agencies != null) {
      answers.put("localReviewAgencyRequest", "Your records of the school's concerns in 2025, and who the reviewer may speak to.");
    }
    complete(review, LocalReview.TASK_AGREE_TERMS, answers);
  }

  void qualityAssure(ProcessInstance review, String improvements, String analysis, String outcome, String comments) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("reportSetsOutImprovements", improvements);
    answers.put("reportAnalysesWhy", analysis);
    answers.put("qualityAssuranceOutcome", outcome);
    answers.put("qualityAssuranceComments", comments);
    complete(review, LocalReview.TASK_QUALITY_ASSURE, answers);
  }

  List<Task> signOffTasks(ProcessInstance review) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(LocalReview.TASK_SIGN_OFF).list();
  }

  Task signOffTask(ProcessInstance review, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(LocalReview.TASK_SIGN_OFF)
        .taskCandidateGroup(group).singleResult();
  }

  void signOff(ProcessInstance review, String group, String decision, String name) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("signOffDecision", decision);
    answers.put("signatoryName", name);
    answers.put("signatoryRole", "LEAD_PARTNER");
    engine.getTaskService().complete(signOffTask(review, group).getId(), answers);
  }

  void signOffByAll(ProcessInstance review) {
    signOff(review, "partner-local-authority", "SIGN_OFF", "Helen Marsh");
    signOff(review, "partner-icb", "SIGN_OFF", "Samuel Adeyemi");
    signOff(review, "partner-police", "SIGN_OFF", "Claire Douglas");
    workflow.executeDueJobs(review);
  }

  void complete(ProcessInstance review, String key, Map<String, Object> answers) {
    Task task = workflow.task(review, key);
    if (task == null) {
      throw new AssertionError("No open task " + key + "; open: " + workflow.openTaskKeys(review));
    }
    engine.getTaskService().complete(task.getId(), answers);
  }

  static void ClockUtilAt(long millis) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(millis));
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
    return file.sections().stream().filter(s -> s.kind().equals("local-review")).findFirst().orElseThrow();
  }
}
