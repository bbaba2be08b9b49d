package uk.cspr.testing;

import static uk.cspr.testing.Workflow.clockAt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import uk.cspr.calendar.WorkingDays;

/**
 * The stages after the review, walked as the coordinators and agencies walk them, for tests that follow
 * a whole case to its closure: publication through to its one-year review, and the learning from its
 * action plan to the case closed. Each moves the engine clock forward as the stage needs.
 */
public final class LaterStages {

  public static final String PUBLICATION_URL = "https://www.northshire-safeguarding.org.uk/reviews/child-m";

  private final ProcessEngine engine;
  private final Workflow workflow;
  private final WorkingDays workingDays = new WorkingDays(Calendars.shipped());

  public LaterStages(ProcessEngine engine) {
    this.engine = engine;
    this.workflow = new Workflow(engine);
  }

  /**
   * A case recorded on Monday 22 December 2025, notified on time (the partners told the day before), its rapid
   * review meeting deciding on a local review on Monday 12 January 2026 and sent to the Panel on the 15th.
   */
  public void notifiedAndReviewed(ProcessInstance caseInstance) {
    clockAt("2025-12-30T15:00");
    workflow.complete(caseInstance, uk.cspr.notification.Notification.TASK_NOTIFY_PANEL,
        "panelNotificationReference", "CSONS-2025-12346", "notifiedOn", "2025-12-30");
    workflow.complete(caseInstance, uk.cspr.notification.Notification.TASK_CONFIRM_PARTNERS_TOLD,
        "partnersToldOn", "2025-12-29");
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-15T11:00");
    workflow.sendTheRapidReviewToThePanel(caseInstance, "2026-01-12", "2026-01-15");
  }

  /** The Panel, Ofsted and DfE told, the reviewer appointed with a declaration, the terms agreed, no agency asked. */
  public void commissionTheLocalReview(ProcessInstance caseInstance) {
    workflow.complete(caseInstance, "informOfLocalReview", "panelOfstedDfeInformedOn", "2026-02-16");
    workflow.complete(caseInstance, "appointReviewer", "reviewerName", "Ruth Okafor",
        "reviewerOrganisation", "Independent", "reviewerEmail", "ruth.okafor@example.org",
        "reviewerIndependenceDeclared", "YES",
        "reviewerDeclaration", "No past work with the agencies involved or with the family.",
        "reviewerAppointedOn", "2026-02-16");
    workflow.complete(caseInstance, "agreeTermsOfReference", "termsOfReference",
        "How were the hospital's concerns shared in 2025?", "reviewMethod", "SYSTEMS", "termsAgreedOn", "2026-02-16",
        "localReviewAgencies", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create());
    workflow.executeDueJobs(caseInstance); // the reviewer's link
  }

