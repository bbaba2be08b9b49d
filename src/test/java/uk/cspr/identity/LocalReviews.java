package uk.cspr.identity;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.localreview.LocalReview;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * A local review as the write-access tests meet it: started as the case starts it (the partners
 * decided today), moved on as the coordinators move it, on the engine directly so that only what
 * is being tried goes through the doors.
 */
final class LocalReviews {

  private static final AtomicInteger reviews = new AtomicInteger();

  private final ProcessEngine engine;
  private final Workflow workflow;

  LocalReviews(ProcessEngine engine) {
    this.engine = engine;
    this.workflow = new Workflow(engine);
  }

  /**
   * A review under way: the Panel, Ofsted and DfE told, the reviewer appointed, the terms agreed
   * and these agencies asked, the reviewer's link mailed. Open: the report to receive, a written
   * request to the reviewer, the family's and practitioners' involvement, each agency's request.
   */
  ProcessInstance underWay(String... agencies) {
    String today = WorkingDays.todayInEngland().toString();
    Map<String, Object> given = new HashMap<>();
    given.put("localReviewDecisionOn", today);
    given.put("incidentDate", WorkingDays.todayInEngland().minusDays(40).toString());
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey(LocalReview.KEY,
        "NSCP-LOCAL-" + reviews.incrementAndGet(), given);
    if (task(review, LocalReview.TASK_INFORM) != null) { // a partnership may have turned this step off
      complete(review, LocalReview.TASK_INFORM, Map.of("panelOfstedDfeInformedOn", today));
    }
    Map<String, Object> reviewer = new HashMap<>();
    reviewer.put("reviewerName", "Ruth Okafor");
    reviewer.put("reviewerOrganisation", "Independent");
    reviewer.put("reviewerEmail", "ruth.okafor@example.org");
    reviewer.put("reviewerIndependenceDeclared", "YES");
    reviewer.put("reviewerDeclaration", "No past work with the agencies involved or with the family.");
    reviewer.put("reviewerAppointedOn", today);
    complete(review, LocalReview.TASK_APPOINT_REVIEWER, reviewer);
    Map<String, Object> terms = new HashMap<>();
    terms.put("termsOfReference", "How were the school's concerns shared?");
    terms.put("reviewMethod", "SYSTEMS");
    terms.put("termsAgreedOn", today);
    terms.put("localReviewAgencies", SpinValues.jsonValue(agencies.length == 0 ? "[]"
        : "[\"" + String.join("\",\"", agencies) + "\"]").create());
    complete(review, LocalReview.TASK_AGREE_TERMS, terms);
    workflow.executeDueJobs(review);
    return review;
  }

  /** The coordinators receive the final report and accept it for sign-off: each partner's sign-off opens. */
  void finalReportAccepted(ProcessInstance review) {
    String today = WorkingDays.todayInEngland().toString();
    workflow.attach(review, LocalReview.TASK_RECEIVE_REPORT, "final-report.pdf");
    complete(review, LocalReview.TASK_RECEIVE_REPORT, Map.of("reviewerDocumentKind", "FINAL", "reportReceivedOn", today));
    complete(review, LocalReview.TASK_QUALITY_ASSURE, Map.of("reportSetsOutImprovements", "YES",
        "reportAnalysesWhy", "YES", "qualityAssuranceOutcome", "ACCEPT"));
  }

  /** The review's own open task with this key (not its agencies' requests). */
  Task task(ProcessInstance review, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  /** The partner's own open sign-off of the final report. */
  Task signOff(ProcessInstance review, String partnerGroup) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LocalReview.TASK_SIGN_OFF).taskCandidateGroup(partnerGroup).singleResult();
  }

  /** The open request the review made of this agency, for the reviewer's information. */
  Task agencyRequest(ProcessInstance review, String agencyGroup) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(review.getBusinessKey())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).taskCandidateGroup(agencyGroup).singleResult();
  }

  /** A PDF put beside the task as our own pages put one (the engine's API, as the server), its description saying by whom. */
  Attachment documentBeside(Task task, String addedBy) {
    return engine.getTaskService().createAttachment("application/pdf", task.getId(), task.getProcessInstanceId(),
        "report.pdf", addedBy + "; 20 bytes", new ByteArrayInputStream("%PDF-1.4\n% report\n%%EOF\n".getBytes()));
  }

  boolean isOpen(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
  }

  Object variable(ProcessInstance review, String name) {
    return engine.getRuntimeService().getVariable(review.getId(), name);
  }

  /** Runs what is due now for the review (the sign-offs' join, mails), as the job executor would. */
  void executeDueJobs(ProcessInstance review) {
    workflow.executeDueJobs(review);
  }

  /**
   * Fails unless this person, at this door, is refused (403 or 404) everything that would move or stop
   * the review rather than answer a task of it: its timers' due dates and retries (the reminder, the
   * escalation when it is late, the next progress check), suspending it, moving it to its end,
   * deleting it; and unless the review is as it was afterwards.
   */
  void assertNeitherMovedNorStoppedBy(Http person, String root, ProcessInstance review) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers().list();
    if (timers.isEmpty()) {
      throw new AssertionError("Review " + review.getBusinessKey() + " has no timers to try");
    }
    List<Integer> statuses = new ArrayList<>();
    for (Job timer : timers) {
      statuses.add(person.putJson(root + "/job/" + timer.getId() + "/duedate",
          Map.of("duedate", "2099-01-01T09:00:00.000+0000")).status());
      statuses.add(person.putJson(root + "/job/" + timer.getId() + "/retries", Map.of("retries", 0)).status());
    }
    String instance = root + "/process-instance/" + review.getId();
    statuses.add(person.putJson(instance + "/suspended", Map.of("suspended", true)).status());
    statuses.add(person.postJson(instance + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", LocalReview.END_SIGNED_OFF)))).status());
    statuses.add(person.delete(instance).status());
    boolean unchanged = timers.stream().allMatch(timer -> {
      Job now = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
      return now != null && now.getDuedate().equals(timer.getDuedate()) && now.getRetries() == timer.getRetries();
    }) && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(review.getId()).active().count() == 1
        && engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(review.getId())
            .activityId(LocalReview.END_SIGNED_OFF).count() == 0;
    if (!statuses.stream().allMatch(status -> status == 403 || status == 404) || !unchanged) {
      throw new AssertionError("Review " + review.getBusinessKey() + " answered " + statuses
          + (unchanged ? "" : ", and it changed"));
    }
  }

  private void complete(ProcessInstance review, String key, Map<String, Object> answers) {
    Task task = task(review, key);
    if (task == null) {
      throw new AssertionError("Review " + review.getBusinessKey() + " has no open task " + key);
    }
    engine.getTaskService().complete(task.getId(), answers);
  }
}
