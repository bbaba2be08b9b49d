package uk.cspr.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import static uk.cspr.testing.Workflow.clockAt;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * The rapid review as the case will call it, started directly with its inputs: aware Monday 22
 * December 2025, so the agencies are due Tuesday 6 January and the review Thursday 15 January 2026,
 * across Christmas, Boxing Day and New Year's Day. Engine clock moved, jobs executed, mail to a
 * real SMTP server.
 */
class RapidReviewProcessTest {

  static final int SMTP_PORT = 3177;
  static final String RAPID_REVIEW_DUE = "2026-01-15";
  static final String AGENCY_RESPONSE_DUE = "2026-01-06";

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(SMTP_PORT);

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
  void allAgenciesAnswerOnTimeAndTheSignedOffReviewGoesToThePanel() {
    ProcessInstance review = startRapidReview("police, health");
    assertThat(workflow.openTaskKeys(review)).contains(RapidReview.TASK_RECORD_MEETING, RapidReview.TASK_ASK_ANOTHER_AGENCY,
        AgencyRequest.TASK_PROVIDE_INFORMATION);
    assertThat(requestOf(review, "police")).isNotNull();
    assertThat(requestVariable(review, "police", "responseDue")).isEqualTo(AGENCY_RESPONSE_DUE);

    assertThat(variable(review, "agencyAnswersSoFar")).asString().contains("0 of 2 agencies have answered")
        .contains("Police: not received yet, due Tuesday 6 January 2026");
    clockAt("2025-12-30T11:00");
    answer(review, "police");
    workflow.executeDueJobs(review);
    // the meeting's list follows each answer, without anyone claiming the task again
    assertThat(variable(review, "agencyAnswersSoFar")).asString().contains("1 of 2 agencies have answered")
        .contains("Police: answered on Tuesday 30 December 2025").contains("Health: not received yet");
    answer(review, "health");
    workflow.executeDueJobs(review);
    assertThat(variable(review, "agencyAnswersSoFar")).asString().contains("2 of 2 agencies have answered");

    clockAt("2026-01-07T10:00");
    Task meeting = claim(review, RapidReview.TASK_RECORD_MEETING);
    assertThat(variable(review, "agencyAnswersSoFar")).asString()
        .contains("2 of 2 agencies have answered").contains("Police: answered on Tuesday 30 December 2025");
    assertThat(meeting.getDueDate()).isNotNull();
    recordMeeting(review, "2026-01-07");
    assertThat(jsonStrings(review, "agenciesReceived")).containsExactly("Police", "Health");
    assertThat(jsonStrings(review, "agenciesNotReceived")).isEmpty();
    assertThat(variable(review, "parallelProceedings")).isNotNull();

    signOffByAll(review);
    notifyPanelOfTheCase(review, "2025-12-23");
    clockAt("2026-01-12T10:00");
    workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-12"));

    assertThat(workflow.executeDueJobs(review)).isGreaterThanOrEqualTo(0);
    assertThat(ended(review)).isTrue();
    assertThat(workflow.passed(review, RapidReview.END_SUBMITTED)).isTrue();
    assertThat(workflow.caseVariable(review, "rapidReviewSubmittedOn")).isEqualTo("2026-01-12");
    assertThat(workflow.caseVariable(review, "rapidReviewOnTime")).isEqualTo(true);
    assertThat(workflow.caseVariable(review, "partnersDecision")).isEqualTo("LOCAL_REVIEW");
    assertThat(workflow.caseVariable(review, "rapidReviewOutcome")).isEqualTo("SUBMITTED");
    // nothing was left open: the "ask another agency" task closed with the review
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).count()).isZero();

    // the case file's rapid review section: the meeting, the decision, each partner's sign-off, the submission
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      var section = workflowEngine.caseFiles().file(review.getBusinessKey()).sections().stream()
          .filter(s -> s.kind().equals("rapid-review")).findFirst().orElseThrow();
      assertThat(section.facts()).extracting(uk.cspr.casefile.CaseFile.Fact::text).contains(
          "Helen Marsh (lead partner): signed off on Wednesday 7 January 2026",
          "Commission a local child safeguarding practice review", "Police investigation, Child death review (joint agency "
          + "response, CDOP)", "No");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theMeetingGoesOnWithoutALateAgencyRecordedAsNotReceivedAndItsRequestIsWithdrawnAtSubmission() throws Exception {
    ProcessInstance review = startRapidReview("police, health");
    clockAt("2026-01-05T10:00");
    answer(review, "police");
    workflow.executeDueJobs(review);

    clockAt("2026-01-08T10:00"); // health was due on the 6th
    workflow.executeDueJobs(review);
    claim(review, RapidReview.TASK_RECORD_MEETING);
    assertThat(variable(review, "agencyAnswersSoFar")).asString().contains("1 of 2 agencies have answered")
        .contains("Health: not received, overdue since Tuesday 6 January 2026");

    // a decision without its reasons is refused, naming the field, and nothing is lost
    Map<String, Object> withoutReasons = meetingAnswers("2026-01-08");
    withoutReasons.remove("partnersDecisionReasons");
    assertThatThrownBy(() -> complete(review, RapidReview.TASK_RECORD_MEETING, withoutReasons))
        .isInstanceOf(Refusal.class).hasMessageContaining("Reasons for the decision are needed");
    assertThat(workflow.task(review, RapidReview.TASK_RECORD_MEETING)).isNotNull();

    recordMeeting(review, "2026-01-08");
    assertThat(jsonStrings(review, "agenciesReceived")).containsExactly("Police");
    assertThat(jsonStrings(review, "agenciesNotReceived")).containsExactly("Health");
    // health's request is still open: its information may yet come before the submission
    assertThat(requestOf(review, "health")).isNotNull();

    signOffByAll(review);
    notifyPanelOfTheCase(review, "2025-12-23");
    smtp.purgeEmailFromAllMailboxes();
    workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-08"));
    workflow.executeDueJobs(review);

    assertThat(withdrawalMails()).isNotEmpty();
    assertThat(recipients(withdrawalMails())).containsOnly("health-lead@example.org");
    assertThat(ended(review)).isTrue();
  }

  @Test
  void anAgencyFoundToBeInvolvedLaterIsAskedWithTheTimeTheDeadlineAllows() {
    ProcessInstance review = startRapidReview("police");
    clockAt("2026-01-08T10:00");
    // police are still waiting to answer: asking them again is refused
    assertThatThrownBy(() -> workflow.complete(review, RapidReview.TASK_ASK_ANOTHER_AGENCY,
        "addedAgencyId", "police", "addedAgencyReason", "Named in the strategy discussion"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Agency to ask has been asked already");

    workflow.complete(review, RapidReview.TASK_ASK_ANOTHER_AGENCY,
        "addedAgencyId", "education", "addedAgencyReason", "The school raised a concern in November");
    workflow.executeDueJobs(review);

    // 5 working days before the review would be the 8th, today: the agency's minimum of 3 wins
    assertThat(requestVariable(review, "education", "responseDue")).isEqualTo("2026-01-13");
    assertThat(smtp.getReceivedMessages()).anySatisfy(m ->
        assertThat(recipients(m)).contains("education-lead@example.org"));
    // the task is there again, for the next agency
    assertThat(workflow.task(review, RapidReview.TASK_ASK_ANOTHER_AGENCY)).isNotNull();

    answer(review, "education");
    workflow.executeDueJobs(review);
    claim(review, RapidReview.TASK_RECORD_MEETING);
    recordMeeting(review, "2026-01-08");
    assertThat(jsonStrings(review, "agenciesReceived")).containsExactly("Education");
    assertThat(jsonStrings(review, "agenciesNotReceived")).containsExactly("Police");
  }

  @Test
  void aPartnerSendsItBackThenAllThreeSignAgain() {
    ProcessInstance review = startRapidReview("police");
    clockAt("2026-01-08T10:00");
    recordMeeting(review, "2026-01-08");
    assertThat(signOffTasks(review)).hasSize(3);
    assertThat(signOffTasks(review)).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder("partner-local-authority", "partner-icb", "partner-police");

    signOff(review, "partner-local-authority", "SIGN_OFF", "Helen Marsh", "LEAD_PARTNER", null);
    // a sign-off with no signatory, and a send-back without comments, are refused
    assertThatThrownBy(() -> signOff(review, "partner-icb", "SIGN_OFF", null, "LEAD_PARTNER", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("Name of the person signing is required");
    assertThatThrownBy(() -> signOff(review, "partner-police", "SEND_BACK", "Claire Douglas", "DELEGATED_PARTNER", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("What should change are needed");
    assertThatThrownBy(() -> signOff(review, "partner-police", null, "Claire Douglas", "DELEGATED_PARTNER", null))
        .isInstanceOf(Refusal.class).hasMessageContaining("Your decision is required");

    signOff(review, "partner-police", "SEND_BACK", "Claire Douglas", "DELEGATED_PARTNER",
        "The chronology misses the police contact in October.");
    workflow.executeDueJobs(review);
    // the send-back closes the other partner's task; the coordinators revise
    assertThat(signOffTasks(review)).isEmpty();
    assertThat(workflow.task(review, RapidReview.TASK_REVISE)).isNotNull();
    assertThat(variable(review, "rapidReviewSentBackComments")).asString()
        .contains("Claire Douglas for the police: The chronology misses the police contact in October.");

    workflow.complete(review, RapidReview.TASK_REVISE, "partnersDecision", "LOCAL_REVIEW", "partnersDecisionOn", "2026-01-08",
        "partnersDecisionReasons", "Multi-agency learning about information sharing.", "revisionNote", "October contact added.");
    assertThat(signOffTasks(review)).hasSize(3);
    assertThat(variable(review, "localAuthoritySignOff")).isNull(); // each partner signs the revised review
    signOffByAll(review);
    assertThat(workflow.task(review, RapidReview.TASK_SUBMIT)).isNotNull();
    assertThat(variable(review, "policeSignOff").toString()).contains("Claire Douglas").contains("SIGN_OFF")
        .contains("\"round\":2");
  }

  @Test
  void twoAgenciesAnsweringAtTheSameMomentAreBothCounted() throws Exception {
    ProcessInstance review = startRapidReview("police, health");
    clockAt("2025-12-30T11:00");
    // both answer at once, on two threads
    List<Task> answers = List.of(provideInformationTask(review, "police"), provideInformationTask(review, "health"));
    List<Throwable> failures = runAtOnce(answers.stream().map(task -> (Runnable) () ->
        engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers())).toList());
    assertThat(failures).isEmpty();
    // the acknowledgements go and both requests end into the review's join; a job that loses the
    // race there is retried (ten minutes later), never lost
    executeJobsOfRequests(review);
    clockAt("2025-12-30T11:30");
    workflow.executeDueJobs(review);
    assertThat(workflow.passed(review, "EndEvent_AgencyRequestsClosed")).isTrue();

    recordMeeting(review, "2025-12-30");
    assertThat(jsonStrings(review, "agenciesReceived")).containsExactlyInAnyOrder("Police", "Health");
  }

  @Test
  void theSubmissionIsRefusedUntilThePanelHasBeenNotified() {
    ProcessInstance review = startRapidReview("police");
    clockAt("2026-01-08T10:00");
    recordMeeting(review, "2026-01-07");
    signOffByAll(review);

    assertThatThrownBy(() -> workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-08")))
        .isInstanceOf(Refusal.class).hasMessageContaining("The Panel takes no rapid review before it has been notified")
        .hasMessageContaining("Notify the Panel of the serious incident");
    ProcessInstance notification = startNotificationOfTheCase(review);
    // the notification is open but not yet recorded: still refused
    assertThatThrownBy(() -> workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-08")))
        .isInstanceOf(Refusal.class).hasMessageContaining("notified");

    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(notification.getId())
        .taskDefinitionKey("notifyPanel").singleResult().getId(),
        Map.of("panelNotificationReference", "CSONS-77", "notifiedOn", "2025-12-23"));
    // dated before the meeting, or in the future: refused with the dates as typed
    assertThatThrownBy(() -> workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-06")))
        .isInstanceOf(Refusal.class).hasMessageContaining("(06/01/2026) is before the rapid review meeting (07/01/2026)");
    assertThatThrownBy(() -> workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-09")))
        .isInstanceOf(Refusal.class).hasMessageContaining("(09/01/2026) is in the future");

    workflow.complete(review, RapidReview.TASK_SUBMIT, submission("2026-01-08"));
    assertThat(workflow.caseVariable(review, "rapidReviewSubmittedOn")).isEqualTo("2026-01-08");
  }

  @Test
  void whenTheCaseDoesNotMeetTheCriteriaThePanelIsToldAndTheAgenciesAreToldNothingMoreIsNeeded() throws Exception {
    ProcessInstance review = startRapidReview("police, health");
    workflow.executeDueJobs(review);
    clockAt("2025-12-31T10:00");
    answer(review, "police");
    workflow.executeDueJobs(review);

    Map<String, Object> notMet = new HashMap<>(Map.of("rapidReviewMeetingOn", "2025-12-31", "reviewCriteriaMet", "NO"));
    assertThatThrownBy(() -> complete(review, RapidReview.TASK_RECORD_MEETING, notMet))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why the case does not meet the criteria are needed");
    notMet.put("criteriaNotMetReasons", "The injury was found to be accidental; no abuse or neglect is suspected.");
    complete(review, RapidReview.TASK_RECORD_MEETING, notMet);
    assertThat(workflow.openTaskKeys(review)).contains(RapidReview.TASK_TELL_PANEL_CRITERIA_NOT_MET)
        .doesNotContain(RapidReview.TASK_SIGN_OFF);

    smtp.purgeEmailFromAllMailboxes();
    workflow.complete(review, RapidReview.TASK_TELL_PANEL_CRITERIA_NOT_MET, "panelToldCriteriaNotMetOn", "2025-12-31");
    workflow.executeDueJobs(review);

    // health had not answered: its request is withdrawn through its own path, and health is told
    assertThat(recipients(withdrawalMails())).containsOnly("health-lead@example.org");
    assertThat(ended(review)).isTrue();
    assertThat(workflow.passed(review, RapidReview.END_CRITERIA_NOT_MET)).isTrue();
    assertThat(workflow.caseVariable(review, "rapidReviewOutcome")).isEqualTo("CRITERIA_NOT_MET");
    assertThat(workflow.caseVariable(review, "panelToldCriteriaNotMetOn")).isEqualTo("2025-12-31");
    assertThat(workflow.openTaskKeys(review)).isEmpty();
  }

  @Test
  void theManagersAreAlertedOnTheWorkingDayAfterTheFifteenthWhileTheReviewIsUnsubmitted() throws Exception {
    ProcessInstance review = startRapidReview("police");
    workflow.executeDueJobs(review);
    smtp.purgeEmailFromAllMailboxes();

    clockAt("2026-01-13T08:59");
    workflow.executeDueJobs(review);
    assertThat(rapidReviewMails()).isEmpty();
    clockAt("2026-01-13T09:00"); // two working days before Thursday 15 January
    workflow.executeDueJobs(review);
    assertThat(rapidReviewMails()).isNotEmpty().allSatisfy(m ->
        assertThat(subject(m)).contains("reminder").contains("Thursday 15 January 2026"));
    assertThat(recipients(rapidReviewMails())).containsOnly("demo@example.org", "coordinator@example.org");

    clockAt("2026-01-16T08:59");
    workflow.executeDueJobs(review);
    assertThat(escalations()).isEmpty();
    clockAt("2026-01-16T09:00"); // the first working day after the 15th working day since awareness
    workflow.executeDueJobs(review);
    assertThat(escalations()).isNotEmpty();
    assertThat(recipients(escalations()).stream().distinct())
        .containsExactlyInAnyOrder("manager@example.org", "demo@example.org", "coordinator@example.org");
    assertThat(escalations()).allSatisfy(m -> assertThat(subject(m)).startsWith(review.getBusinessKey() + ": overdue"));
    // the escalation completes nothing: the review is still to be done
    assertThat(workflow.task(review, RapidReview.TASK_RECORD_MEETING)).isNotNull();
  }

  @Test
  void theStageRefusesToStartWithoutWhatItNeeds() {
    Map<String, Object> inputs = new HashMap<>(inputs("police, nobody"));
    inputs.remove("rapidReviewDue");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(RapidReview.KEY, "CSPR-2025-R000", inputs))
        .isInstanceOf(Refusal.class).hasMessageContaining("rapidReviewDue is required")
        .hasMessageContaining("'nobody', which is not a known agency");
  }

  // --- the language of these tests ---

  ProcessInstance startRapidReview(String agencies) {
    clockAt("2025-12-22T10:00");
    return engine.getRuntimeService().startProcessInstanceByKey(RapidReview.KEY, "CSPR-2025-R" + (++cases + 100),
        inputs(agencies));
  }

  static Map<String, Object> inputs(String agencies) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("rapidReviewDue", RAPID_REVIEW_DUE);
    inputs.put("agencyResponseDue", AGENCY_RESPONSE_DUE);
    inputs.put("incidentDate", "2025-12-20");
    inputs.put("agencies", agencies);
    return inputs;
  }

  static Map<String, Object> meetingAnswers(String meetingOn) {
    return Workflow.rapidReviewMeeting(meetingOn);
  }

  void recordMeeting(ProcessInstance review, String meetingOn) {
    complete(review, RapidReview.TASK_RECORD_MEETING, meetingAnswers(meetingOn));
  }

  static Object[] submission(String submittedOn) {
    return new Object[] {"rapidReviewSubmittedOn", submittedOn, "familyToldOfDecisionOn", "2026-01-08",
        "familyToldOfDecisionBy", "Priya Shah, coordinator"};
  }

  void complete(ProcessInstance review, String taskKey, Map<String, Object> answers) {
    engine.getTaskService().complete(workflow.task(review, taskKey).getId(), answers);
  }

  Task claim(ProcessInstance review, String taskKey) {
    Task task = workflow.task(review, taskKey);
    engine.getTaskService().claim(task.getId(), "coordinator");
    return task;
  }

  List<Task> signOffTasks(ProcessInstance review) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(RapidReview.TASK_SIGN_OFF).list();
  }

  String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
  }

  void signOff(ProcessInstance review, String group, String decision, String name, String role, String comments) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(RapidReview.TASK_SIGN_OFF).taskCandidateGroup(group).singleResult();
    Map<String, Object> answers = new HashMap<>();
    answers.put("signOffDecision", decision);
    answers.put("signatoryName", name);
    answers.put("signatoryRole", role);
    answers.put("sendBackComments", comments);
    engine.getTaskService().complete(task.getId(), answers);
  }

  void signOffByAll(ProcessInstance review) {
    signOff(review, "partner-local-authority", "SIGN_OFF", "Helen Marsh", "LEAD_PARTNER", null);
    signOff(review, "partner-icb", "SIGN_OFF", "Samuel Adeyemi", "DELEGATED_PARTNER", null);
    signOff(review, "partner-police", "SIGN_OFF", "Claire Douglas", "LEAD_PARTNER", null);
    workflow.executeDueJobs(review);
  }

  ProcessInstance startNotificationOfTheCase(ProcessInstance review) {
    Map<String, Object> given = new HashMap<>();
    given.put("notificationRoute", "PANEL");
    given.put("dfeAndOfstedMustBeNotified", false);
    given.put("awareDate", "2025-12-22");
    given.put("notificationDue", "2025-12-31");
    given.put("rapidReviewDue", RAPID_REVIEW_DUE);
    return engine.getRuntimeService().startProcessInstanceByKey("cspr-notification", review.getBusinessKey(), given);
  }

  void notifyPanelOfTheCase(ProcessInstance review, String notifiedOn) {
    ProcessInstance notification = startNotificationOfTheCase(review);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(notification.getId())
        .taskDefinitionKey("notifyPanel").singleResult().getId(),
        Map.of("panelNotificationReference", "CSONS-1", "notifiedOn", notifiedOn));
  }

  ProcessInstance requestOf(ProcessInstance review, String agencyId) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(review.getId())
        .processDefinitionKey(AgencyRequest.KEY).variableValueEquals("agencyId", agencyId).singleResult();
  }

  Object requestVariable(ProcessInstance review, String agencyId, String name) {
    return engine.getRuntimeService().getVariable(requestOf(review, agencyId).getId(), name);
  }

  Task provideInformationTask(ProcessInstance review, String agencyId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(requestOf(review, agencyId).getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  void answer(ProcessInstance review, String agencyId) {
    engine.getTaskService().complete(provideInformationTask(review, agencyId).getId(), Workflow.agencyAnswers());
  }

  /** Runs the requests' own jobs (mails), not the review's. */
  void executeJobsOfRequests(ProcessInstance review) {
    List<Job> due;
    do {
      due = engine.getManagementService().createJobQuery().executable().list().stream()
          .filter(job -> !review.getId().equals(job.getProcessInstanceId())).toList();
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    } while (!due.isEmpty());
  }

  static List<Throwable> runAtOnce(List<Runnable> actions) throws Exception {
    CyclicBarrier start = new CyclicBarrier(actions.size());
    ExecutorService threads = Executors.newFixedThreadPool(actions.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Runnable action : actions) {
        running.add(threads.submit(() -> {
          start.await();
          action.run();
          return null;
        }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> one : running) {
        try {
          one.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      threads.shutdown();
    }
  }

  Object variable(ProcessInstance review, String name) {
    return engine.getRuntimeService().getVariable(review.getId(), name);
  }

  List<String> jsonStrings(ProcessInstance review, String name) {
    return Workflow.jsonStrings(workflow.caseVariable(review, name));
  }

  boolean ended(ProcessInstance review) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(review.getId()).count() == 0;
  }

  List<MimeMessage> withdrawalMails() {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("has been withdrawn")).toList();
  }

  List<MimeMessage> rapidReviewMails() {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).contains("send the rapid review") || subject(m).contains("the rapid review was due")).toList();
  }

  List<MimeMessage> escalations() {
    return rapidReviewMails().stream().filter(m -> subject(m).contains("overdue")).toList();
  }
}