  /** The family and practitioners recorded, the final report received today, accepted and signed off by each partner. */
  public void finishTheLocalReview(ProcessInstance caseInstance) {
    String today = uk.cspr.calendar.WorkingDays.todayInEngland().toString();
    workflow.complete(caseInstance, "recordFamilyInvolvement", "familyInvolved", "YES", "familyInvolvement",
        "The grandmother met the reviewer twice.");
    workflow.complete(caseInstance, "recordPractitionerLearningEvent", "learningEventHeld", "YES", "learningEventOn", today,
        "learningEvent", "Practitioners from health, the police and children's social care.");
    workflow.attach(caseInstance, "receiveReviewerReport", "review-report.pdf");
    workflow.complete(caseInstance, "receiveReviewerReport", "reviewerDocumentKind", "FINAL", "reportReceivedOn", today);
    workflow.complete(caseInstance, "qualityAssureReport", "reportSetsOutImprovements", "YES",
        "reportAnalysesWhy", "YES", "qualityAssuranceOutcome", "ACCEPT");
    workflow.executeDueJobs(caseInstance);
    for (String[] partner : List.of(new String[] {"partner-local-authority", "Helen Marsh"},
        new String[] {"partner-icb", "Samuel Adeyemi"}, new String[] {"partner-police", "Claire Douglas"})) {
      var signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
          .taskDefinitionKey("signOffFinalReport").taskCandidateGroup(partner[0]).singleResult();
      engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "SIGN_OFF", "signatoryName", partner[1],
          "signatoryRole", "LEAD_PARTNER"));
    }
    workflow.executeDueJobs(caseInstance); // the sign-offs join in jobs of their own
  }


  /**
   * The partners' action plan (one action of their own), its evidence, every agency's confirmation
   * that the learning reached its practitioners, the impact reviewed six months on, the case closed.
   *
   * @return the day the coordinators closed it
   */
  public LocalDate learnAndClose(ProcessInstance caseInstance, List<String> disseminationAgencies) {
    String today = WorkingDays.todayInEngland().toString();
    Map<String, Object> action = new HashMap<>();
    action.put("description", "Publish the partners' response and the action plan.");
    action.put("owner", "safeguarding-partners");
    action.put("dueOn", workingDays.addWorkingDays(today, 10));
    Map<String, Object> plan = new HashMap<>();
    plan.put("learningSummary", "Handovers between agencies lost what was seen.");
    plan.put("planAgreedOn", today);
    plan.put("actionPlan", SpinValues.jsonValue(Spin.JSON(List.of(action)).toString()).create());
    plan.put("disseminationAgencies", SpinValues.jsonValue(Spin.JSON(disseminationAgencies).toString()).create());
    complete(caseInstance, "recordActionPlan", plan);
    workflow.executeDueJobs(caseInstance);
    workflow.complete(caseInstance, "recordPartnersActionEvidence", "actionStatus", "COMPLETED", "actionTaken",
        "The response and the plan are on the partnership's website.", "actionCompletedOn", today,
        "actionEvidence", "The published page, saved as a PDF.");
    for (Task dissemination : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey("provideInformation").list()) {
      if (!"confirm-learning-dissemination".equals(engine.getTaskService().getVariable(dissemination.getId(), "requestForm"))) {
        continue;
      }
      Map<String, Object> confirmed = new HashMap<>();
      confirmed.put("disseminationMethods", SpinValues.jsonValue("[\"BRIEFING\"]").create());
      confirmed.put("disseminationDetails", "Team briefings in every service.");
      confirmed.put("practitionersReached", 40);
      confirmed.put("disseminatedOn", today);
      confirmed.put("responderName", "A designated lead");
      confirmed.put("responderRole", "Safeguarding lead");
      engine.getTaskService().complete(dissemination.getId(), confirmed);
    }
    workflow.executeDueJobs(caseInstance);
    ProcessInstance learning = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-learning").singleResult();
    String impactDue = (String) engine.getRuntimeService().getVariable(learning.getId(), "impactReviewDue");
    clockAt(impactDue + "T10:00");
    workflow.executeDueJobs(caseInstance);
    String reviewedOn = WorkingDays.todayInEngland().toString();
    workflow.complete(caseInstance, "reviewLearningImpact", "impactReviewedOn", reviewedOn, "practiceChanges",
        "Health visitors hear of every A&E attendance within a day.", "impactEvidence", "An audit of 40 attendances.",
        "anotherImpactReview", "NO");
    workflow.complete(caseInstance, "closeCase", "caseClosedOn", reviewedOn, "closureSummary",
        "Information sharing changed, and audits show it.");
    workflow.executeDueJobs(caseInstance);
    return LocalDate.parse(reviewedOn);
  }

  /**
   * The full report checked, the family not told (unreachable), no hold, sent to the Panel, DfE and
   * Ofsted today, published on the earliest day allowed and kept published at its one-year review.
   *
   * @return the day it was published
   */
  public LocalDate publishAndKeep(ProcessInstance caseInstance) {
    return publishAndKeep(caseInstance, () -> { });
  }

  /** As {@link #publishAndKeep(ProcessInstance)}, doing this once it is published, a year before its review. */
  public LocalDate publishAndKeep(ProcessInstance caseInstance, Runnable afterPublication) {
    String today = WorkingDays.todayInEngland().toString();
    workflow.complete(caseInstance, "decidePublication", "publicationType", "FULL", "publicationDecidedOn", today);
    workflow.attach(caseInstance, "checkAnonymisation", "report-to-publish.pdf");
    Map<String, Object> checked = new HashMap<>();
    checked.put("noChildIdentifiable", true);
    checked.put("noFamilyMemberIdentifiable", true);
    checked.put("noPractitionerIdentifiable", true);
    checked.put("anonymisationCheckedBy", "Anna Lee, business manager");
    checked.put("anonymisationCheckedOn", today);
    complete(caseInstance, "checkAnonymisation", checked);
    workflow.complete(caseInstance, "tellFamilyOfPublication", "familyToldOfPublication", "NO",
        "familyNotToldOfPublicationReason", "The family cannot be reached.");
    workflow.complete(caseInstance, "decidePublicationHold", "publicationHold", "NO_HOLD");
    workflow.complete(caseInstance, "sendReportBeforePublication", "reportSentToPanelDfeAndOfsted", true,
        "finalReportSentOn", today);
    ProcessInstance publication = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseInstance.getBusinessKey()).processDefinitionKey("cspr-publication").singleResult();
    String earliest = (String) engine.getRuntimeService().getVariable(publication.getId(), "earliestPublicationDate");
    clockAt(earliest + "T10:00");
    workflow.executeDueJobs(caseInstance);
    workflow.complete(caseInstance, "recordPublication", "publicationUrl", PUBLICATION_URL, "publishedOn", earliest);
    afterPublication.run();
    clockAt(LocalDate.parse(earliest).plusYears(1).plusDays(7) + "T10:00");
    workflow.executeDueJobs(caseInstance);
    workflow.complete(caseInstance, "reviewPublication", "publicationReviewDecision", "KEEP", "publicationReviewNotes",
        "Still read by practitioners across the county.");
    workflow.executeDueJobs(caseInstance);
    return LocalDate.parse(earliest);
  }

  private void complete(ProcessInstance caseInstance, String taskKey, Map<String, Object> answers) {
    Task task = workflow.task(caseInstance, taskKey);
    if (task == null) {
      throw new AssertionError("Case " + caseInstance.getBusinessKey() + " has no open task " + taskKey + "; open: "
          + workflow.openTaskKeys(caseInstance));
    }
    engine.getTaskService().complete(task.getId(), answers);
  }
}
