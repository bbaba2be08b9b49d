package uk.cspr.localreview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;

/**
 * What the local review's mails say and whom they reach. Local inputs of the mail task:
 * {@code mailToReviewer} (true: the reviewer's address, as appointed) and {@code mailReviewerLink}
 * (true: the mail carries a new link to the review's open task for the reviewer's report).
 */
class LocalReviewMail implements MailContribution {

  static final String IN_TO_REVIEWER = "mailToReviewer";
  static final String IN_REVIEWER_LINK = "mailReviewerLink";

  private final TaskService taskService;
  private final ResponseLinks links;
  private final Partnership partnership;

  LocalReviewMail(TaskService taskService, ResponseLinks links, Partnership partnership) {
    this.taskService = taskService;
    this.links = links;
    this.partnership = partnership;
  }

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, LocalReview.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    LocalReview.DUE.from(execution).ifPresent(due -> model.put("localReviewDue", UkDates.longDate(due)));
    LocalReview.REVIEWER_NAME.from(execution).ifPresent(name -> model.put("reviewerName", name));
    LocalReview.WRITTEN_REQUEST.from(execution).ifPresent(text -> model.put("writtenRequestToReviewer", text));
    LocalReview.QA_COMMENTS.from(execution).ifPresent(text -> model.put("qualityAssuranceComments", text));
    if (Boolean.TRUE.equals(execution.getVariableLocal(IN_TO_REVIEWER))) {
      LocalReview.REVIEWER_EMAIL.from(execution).filter(email -> !email.isBlank()).ifPresent(email -> addresses.add(email.trim()));
    }
    if (Boolean.TRUE.equals(execution.getVariableLocal(IN_REVIEWER_LINK))) {
      addReviewerLink(execution, model);
    }
  }

  /**
   * A fresh single-use link to the open task for the report (only its hash is kept). A review runs
   * for months: the link works until a month after the final report is due, or the usual time if later.
   */
  private void addReviewerLink(DelegateExecution execution, Map<String, String> model) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(LocalReview.TASK_RECEIVE_REPORT).singleResult();
    if (task == null) {
      model.put("reviewerLink", partnership.publicUrl().toString());
      return;
    }
    LocalDate due = LocalReview.DUE.required(execution);
    var wanted = due.plusMonths(1).atTime(23, 59, 59).atZone(WorkingDayCalendar.LONDON).toInstant();
    model.put("reviewerLink", partnership.publicUrl().resolve("/review/" + links.issue(task, wanted)).toString());
    // a review already late, or a case moved on long after its decision, gets the usual time: say the day it really ends
    model.put("reviewerLinkUntil", UkDates.longDate(links.expiry(wanted).atZone(WorkingDayCalendar.LONDON).toLocalDate()));
  }
}
