package uk.cspr.cases;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import uk.cspr.engine.EngineClock;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.learning.Learning;
import uk.cspr.localreview.LocalReview;
import uk.cspr.notification.Notification;
import uk.cspr.paneldecision.PanelDecision;
import uk.cspr.publication.Publication;
import uk.cspr.rapidreview.RapidReview;

/**
 * Cases in realistic states, so a newcomer finds work waiting: a notification overdue (its
 * escalation goes out as the demo starts), one on time, a decision not to notify waiting to be
 * recorded, two children in one notification, a rapid review sent to the Panel weeks ago whose
 * response is now to be chased, a local review under way, its reviewer sent their link, a local
 * review signed off weeks ago now in its publication and its learning, a case with no further review
 * in its learning with an action late, and a national review the partners support. Dates are relative
 * to today; each case is created once, by its reference, and carries children only by their
 * pseudonymous references, never a name. The last three are walked on the days they happened: the
 * engine's clock is moved back while they are seeded (the job executor has not started yet), since
 * what the engine records itself (a sign-off, an action asked) is dated by its clock.
 */
@Component
@Profile("demo")
public class DemoCases {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final ProcessEngine engine;
  private final WorkingDayCalendar calendar;
  /** Whether the engine's clock follows the case's days as it is seeded ({@link #backDated}). */
  private boolean clockFollows;

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
    // a local review signed off six weeks ago: its report may be published today, its action plan is out
    backDated(() -> inItsPublicationAndLearning("DEMO-2026-0007", today));
    // no further review, agreed by the Panel: the learning's action plan has an early years action overdue
    backDated(() -> learningWithoutAFurtherReview("DEMO-2026-0008", today));
    // the Panel's national review, supported by the partners: education asked for the Panel's reviewers
    backDated(() -> supportingANationalReview("DEMO-2026-0009", today));
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
   * A local review signed off six weeks ago, now in its publication and its learning side by side:
   * aware 150 working days ago, a local review decided at the rapid review on its 12th working day and
   * agreed by the Panel, the reviewer appointed with the terms agreed (no agency asked), her final
   * report received, accepted and signed off by the three partners on the 120th. Since then the full
   * report was chosen for publication, its anonymised version checked (attached), the family told of a
   * date three working days from now, nothing held, and the report sent to the Panel, DfE and Ofsted 12
   * working days ago: *Record the publication* waits, allowed since 5 working days ago. Two days ago the
   * coordinators recorded the partners' action plan: health's action due in three weeks and the partners'
   * own; health's request for its evidence, and every agency's for the learning's dissemination, are
   * mailed as the demo starts.
   */
  private void inItsPublicationAndLearning(String reference, LocalDate today) {
    LocalDate aware = calendar.addWorkingDays(today, -150);
    if (!start(reference, today, -150, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_PROTECTION_PLAN",
        CaseProcess.CHILD_AGE.name(), 0,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-9027-J",
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, police"))) {
      return;
    }
    sendTheRapidReview(reference, aware, 14, "CSONS-DEMO-0007", Map.of(
        "factsEstablished", "A baby of ten weeks with a fractured arm; the emergency department saw her twice before, and "
            + "neither attendance reached the health visitor or children's social care.",
        "learningIdentified", "How the emergency department shares a baby's attendances with community services.",
        "partnersDecisionReasons", "Multi-agency learning about information sharing between hospital and community services."));
    complete(reference, PanelDecision.TASK_RECORD_RESPONSE, Map.of("panelOutcome", "LOCAL_REVIEW_AGREED",
        "panelResponseOn", on(aware, 24), "panelResponseReference", "CSPRP/2026/0412",
        "panelResponseSummary", "The Panel asks to see the final report before it is published."));
    complete(reference, LocalReview.TASK_INFORM, Map.of("panelOfstedDfeInformedOn", on(aware, 25)));
    complete(reference, LocalReview.TASK_APPOINT_REVIEWER, Map.of("reviewerName", "Alex Brennan",
        "reviewerOrganisation", "Independent safeguarding reviewer", "reviewerEmail", "alex.brennan@example.org",
        "reviewerIndependenceDeclared", "YES",
        "reviewerDeclaration", "No past work with the partnership's agencies, and no connection with the family.",
        "reviewerAppointedOn", on(aware, 26)));
    complete(reference, LocalReview.TASK_AGREE_TERMS, Map.of("termsOfReference",
        "How did the emergency department, health visiting and children's social care share what each knew of the baby's "
            + "injuries, and what helped or hindered them?",
        "reviewMethod", "SYSTEMS", "termsAgreedOn", on(aware, 27),
        "localReviewAgencies", SpinValues.jsonValue("[]").create()));
    runJobs(reference); // the reviewer's link
    on(aware, 60);
    complete(reference, LocalReview.TASK_FAMILY, Map.of("familyInvolved", "YES",
        "familyInvolvement", "The baby's grandmother met the reviewer twice; the parents declined."));
    String learningEvent = on(aware, 75);
    complete(reference, LocalReview.TASK_PRACTITIONERS, Map.of("learningEventHeld", "YES", "learningEventOn", learningEvent,
        "learningEvent", "Practitioners from the emergency department, health visiting and children's social care."));
    String received = on(aware, 110);
    // the reviewer sent it by secure e-mail: the coordinator attached it and recorded it, as herself
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      attachPdf(reference, LocalReview.TASK_RECEIVE_REPORT, "final-report.pdf", "Child H: the local review's final report",
          "As the reviewer sent it, before anonymisation for publication.");
      complete(reference, LocalReview.TASK_RECEIVE_REPORT, Map.of("reviewerDocumentKind", "FINAL", "reportReceivedOn", received));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    on(aware, 112);
    complete(reference, LocalReview.TASK_QUALITY_ASSURE, Map.of("reportSetsOutImprovements", "YES", "reportAnalysesWhy", "YES",
        "qualityAssuranceOutcome", "ACCEPT"));
    runJobs(reference);
    on(aware, 120);
    signOff(reference, LocalReview.TASK_SIGN_OFF);
    // the sign-offs join in jobs of their own; the review ends, and the publication and the learning begin
    runJobsUntil(reference, () -> task(reference, Publication.TASK_DECIDE) != null);

    complete(reference, Publication.TASK_DECIDE, Map.of("publicationType", "FULL", "publicationDecidedOn", on(aware, 122)));
    String checked = on(aware, 125);
    attachPdf(reference, Publication.TASK_CHECK_ANONYMISATION, "report-to-publish-anonymised.pdf",
        "Child H: a local child safeguarding practice review", "The version to be published, checked for anonymisation.");
    complete(reference, Publication.TASK_CHECK_ANONYMISATION, Map.of("noChildIdentifiable", true,
        "noFamilyMemberIdentifiable", true, "noPractitionerIdentifiable", true,
        "anonymisationCheckedBy", "Tom Okafor, partnership business manager", "anonymisationCheckedOn", checked,
        "anonymisationNotes", "The hospital and the baby's age in weeks taken out."));
    complete(reference, Publication.TASK_TELL_FAMILY, Map.of("familyToldOfPublication", "YES",
        "familyToldOfPublicationOn", on(aware, 128), "familyToldOfPublicationBy", "Priya Shah, coordinator",
        "familyResponseToPublication", "The grandmother asked for a copy on the day.",
        "plannedPublicationOn", calendar.addWorkingDays(today, 3).toString()));
    on(aware, 130);
    complete(reference, Publication.TASK_DECIDE_HOLD, Map.of("publicationHold", "NO_HOLD"));
    complete(reference, Publication.TASK_SEND, Map.of("reportSentToPanelDfeAndOfsted", true, "finalReportSentOn",
        on(aware, 138)));

    String agreed = on(aware, 147);
    on(aware, 148);
    complete(reference, Learning.TASK_RECORD_ACTION_PLAN, actionPlan(
        "Emergency departments missed that a baby seen twice was not yet mobile, and what they saw never reached the "
            + "health visitor or children's social care.", agreed, List.of("childrens-social-care", "health", "police"),
        action("The emergency department tells the health visiting service of every attendance of a child under one, "
            + "within one working day, and audits it monthly.", "health", calendar.addWorkingDays(today, 15)),
        action("Publish a multi-agency protocol for bruising and injuries in non-mobile babies, and brief every agency's "
            + "front door on it.", Learning.OWNER_PARTNERS, calendar.addWorkingDays(today, 40))));
  }

  /**
   * No further review: aware 60 working days ago, the partners decided at the rapid review (its 12th
   * working day) that the rapid review's learning is enough, and the Panel agreed on the 24th. The
   * learning began at once; its action plan, recorded 25 working days ago, gave early years an action due
   * 5 working days ago and still not evidenced (the managers are told it is late as the demo starts), and
   * children's social care one due in four weeks; early years, health and children's social care are asked
   * how the learning reached their practitioners, due in 5 working days.
   */
  private void learningWithoutAFurtherReview(String reference, LocalDate today) {
    LocalDate aware = calendar.addWorkingDays(today, -60);
    if (!start(reference, today, -60, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_IN_NEED",
        CaseProcess.CHILD_AGE.name(), 2,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-9038-K",
        CaseProcess.AGENCIES.name(), "early-years, health, childrens-social-care"))) {
      return;
    }
    sendTheRapidReview(reference, aware, 14, "CSONS-DEMO-0008", Map.of(
        "factsEstablished", "Bruises on a two-year-old seen at nursery three times in a month were recorded but not "
            + "referred; health visiting did not know.",
        "learningIdentified", "When an early years setting refers bruising, and how it reaches health visiting.",
        "partnersDecision", PanelDecision.NO_FURTHER_REVIEW,
        "partnersDecisionReasons", "The rapid review found the learning, and the agencies have begun to act on it: a "
            + "local review would add little."));
    complete(reference, PanelDecision.TASK_RECORD_RESPONSE, Map.of("panelOutcome", "NO_REVIEW_AGREED",
        "panelResponseOn", on(aware, 24), "panelResponseReference", "CSPRP/2026/0733",
        "panelResponseSummary", "The Panel agrees that no further review is needed, and asks to see the action plan."));
    String agreed = on(aware, 34);
    on(aware, 35);
    complete(reference, Learning.TASK_RECORD_ACTION_PLAN, actionPlan(
        "Bruising in a child under three seen in an early years setting was recorded but not referred, and health "
            + "visiting never heard of it.", agreed, List.of("early-years", "health", "childrens-social-care"),
        action("Every early years setting's designated safeguarding lead completes the updated training on bruising in "
            + "young children, and settings' records show referrals made.", "early-years", calendar.addWorkingDays(today, -5)),
        action("Children's social care's front door asks the child's early years setting what it knows of every referral "
            + "about a child under five.", "childrens-social-care", calendar.addWorkingDays(today, 20))));
  }

