package uk.cspr.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;

/** What the notification's reminders and escalations say: the date it is due. */
class NotificationMail implements MailContribution {

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, Notification.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    Notification.NOTIFICATION_DUE.from(execution).ifPresent(due -> model.put("notificationDue", UkDates.longDate(due)));
  }
}
