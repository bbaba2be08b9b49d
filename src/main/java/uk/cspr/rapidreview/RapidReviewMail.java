package uk.cspr.rapidreview;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;

/** What the rapid review's reminder and escalation say: the date it is due. */
class RapidReviewMail implements MailContribution {

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, RapidReview.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    RapidReview.RAPID_REVIEW_DUE.from(execution).ifPresent(due -> model.put("rapidReviewDue", UkDates.longDate(due)));
  }
}