  /**
   * The Panel's national review: aware 45 working days ago, the rapid review (its 12th working day) found
   * the case may be of national importance and decided on no local review; the Panel opened a national
   * review on the 24th and the partners decided on the 27th to support it. Three working days ago the
   * Panel's reviewers asked for education's information, due in ten working days (mailed as the demo
   * starts); the Panel's report is still to come.
   */
  private void supportingANationalReview(String reference, LocalDate today) {
    LocalDate aware = calendar.addWorkingDays(today, -45);
    if (!start(reference, today, -45, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_IN_NEED",
        CaseProcess.CHILD_AGE.name(), 15,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-9049-L",
        CaseProcess.AGENCIES.name(), "education, police, youth-justice"))) {
      return;
    }
    sendTheRapidReview(reference, aware, 14, "CSONS-DEMO-0009", Map.of(
        "factsEstablished", "A boy of 15 stabbed while carrying drugs between two counties; he had been out of school "
            + "for a term and missing from home four times.",
        "learningIdentified", "Exclusion from school and going missing as signs of criminal exploitation across county lines.",
        "partnersDecision", PanelDecision.NO_FURTHER_REVIEW,
        "partnersDecisionReasons", "Its learning crosses many areas: the partners ask the Panel to consider it for a "
            + "national review.",
        "mayBeOfNationalImportance", "YES"));
    complete(reference, PanelDecision.TASK_RECORD_RESPONSE, Map.of("panelOutcome", PanelDecision.NATIONAL_REVIEW,
        "panelResponseOn", on(aware, 24), "panelResponseReference", "CSPRP/2026/0801",
        "panelResponseSummary", "The Panel will include the case in its national review of criminal exploitation."));
    String decided = on(aware, 27);
    complete(reference, PanelDecision.TASK_CONFIRM_DECISION, Map.of("partnersDecision", PanelDecision.SUPPORT_NATIONAL_REVIEW,
        "partnersDecisionOn", decided, "partnersDecisionReasons", "The Panel's national review covers the case's learning.",
        "partnersDecisionAgreedBy", "Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)"));
    on(aware, 42);
    complete(reference, NationalReviewSupport.TASK_ASK_AGENCY, Map.of("panelReviewAgencyId", "education",
        "panelReviewRequest", "The Panel's reviewers ask for the school's attendance and exclusion records for the boy's "
            + "last two school years, and the notes of any meeting about him.",
        "panelReviewResponseDue", calendar.addWorkingDays(today, 10).toString()));
  }

  /** The answers of {@code recordActionPlan}, as Tasklist sends them. */
  @SafeVarargs
  private static Map<String, Object> actionPlan(String learning, String agreedOn, List<String> disseminationAgencies,
      Map<String, Object>... actions) {
    return Map.of("learningSummary", learning, "planAgreedOn", agreedOn,
        "actionPlan", SpinValues.jsonValue(org.camunda.spin.Spin.JSON(List.of(actions)).toString()).create(),
        "disseminationAgencies", SpinValues.jsonValue(org.camunda.spin.Spin.JSON(disseminationAgencies).toString()).create());
  }

  private static Map<String, Object> action(String description, String owner, LocalDate dueOn) {
    return Map.of("description", description, "owner", owner, "dueOn", dueOn.toString());
  }

  /** Each partner signs off their task of this key as its lead partner. */
  private void signOff(String reference, String taskKey) {
    for (String[] partner : new String[][] {{"partner-local-authority", "Helen Marsh"}, {"partner-icb", "Samuel Adeyemi"},
        {"partner-police", "Claire Douglas"}}) {
      var signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(taskKey).taskCandidateGroup(partner[0]).singleResult();
      engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "SIGN_OFF", "signatoryName", partner[1],
          "signatoryRole", "LEAD_PARTNER"));
    }
  }

  /**
   * Notified on its 3rd working day, the rapid review met on its 12th and decided on a local review,
   * each partner signed it off, and it went to the Panel on its {@code sentOnWorkingDay}th: the case
   * waits on the Panel's response. The agencies were not asked to answer here: the meeting went on
   * without them, as it may.
   */
  private void sendTheRapidReview(String reference, LocalDate aware, int sentOnWorkingDay, String notificationReference,
      Map<String, Object> record) {
    String notified = on(aware, 3);
    complete(reference, Notification.TASK_NOTIFY_PANEL, Map.of("panelNotificationReference", notificationReference,
        "notifiedOn", notified));
    complete(reference, Notification.TASK_CONFIRM_PARTNERS_TOLD, Map.of("partnersToldOn", notified));
    String met = on(aware, 12);
    Map<String, Object> meeting = new java.util.HashMap<>();
    meeting.put("rapidReviewMeetingOn", met);
    meeting.put("reviewCriteriaMet", "YES");
    meeting.put("partnersDecision", "LOCAL_REVIEW");
    meeting.put("partnersDecisionOn", met);
    meeting.put("mayBeOfNationalImportance", "NO");
    meeting.putAll(record); // a decision, or national importance, of the case's own
    complete(reference, RapidReview.TASK_RECORD_MEETING, meeting);
    signOff(reference, RapidReview.TASK_SIGN_OFF);
    // the sign-offs join in jobs of their own
    runJobsUntil(reference, () -> task(reference, RapidReview.TASK_SUBMIT) != null);
    complete(reference, RapidReview.TASK_SUBMIT, Map.of("rapidReviewSubmittedOn", on(aware, sentOnWorkingDay),
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

  /**
   * The ISO date this many working days after awareness, the day the next step is taken: while the
   * clock follows the case ({@link #backDated}), the engine's clock is moved to 10:00 that day.
   */
  private String on(LocalDate aware, int workingDays) {
    LocalDate day = calendar.addWorkingDays(aware, workingDays);
    if (clockFollows) {
      EngineClock.moveTo(Date.from(day.atTime(10, 0).atZone(WorkingDayCalendar.LONDON).toInstant()));
    }
    return day.toString();
  }

  /**
   * Seeds a case on the days it happened: the engine's clock follows each step ({@link #on}) and is
   * given back afterwards, whatever happens. Only while the job executor has not started: a timer
   * left due by a step (a late action, a publication now allowed) fires once it has, as it would have.
   */
  private void backDated(Runnable seeding) {
    Date before = EngineClock.now();
    boolean systemClock = Math.abs(before.getTime() - System.currentTimeMillis()) < 5_000;
    clockFollows = true;
    try {
      seeding.run();
    } finally {
      clockFollows = false;
      if (systemClock) {
        EngineClock.backToRealTime();
      } else {
        EngineClock.moveTo(before); // a test's clock, as it was
      }
    }
  }

  /** Runs the case's waiting continuations (mails among them) until none is left. */
  private void runJobs(String reference) {
    for (int round = 0; round < 10; round++) {
      boolean ran = false;
      for (var instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages()
            .executable().list()) {
          engine.getManagementService().executeJob(job.getId());
          ran = true;
        }
      }
      if (!ran) {
        return;
      }
    }
  }

  /** A document the coordinators attached to the task: a small PDF with these lines. */
  private void attachPdf(String reference, String taskKey, String name, String... lines) {
    var task = task(reference, taskKey);
    byte[] content = pdf(lines);
    engine.getTaskService().createAttachment("application/pdf", task.getId(), task.getProcessInstanceId(), name,
        AgencyDocuments.attachedBy("coordinator") + "; " + content.length + " bytes", new java.io.ByteArrayInputStream(content));
  }

  /** A one-page PDF showing these lines (plain ASCII), as a PDF reader opens it. */
  static byte[] pdf(String... lines) {
    StringBuilder text = new StringBuilder("BT /F1 12 Tf 56 780 Td 16 TL");
    for (String line : lines) {
      text.append(" (").append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") '");
    }
    text.append(" ET");
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new java.util.ArrayList<>();
    for (int n = 1; n <= objects.size(); n++) {
      offsets.add(pdf.length());
      pdf.append(n).append(" 0 obj\n").append(objects.get(n - 1)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
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
    on(aware, 0); // recorded the day the local authority became aware, when the clock follows the case
    var variables = new java.util.HashMap<String, Object>(details);
    variables.put(CaseProcess.AWARE_DATE.name(), aware.toString());
    variables.put(CaseProcess.INCIDENT_DATE.name(), aware.minusDays(1).toString());
    engine.getRuntimeService().startProcessInstanceByKey(CaseProcess.KEY, reference, variables);
    log.info("Demo case {} recorded (aware {})", reference, aware);
    return true;
  }
}
