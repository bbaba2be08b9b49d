package uk.cspr.cases;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.localreview.LocalReview;
import uk.cspr.notification.Notification;
import uk.cspr.paneldecision.PanelDecision;
import uk.cspr.rapidreview.RapidReview;

/**
 * Cases in realistic states, so a newcomer finds work waiting: a notification overdue (its
 * escalation goes out as the demo starts), one on time, a decision not to notify waiting to be
 * recorded, two children in one notification, a rapid review sent to the Panel weeks ago whose
 * response is now to be chased, and a local review under way, its reviewer sent their link. Dates
 * are relative to today; each case is created once, by its reference, and carries children only by
 * their pseudonymous references, never a name.
 */
@Component
@Profile("demo")
public class DemoCases {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final ProcessEngine engine;
  private final WorkingDayCalendar calendar;

  DemoCases(ProcessEngine engine, WorkingDayCalendar calendar) {
    this.engine = engine;
    this.calendar = calendar;
  }

  /**
   * First of the listeners to the application being ready, so before Camunda's, which starts the job
   * executor: each case is taken through its steps with no job of its own run beside them.
   */
  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  public void seed() {
    LocalDate today = WorkingDays.todayInEngland();
    // aware 9 working days ago: the notification was due 4 working days ago
    start("DEMO-2026-0001", today, -9, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "DEATH",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_PROTECTION_PLAN",
        CaseProcess.CHILD_AGE.name(), 1,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-4471-A",
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, police"));
    // aware yesterday (a working day): the notification is due in 4 working days
    start("DEMO-2026-0002", today, -1, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_IN_NEED",
        CaseProcess.CHILD_AGE.name(), 14,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-5120-B, LCS-5121-C",
        CaseProcess.AGENCIES.name(), "education, police, health, youth-justice"));
    // a looked-after child seriously harmed, no abuse or neglect suspected: not notifiable
    start("DEMO-2026-0003", today, -2, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), false,
        CaseProcess.CHILD_STATUS.name(), "LOOKED_AFTER",
        CaseProcess.CHILD_AGE.name(), 15,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-3302-D",
        CaseProcess.AGENCIES.name(), "childrens-social-care, education"));
    // two children, each counted: a care leaver of 19 died (DfE and Ofsted) and neglect of her baby is
    // suspected (the Panel): one notification through the online system covers both
    start("DEMO-2026-0004", today, -3, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "DEATH", CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILDREN.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"reference\": \"LCS-6610-E\", "
            + "\"age\": 19, \"status\": \"CARE_LEAVER\"}, {\"reference\": \"LCS-6611-F\", \"age\": 0, "
            + "\"status\": \"CHILD_IN_NEED\"}]").create(),
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, housing"));
    // notified, reviewed and signed off on time; the Panel has not responded in 15 working days
    withThePanel("DEMO-2026-0005", today);
    // a local review decided at the rapid review some weeks ago, agreed by the Panel, its reviewer at work
    inItsLocalReview("DEMO-2026-0006", today);
  }

  /**
   * A case taken, as the coordinators and partners would, through its notification and rapid review
   * to the Panel: aware 34 working days ago, the rapid review sent on its 15th working day, so the
   * Panel's response, 15 working days on, is now to be chased.
   */
  private void withThePanel(String reference, LocalDate today) {
    LocalDate aware = calendar.addWorkingDays(today, -34);
    if (!start(reference, today, -34, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_PROTECTION_PLAN",
        CaseProcess.CHILD_AGE.name(), 6,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-7702-G",
        CaseProcess.AGENCIES.name(), "childrens-social-care, police, education"))) {
      return;
    }
    sendTheRapidReview(reference, aware, 15, "CSONS-DEMO-0005", Map.of(
        "factsEstablished", "Bruising seen at school twice in the autumn term was not shared with children's social care.",
        "learningIdentified", "Schools' referral of repeated minor injuries.",
        "partnersDecisionReasons", "Multi-agency learning about how schools' concerns reach children's social care."));
  }

  /**
   * A local review under way: aware 28 working days ago, a local review decided at the rapid review
   * meeting on its 12th working day and sent to the Panel on its 14th (so the Panel's chase, 15
   * working days on, is not yet due and nothing races the job executor); the Panel's letter agreeing
   * came on the 24th. Since then the coordinators have told the Panel, Ofsted and DfE, appointed the
   * reviewer with her declaration of independence, and agreed the terms, asking health for the
   * review's information: the reviewer's link goes out by mail, and the review's tasks wait.
   */
  private void inItsLocalReview(String reference, LocalDate today) {
    LocalDate aware = calendar.addWorkingDays(today, -28);
    if (!start(reference, today, -28, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_IN_NEED",
        CaseProcess.CHILD_AGE.name(), 1,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-8815-H",
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, police"))) {
      return;
    }
    sendTheRapidReview(reference, aware, 14, "CSONS-DEMO-0006", Map.of(
        "factsEstablished", "A head injury at 14 months; two earlier attendances at the emergency department were not "
            + "shared with the health visitor or children's social care.",
        "learningIdentified", "How emergency departments share a young child's attendances with community services.",
        "parallelProceedings", SpinValues.jsonValue("[\"POLICE_INVESTIGATION\"]").create(),
        "partnersDecisionReasons", "Multi-agency learning about information sharing between hospital and community services."));
    complete(reference, PanelDecision.TASK_RECORD_RESPONSE, Map.of("panelOutcome", "LOCAL_REVIEW_AGREED",
        "panelResponseOn", day(aware, 24), "panelResponseReference", "CSPRP/2026/0611",
        "panelResponseSummary", "The Panel agrees with the partners' decision to commission a local review."));
    complete(reference, LocalReview.TASK_INFORM, Map.of("panelOfstedDfeInformedOn", day(aware, 25)));
    complete(reference, LocalReview.TASK_APPOINT_REVIEWER, Map.of("reviewerName", "Jo Marlow",
        "reviewerOrganisation", "Independent safeguarding reviewer", "reviewerEmail", "jo.marlow@example.org",
        "reviewerIndependenceDeclared", "YES",
        "reviewerDeclaration", "No past work with the partnership's agencies, and no connection with the family.",
        "reviewerAppointedOn", day(aware, 26)));
    complete(reference, LocalReview.TASK_AGREE_TERMS, Map.of("termsOfReference",
        "How did the emergency department, health visiting and children's social care share what each knew of "
            + "the child's injuries in the year before the incident, and what helped or hindered them?",
        "reviewMethod", "SYSTEMS", "termsAgreedOn", day(aware, 27),
        "localReviewAgencies", SpinValues.jsonValue("[\"health\"]").create()));
  }

  /**
   * Notified on its 3rd working day, the rapid review met on its 12th and decided on a local review,
   * each partner signed it off, and it went to the Panel on its {@code sentOnWorkingDay}th: the case
   * waits on the Panel's response. The agencies were not asked to answer here: the meeting went on
   * without them, as it may.
   */
  private void sendTheRapidReview(String reference, LocalDate aware, int sentOnWorkingDay, String notificationReference,
      Map<String, Object> record) {
    String notified = day(aware, 3);
    complete(reference, Notification.TASK_NOTIFY_PANEL, Map.of("panelNotificationReference", notificationReference,
        "notifiedOn", notified));
    complete(reference, Notification.TASK_CONFIRM_PARTNERS_TOLD, Map.of("partnersToldOn", notified));
    String met = day(aware, 12);
    Map<String, Object> meeting = new java.util.HashMap<>(record);
    meeting.put("rapidReviewMeetingOn", met);
    meeting.put("reviewCriteriaMet", "YES");
    meeting.put("partnersDecision", "LOCAL_REVIEW");
    meeting.put("partnersDecisionOn", met);
    meeting.put("mayBeOfNationalImportance", "NO");
    complete(reference, RapidReview.TASK_RECORD_MEETING, meeting);
    for (String[] partner : new String[][] {{"partner-local-authority", "Helen Marsh"}, {"partner-icb", "Samuel Adeyemi"},
        {"partner-police", "Claire Douglas"}}) {
      var signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(RapidReview.TASK_SIGN_OFF).taskCandidateGroup(partner[0]).singleResult();
      engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "SIGN_OFF", "signatoryName", partner[1],
          "signatoryRole", "LEAD_PARTNER"));
    }
    // the sign-offs join in jobs of their own
    runJobsUntil(reference, () -> task(reference, RapidReview.TASK_SUBMIT) != null);
    complete(reference, RapidReview.TASK_SUBMIT, Map.of("rapidReviewSubmittedOn", day(aware, sentOnWorkingDay),
        "familyToldOfDecisionOn", met, "familyToldOfDecisionBy", "Priya Shah, coordinator"));
    // sent, it ends once its agencies' requests, withdrawn, have joined: then the Panel's decision begins
    runJobsUntil(reference, () -> task(reference, PanelDecision.TASK_RECORD_RESPONSE) != null);
  }

  /**
   * Runs the case's waiting continuations (its stages' and their requests') until {@code done}: the
   * engine leaves the rapid review's joins (the partners' sign-offs; the agencies' requests, withdrawn
   * once it is sent, each telling its agency by mail) to jobs, which seeding does not wait for. Timers
   * are left to the job executor: one on a step that ends here is never due.
   */
  private void runJobsUntil(String reference, java.util.function.BooleanSupplier done) {
    for (int attempt = 0; attempt < 50 && !done.getAsBoolean(); attempt++) {
      for (var instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
        engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().executable().list().forEach(job -> {
          try {
            engine.getManagementService().executeJob(job.getId());
          } catch (org.camunda.bpm.engine.ProcessEngineException takenByTheJobExecutor) {
            // the job executor ran it first
          }
        });
      }
    }
  }

  /** The ISO date this many working days after awareness. */
  private String day(LocalDate aware, int workingDays) {
    return calendar.addWorkingDays(aware, workingDays).toString();
  }

  private org.camunda.bpm.engine.task.Task task(String reference, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  private void complete(String reference, String key, Map<String, Object> answers) {
    engine.getTaskService().complete(task(reference, key).getId(), answers);
  }

  /** @return whether the case was recorded now (false: it was already there) */
  private boolean start(String reference, LocalDate today, int awareWorkingDaysAgo, Map<String, Object> details) {
    boolean exists = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKey(reference).count() > 0;
    if (exists) {
      return false;
    }
    LocalDate aware = calendar.addWorkingDays(today, awareWorkingDaysAgo);
    var variables = new java.util.HashMap<String, Object>(details);
    variables.put(CaseProcess.AWARE_DATE.name(), aware.toString());
    variables.put(CaseProcess.INCIDENT_DATE.name(), aware.minusDays(1).toString());
    engine.getRuntimeService().startProcessInstanceByKey(CaseProcess.KEY, reference, variables);
    log.info("Demo case {} recorded (aware {})", reference, aware);
    return true;
  }
}
