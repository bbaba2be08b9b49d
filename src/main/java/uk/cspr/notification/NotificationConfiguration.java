package uk.cspr.notification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;
import org.springframework.core.annotation.Order;
import uk.cspr.casefile.CaseFileContribution;

/**
 * The end listeners of the notification tasks, for {@code camunda:delegateExpression}. A
 * listener reached through a delegate expression may throw a refusal that keeps its type (and so
 * its 400 over REST); a method called from an expression or a task listener is wrapped in a
 * generic engine exception, which REST reports as a 500.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

  @Bean
  MailContribution notificationMail() {
    return new NotificationMail();
  }

  @Bean
  NotificationAnswers notificationAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new NotificationAnswers(calendar, timescales);
  }

  @Bean
  ExecutionListener panelNotifiedListener(NotificationAnswers answers) {
    return answers::panelNotified;
  }

  @Bean
  ExecutionListener partnersToldListener(NotificationAnswers answers) {
    return answers::partnersTold;
  }

  @Bean
  ExecutionListener dfeAndOfstedNotifiedListener(NotificationAnswers answers) {
    return answers::dfeAndOfstedNotified;
  }

  @Bean
  @Order(2)
  CaseFileContribution notificationInCaseFile() {
    return new NotificationInCaseFile();
  }
}
