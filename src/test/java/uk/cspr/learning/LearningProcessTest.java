package uk.cspr.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.cspr.testing.Mails.plainText;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.casefile.CaseFile;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/**
 * The learning stage as the case will call it, started directly with the case's inputs: on Monday
 * 2 November 2026 the partners agree their action plan; each agency that owns an action is asked for
 * evidence of it through its own request, the partners' own come back to the coordinators, a late
 * action is escalated to the managers, every involved agency (early years among them) confirms how
 * the learning reached its practitioners, the impact is reviewed six months on, and the coordinators
 * close the case. Engine clock moved, jobs executed, mail to a real SMTP server; the class fails
 * unless its tests take every flow.
 */
class LearningProcessTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3193).requiringEveryFlowOf(Learning.KEY);

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
  void anActionPlanEvidencedOnTimeAndLateTheLearningDisseminatedItsImpactReviewedAndTheCaseClosed() throws Exception {
    ProcessInstance learning = startLearning(Learning.FROM_LOCAL_REVIEW, "health", "early-years", "police");
    assertThat(workflow.openTaskKeys(learning)).containsExactly(Learning.TASK_RECORD_ACTION_PLAN);
    // the case's agencies are offered, ticked, as those to confirm the learning reached their practitioners
    assertThat(Workflow.jsonStrings(engine.getTaskService().getVariable(task(learning, Learning.TASK_RECORD_ACTION_PLAN).getId(),
        "disseminationAgencies"))).containsExactly("health", "early-years", "police");

    // the coordinators add education, whose schools need the learning too
    recordPlan(learning, "2026-11-02", List.of("health", "early-years", "police", "education"),
        action("Revise the A&E information-sharing procedure so the health visitor hears of every attendance.", "health", "2026-12-09"),
        action("Train every nursery's staff in the new escalation policy.", "early-years", "2026-11-30"),
        action("Publish the partners' response and this plan.", Learning.OWNER_PARTNERS, "2026-11-20"));
    workflow.executeDueJobs(learning);
    assertThat(variable(learning, "impactReviewDue")).isEqualTo("2027-05-02");
    assertThat(variable(learning, "disseminationDue")).isEqualTo("2026-12-14"); // 30 working days on

    // each agency that owns an action is asked for its evidence through its own request, due on the action's day
    ProcessInstance health = request(learning, "health", Learning.FORM_ACTION_EVIDENCE);
    assertThat(variable(health, "responseDue")).isEqualTo("2026-12-09");
    assertThat(variable(health, "requestText").toString()).startsWith("Action 1 of the safeguarding partners' action plan, "
        + "acting on the local review's recommendations, is your agency's, due by the end of Wednesday 9 December 2026")
        .contains("Revise the A&E information-sharing procedure");
    Task healthTask = agencyTask(health);
    assertThat(healthTask.getName()).isEqualTo("Provide evidence of an action for case " + learning.getBusinessKey());
    assertThat(healthTask.getDueDate()).isEqualTo(workingDays.endOfDay("2026-12-09"));
    assertThat(recipients(mailsAbout(learning, "request for information"))).contains("health-lead@example.org",
        "early-years-lead@example.org", "police-lead@example.org", "education-lead@example.org");
    // the partners' own action comes back to the coordinators, due on its day
    Task partners = task(learning, Learning.TASK_PARTNERS_ACTION);
    assertThat(partners.getName()).isEqualTo(learning.getBusinessKey() + ": Record evidence of action 3, the partners' own");
    assertThat(partners.getDueDate()).isEqualTo(workingDays.endOfDay("2026-11-20"));
    assertThat(engine.getTaskService().getVariable(partners.getId(), "actionDescription"))
        .isEqualTo("Publish the partners' response and this plan.");

    clockAt("2026-11-19T11:00");
    workflow.complete(learning, Learning.TASK_PARTNERS_ACTION, "actionStatus", "COMPLETED", "actionTaken",
        "The response and the plan are on the partnership's website.", "actionCompletedOn", "2026-11-18",
        "actionEvidence", "The published page, saved as a PDF.");

    // early years misses its day: it and the coordinators are told by its request, and the managers by the plan
    clockAt("2026-12-01T09:00"); // the first working day after Monday 30 November
    smtp.purgeEmailFromAllMailboxes();
    workflow.executeDueJobs(learning);
    assertThat(recipients(mailsAbout(learning, "overdue: information from Early years and childcare")))
        .contains("early-years-lead@example.org", "coordinator@example.org");
    List<MimeMessage> late = mailsAbout(learning, "late: action 2 of the action plan was due Monday 30 November 2026");
    assertThat(recipients(late)).containsExactly("manager@example.org");
    assertThat(plainText(late.get(0))).contains("owned by Early years and childcare")
        .contains("Train every nursery's staff in the new escalation policy.").contains("the local review's recommendations");
    assertThat(state(learning, 2)).isEqualTo(Learning.LATE);

    clockAt("2026-12-03T10:00");
    engine.getTaskService().complete(agencyTask(request(learning, "early-years", Learning.FORM_ACTION_EVIDENCE)).getId(),
        evidence("All 23 nurseries' staff trained in November.", "2026-12-02"));
    clockAt("2026-12-08T10:00");
    engine.getTaskService().complete(agencyTask(health).getId(), evidence("The procedure was revised and every A&E nurse briefed.",
        "2026-12-07"));
    workflow.executeDueJobs(learning);
    assertThat(state(learning, 1)).isEqualTo(Learning.EVIDENCED);
    assertThat(workflow.passed(learning, Learning.SUBPROCESS_FOLLOW_ACTION)).isTrue();

    // every agency confirms how the learning reached its practitioners: early years as much as health
    for (String agency : List.of("health", "early-years", "police", "education")) {
      engine.getTaskService().complete(agencyTask(request(learning, agency, Learning.FORM_DISSEMINATION)).getId(),
          dissemination(agency.equals("early-years") ? "Every nursery and childminder through the early years forum." : "Team briefings.",
              agency.equals("early-years") ? 140 : 60));
    }
    workflow.executeDueJobs(learning);
    assertThat(workflow.passed(learning, Learning.CALL_DISSEMINATION)).isTrue();
    assertThat(workflow.openTaskKeys(learning)).isEmpty();

    // six months after the plan was agreed (Sunday 2 May 2027) the impact is reviewed: the task opens 20 working days before
    java.util.Date opens = workingDays.reminderAt("2027-05-02", 20);
    ClockUtil.setCurrentTime(new java.util.Date(opens.getTime() - 60_000));
    workflow.executeDueJobs(learning);
    assertThat(task(learning, Learning.TASK_REVIEW_IMPACT)).isNull();
    ClockUtil.setCurrentTime(opens);
    workflow.executeDueJobs(learning);
    Task review = task(learning, Learning.TASK_REVIEW_IMPACT);
    assertThat(review.getDueDate()).isEqualTo(workingDays.endOfDay("2027-05-02"));
    clockAt("2027-04-28T10:00");
    reviewImpact(learning, "2027-04-27", "NO", null);

    assertThat(workflow.openTaskKeys(learning)).containsExactly(Learning.TASK_CLOSE_CASE);
    assertThatThrownBy(() -> workflow.complete(learning, Learning.TASK_CLOSE_CASE, "caseClosedOn", "2026-10-01",
        "closureSummary", "Done.")).isInstanceOf(Refusal.class)
        .hasMessageContaining("Date the case is closed (01/10/2026) is before the date the plan was agreed (02/11/2026)");
    workflow.complete(learning, Learning.TASK_CLOSE_CASE, "caseClosedOn", "2027-04-28", "closureSummary",
        "Information sharing between A&E and health visiting changed; audits show every attendance shared.");
    assertThat(ended(learning)).isTrue();
    assertThat(workflow.passed(learning, Learning.END_CASE_CLOSED)).isTrue();
    assertThat(variable(learning, "caseClosedOn")).isEqualTo("2027-04-28");

    CaseFile file = caseFile(learning);
    CaseFile.Section section = section(file);
    assertThat(section.status()).isEqualTo("Closed");
    assertThat(section.facts()).extracting(CaseFile.Fact::label).contains(
        "Action 1 (Health), due Wednesday 9 December 2026: evidenced",
        "Action 2 (Early years and childcare), due Monday 30 November 2026: evidenced",
        "Action 3 (the safeguarding partners), due Friday 20 November 2026: evidenced",
        "How the learning reached Early years and childcare's practitioners", "Impact reviewed on Tuesday 27 April 2027");
    assertThat(fact(section, "action2")).contains("Late: the managers were told on Tuesday 1 December 2026")
        .contains("Evidenced on Thursday 3 December 2026 by Fatima Noor, Early years safeguarding adviser");
    assertThat(fact(section, "dissemination:early-years")).contains("140 practitioners reached");
    assertThat(file.deadlines()).filteredOn(d -> d.stage().equals(LearningInCaseFile.STAGE))
        .extracting(CaseFile.Deadline::name, CaseFile.Deadline::status).contains(
            tuple("Action 1 (Health): evidence that it is complete", "MET"),
            tuple("Action 2 (Early years and childcare): evidence that it is complete", "MET_LATE"),
            tuple("Action 3 (the safeguarding partners): evidence that it is complete", "MET"),
            tuple("Early years and childcare: how the learning reached its practitioners", "MET"),
            tuple("The learning's impact reviewed", "MET"));
    // the stage lists its requests' deadlines in its own terms, once
    assertThat(file.deadlines()).filteredOn(d -> d.key().equals("provideInformation")).isEmpty();
  }

  @Test
  void anActionNotYetCompleteIsAskedForAgainAndActionsAndALateDisseminationAreClosedWithTheirReasons() throws Exception {
    ProcessInstance learning = startLearning(Learning.FROM_RAPID_REVIEW, "police", "housing");
    recordPlan(learning, "2026-11-02", List.of("police", "housing"),
        action("Brief every response officer on recognising neglect at domestic incidents.", "police", "2026-11-16"),
        action("Commission a multi-agency audit of neglect referrals.", Learning.OWNER_PARTNERS, "2026-11-13"));
    workflow.executeDueJobs(learning);

    // the police are not done yet: they say why and when, and are asked again for that day
    clockAt("2026-11-12T10:00");
    ProcessInstance police = request(learning, "police", Learning.FORM_ACTION_EVIDENCE);
    Map<String, Object> notYet = Workflow.with(Map.of("actionStatus", "NOT_YET", "actionNotDoneReason",
        "Two shifts are still to be briefed.", "responderName", "Mark Bennett", "responderRole", "Detective inspector"),
        "actionExpectedOn", "2026-11-28");
    assertThatThrownBy(() -> engine.getTaskService().complete(agencyTask(police).getId(), notYet))
        .isInstanceOf(Refusal.class).hasMessageContaining("When it will be complete (28/11/2026) is not a working day");
    notYet.put("actionExpectedOn", "2026-12-04");
    engine.getTaskService().complete(agencyTask(police).getId(), notYet);
    workflow.executeDueJobs(learning);
    ProcessInstance askedAgain = request(learning, "police", Learning.FORM_ACTION_EVIDENCE);
    assertThat(askedAgain.getId()).isNotEqualTo(police.getId());
    assertThat(variable(askedAgain, "responseDue")).isEqualTo("2026-12-04");
    assertThat(variable(askedAgain, "requestText").toString()).contains("due by the end of Friday 4 December 2026")
        .contains("your agency said it was not complete yet (Two shifts are still to be briefed.)");

    // the partners' own action passes its day: the managers and the coordinators are told
    clockAt("2026-11-16T09:00");
    smtp.purgeEmailFromAllMailboxes();
    workflow.executeDueJobs(learning);
    assertThat(recipients(mailsAbout(learning, "late: action 2 of the action plan"))).contains("manager@example.org",
        "coordinator@example.org");
    // evidence refused without its parts, naming them; nothing is lost
    assertThatThrownBy(() -> workflow.complete(learning, Learning.TASK_PARTNERS_ACTION, "actionStatus", "COMPLETED",
        "actionCompletedOn", "2026-11-16")).isInstanceOf(Refusal.class).hasMessageContaining("What was done is required")
        .hasMessageContaining("The evidence that it is done is required");
    workflow.complete(learning, Learning.TASK_PARTNERS_ACTION, "actionStatus", "NOT_YET", "actionNotDoneReason",
        "The auditors start in December.", "actionExpectedOn", "2026-12-18");
    workflow.executeDueJobs(learning);
    assertThat(task(learning, Learning.TASK_PARTNERS_ACTION).getDueDate()).isEqualTo(workingDays.endOfDay("2026-12-18"));
    assertThatThrownBy(() -> workflow.complete(learning, Learning.TASK_PARTNERS_ACTION, "actionStatus", "CLOSED"))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why the partners closed it is required");
    workflow.complete(learning, Learning.TASK_PARTNERS_ACTION, "actionStatus", "CLOSED", "actionClosedReason",
        "The regional audit covers it.");

    // the coordinators close the police's action with a reason, through its request's Track task
    clockAt("2026-11-20T10:00");
    Task track = engine.getTaskService().createTaskQuery().processInstanceId(askedAgain.getId())
        .taskDefinitionKey("manageAgencyRequest").singleResult();
    assertThat(track.getName()).isEqualTo("Track Police's evidence of an action for case " + learning.getBusinessKey());
    engine.getTaskService().complete(track.getId(), Map.of("requestAction", "WITHDRAW", "changeReason",
        "The force's new training programme replaces this action."));
    workflow.executeDueJobs(learning);
    assertThat(state(learning, 1)).isEqualTo(Learning.CLOSED);
    assertThat(state(learning, 2)).isEqualTo(Learning.CLOSED);
    assertThat(workflow.passed(learning, Learning.SUBPROCESS_FOLLOW_ACTION)).isTrue();

    // housing confirms late and is closed with the coordinators' reason; the police confirm
    engine.getTaskService().complete(agencyTask(request(learning, "police", Learning.FORM_DISSEMINATION)).getId(),
        dissemination("Every response team's briefing.", 420));
    clockAt("2026-12-15T09:00"); // the first working day after the dissemination was due
    workflow.executeDueJobs(learning);
    ProcessInstance housing = request(learning, "housing", Learning.FORM_DISSEMINATION);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(housing.getId())
        .taskDefinitionKey("manageAgencyRequest").singleResult().getId(), Map.of("requestAction", "WITHDRAW", "changeReason",
        "Housing had no contact with the family's children after 2024."));
    workflow.executeDueJobs(learning);
    assertThat(workflow.passed(learning, Learning.CALL_DISSEMINATION)).isTrue();

    // the impact is reviewed, and again on a day the partners choose
    ClockUtil.setCurrentTime(workingDays.reminderAt("2027-05-02", 20));
    workflow.executeDueJobs(learning);
    clockAt("2027-04-06T10:00");
    assertThatThrownBy(() -> reviewImpact(learning, "2027-04-06", "YES", "2027-04-01")).isInstanceOf(Refusal.class)
        .hasMessageContaining("When the next review is due (01/04/2027) is not after today");
    reviewImpact(learning, "2027-04-06", "YES", "2027-10-06");
    workflow.executeDueJobs(learning);
    assertThat(task(learning, Learning.TASK_REVIEW_IMPACT)).isNull();
    assertThat(variable(learning, "impactReviewDue")).isEqualTo("2027-10-06");
    ClockUtil.setCurrentTime(workingDays.reminderAt("2027-10-06", 20));
    workflow.executeDueJobs(learning);
    assertThat(task(learning, Learning.TASK_REVIEW_IMPACT).getDueDate()).isEqualTo(workingDays.endOfDay("2027-10-06"));
    clockAt("2027-10-05T10:00");
    reviewImpact(learning, "2027-10-05", "NO", null);
    workflow.complete(learning, Learning.TASK_CLOSE_CASE, "caseClosedOn", "2027-10-05", "closureSummary",
        "Neglect at domestic incidents is now recognised and referred.");
    assertThat(ended(learning)).isTrue();

    CaseFile file = caseFile(learning);
    CaseFile.Section section = section(file);
    assertThat(fact(section, "action1")).contains("Not complete on Thursday 12 November 2026 (Two shifts are still to be "
        + "briefed.): expected by Friday 4 December 2026.").contains("Closed on Friday 20 November 2026: The force's new "
        + "training programme replaces this action.");
    assertThat(fact(section, "action2")).contains("Late: the managers were told on Monday 16 November 2026")
        .contains("Closed on Monday 16 November 2026: The regional audit covers it.");
    assertThat(fact(section, "dissemination:housing")).isEqualTo("Closed without a confirmation: Housing had no contact "
        + "with the family's children after 2024.");
    assertThat(section.facts()).extracting(CaseFile.Fact::label).contains("Action 1 (Police), due Monday 16 November 2026: closed",
        "Impact reviewed on Tuesday 6 April 2027", "Impact reviewed on Tuesday 5 October 2027");
    assertThat(file.deadlines()).filteredOn(d -> d.stage().equals(LearningInCaseFile.STAGE))
        .extracting(CaseFile.Deadline::name, CaseFile.Deadline::status).contains(
            tuple("Action 1 (Police): evidence that it is complete", "NOT_NEEDED"),
            tuple("Housing: how the learning reached its practitioners", "NOT_NEEDED"),
            tuple("Police: how the learning reached its practitioners", "MET"));
  }

  @Test
  void anActionWithoutAnOwnerOrADueDateOrDueInThePastIsRefusedNamingTheActionAndNothingIsRecorded() {
    ProcessInstance learning = startLearning(Learning.FROM_NATIONAL_REVIEW, "childrens-social-care");
    Map<String, Object> plan = plan("2026-11-02", List.of("childrens-social-care"),
        action("Audit every strategy discussion held in 2026.", "childrens-social-care", "2026-10-30"),
        action("Rewrite the escalation protocol.", null, "2026-12-09"),
        action("Train social workers in the rewritten protocol.", "childrens-social-care", null),
        action("Review the out-of-hours service.", "childrens-social-care", "2026-12-05"));
    assertThatThrownBy(() -> complete(learning, Learning.TASK_RECORD_ACTION_PLAN, plan)).isInstanceOf(Refusal.class)
        .hasMessageContaining("Action 1's due date (30/10/2026) is in the past")
        .hasMessageContaining("Action 2's owner is required")
        .hasMessageContaining("Action 3's due date is required")
        .hasMessageContaining("Action 4's due date (05/12/2026) is not a working day")
        .satisfies(refusal -> assertThat(((Refusal) refusal).fields()).containsExactly("actionPlan[1].dueOn",
            "actionPlan[2].owner", "actionPlan[3].dueOn", "actionPlan[4].dueOn"));
    // nothing recorded: the task waits with the plan as it was
    assertThat(task(learning, Learning.TASK_RECORD_ACTION_PLAN)).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(learning.getId(), "actionPlan")).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(learning.getId()).count()).isZero();

    // a plan agreed in the future, or with no action, is refused too
    assertThatThrownBy(() -> complete(learning, Learning.TASK_RECORD_ACTION_PLAN, plan("2026-11-03",
        List.of("childrens-social-care")))).isInstanceOf(Refusal.class)
        .hasMessageContaining("Date the partners agreed the plan (03/11/2026) is in the future")
        .hasMessageContaining("The action plan needs at least one action");
    // the places the form offered and left empty are no actions
    complete(learning, Learning.TASK_RECORD_ACTION_PLAN, plan("2026-11-02", List.of("childrens-social-care"),
        action("Audit every strategy discussion held in 2026.", "childrens-social-care", "2026-12-09"),
        action("", null, null)));
    assertThat(variable(learning, "actionPlan").toString()).isEqualTo(
        "[{\"description\":\"Audit every strategy discussion held in 2026.\",\"owner\":\"childrens-social-care\",\"dueOn\":\"2026-12-09\"}]");
  }

  @Test
  void eachRouteIntoTheStageSaysWhatThePartnersActOn() {
    Map<String, String> routes = Map.of(Learning.FROM_LOCAL_REVIEW, "the local review's recommendations",
        Learning.FROM_NATIONAL_REVIEW, "the Panel's findings from its national review",
        Learning.FROM_RAPID_REVIEW, "the rapid review's learning (no further review)");
    routes.forEach((route, words) -> {
      ProcessInstance learning = startLearning(route, "early-years");
      assertThat(variable(learning, "learningFromInWords")).isEqualTo(words);
      recordPlan(learning, "2026-11-02", List.of("early-years"),
          action("Share the learning at the early years forum.", "early-years", "2026-12-09"));
      assertThat(variable(request(learning, "early-years", Learning.FORM_DISSEMINATION), "requestText").toString())
          .startsWith("The safeguarding partners have agreed an action plan acting on " + words)
          .contains("The learning:\nHandovers between agencies lost what was seen.");
      assertThat(section(caseFile(learning)).facts()).extracting(CaseFile.Fact::label, CaseFile.Fact::text)
          .contains(tuple("The partners act on", words));
    });
    // the case gives the route, its agencies and (after a report) its dates; anything else is refused, naming it
    clockAt("2026-11-02T10:00");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(Learning.KEY, "CSPR-2026-N999",
        Map.of("learningFrom", "SERIOUS_CASE_REVIEW", "agencies", SpinValues.jsonValue("[\"police\",\"fire\"]").create(),
            "publishedOn", "last week"))).isInstanceOf(Refusal.class)
        .hasMessageContaining("learningFrom must be LOCAL_REVIEW, NATIONAL_REVIEW or RAPID_REVIEW, not 'SERIOUS_CASE_REVIEW'")
        .hasMessageContaining("agencies: 'fire' is not a known agency")
        .hasMessageContaining("publishedOn is not a date");
  }

  // --- the language of these tests ---

  ProcessInstance startLearning(String from, String... agencies) {
    clockAt("2026-11-02T10:00");
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("learningFrom", from);
    inputs.put("agencies", SpinValues.jsonValue("[\"" + String.join("\",\"", agencies) + "\"]").create());
    if (from.equals(Learning.FROM_LOCAL_REVIEW)) {
      inputs.put("finalReportSignedOffOn", "2026-09-14");
      inputs.put("publishedOn", "2026-10-26");
    }
    return engine.getRuntimeService().startProcessInstanceByKey(Learning.KEY, "CSPR-2026-N" + (++cases + 100), inputs);
  }

  static Map<String, Object> action(String description, String owner, String dueOn) {
    Map<String, Object> action = new HashMap<>();
    action.put("description", description);
    action.put("owner", owner);
    action.put("dueOn", dueOn);
    return action;
  }

  @SafeVarargs
  static Map<String, Object> plan(String agreedOn, List<String> disseminationAgencies, Map<String, Object>... actions) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("learningSummary", "Handovers between agencies lost what was seen.");
    answers.put("planAgreedOn", agreedOn);
    answers.put("actionPlan", SpinValues.jsonValue(org.camunda.spin.Spin.JSON(List.of(actions)).toString()).create());
    answers.put("disseminationAgencies", SpinValues.jsonValue(org.camunda.spin.Spin.JSON(disseminationAgencies).toString()).create());
    return answers;
  }

  @SafeVarargs
  final void recordPlan(ProcessInstance learning, String agreedOn, List<String> disseminationAgencies, Map<String, Object>... actions) {
    complete(learning, Learning.TASK_RECORD_ACTION_PLAN, plan(agreedOn, disseminationAgencies, actions));
  }

  static Map<String, Object> evidence(String taken, String completedOn) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("actionStatus", "COMPLETED");
    answers.put("actionTaken", taken);
    answers.put("actionCompletedOn", completedOn);
    answers.put("actionEvidence", "The training records, attached.");
    answers.put("responderName", taken.contains("nurseries") ? "Fatima Noor" : "Grace Whitfield");
    answers.put("responderRole", taken.contains("nurseries") ? "Early years safeguarding adviser" : "Designated nurse");
    return answers;
  }

  static Map<String, Object> dissemination(String details, int practitioners) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("disseminationMethods", SpinValues.jsonValue("[\"BRIEFING\",\"REFLECTIVE_SESSION\"]").create());
    answers.put("disseminationDetails", details);
    answers.put("practitionersReached", practitioners);
    answers.put("disseminatedOn", WorkingDays.todayInEngland().toString());
    answers.put("responderName", "A designated lead");
    answers.put("responderRole", "Safeguarding lead");
    return answers;
  }

  void reviewImpact(ProcessInstance learning, String on, String again, String next) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("impactReviewedOn", on);
    answers.put("practiceChanges", "Health visitors hear of every A&E attendance within a day.");
    answers.put("impactEvidence", "An audit of 40 attendances found all 40 shared.");
    answers.put("anotherImpactReview", again);
    answers.put("nextImpactReviewOn", next);
    complete(learning, Learning.TASK_REVIEW_IMPACT, answers);
  }

  /** The stage's request to an agency with this form, the latest. */
  ProcessInstance request(ProcessInstance learning, String agencyId, String form) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(learning.getId())
        .variableValueEquals("agencyId", agencyId).variableValueEquals("requestForm", form).list().stream()
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("No open request to " + agencyId + " with " + form));
  }

  Task agencyTask(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey("provideInformation")
        .singleResult();
  }

  Task task(ProcessInstance learning, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(learning.getId()).taskDefinitionKey(key).singleResult();
  }

  void complete(ProcessInstance learning, String key, Map<String, Object> answers) {
    Task task = task(learning, key);
    if (task == null) {
      throw new AssertionError("No open task " + key + "; open: " + workflow.openTaskKeys(learning));
    }
    engine.getTaskService().complete(task.getId(), answers);
  }

  String state(ProcessInstance learning, int action) {
    return ((org.camunda.spin.json.SpinJsonNode) variable(learning, "action" + action)).prop("state").stringValue();
  }

  boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .findFirst().map(v -> v.getValue()).orElse(null);
  }

  List<MimeMessage> mailsAbout(ProcessInstance learning, String words) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(learning.getBusinessKey() + ":") && subject(m).contains(words)).toList();
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
    return file.sections().stream().filter(s -> s.kind().equals("learning")).findFirst().orElseThrow();
  }

  static String fact(CaseFile.Section section, String key) {
    return section.facts().stream().filter(f -> f.key().equals(key)).findFirst().map(CaseFile.Fact::text)
        .orElseThrow(() -> new AssertionError("No fact " + key + " in " + section.facts()));
  }
}
