package uk.cspr.publication;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import uk.cspr.agency.TasksTakingDocuments;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/**
 * The publication's listeners and its part of the mail and the case file, for
 * {@code camunda:delegateExpression}: reached that way a refusal keeps its type, and so its 400 over
 * REST (see {@code NotificationConfiguration}). Its tasks are the coordinators' alone: no partner or
 * agency needs access to this stage.
 */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

  @Bean
  TasksTakingDocuments publicationTakesDocuments() {
    return new TasksTakingDocuments(Publication.KEY, Publication.TASKS_TAKING_DOCUMENTS);
  }

  @Bean
  PublicationAnswers publicationAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new PublicationAnswers(calendar, timescales);
  }

  @Bean
  MailContribution publicationMail(Timescales timescales) {
    return new PublicationMail(timescales);
  }

  @Bean
  @Order(7)
  CaseFileContribution publicationInCaseFile() {
    return new PublicationInCaseFile();
  }

  @Bean
  ExecutionListener publicationStartedListener(PublicationAnswers answers) {
    return answers::started;
  }

  @Bean
  ExecutionListener publicationDecidedListener(PublicationAnswers answers) {
    return answers::decided;
  }

  @Bean
  ExecutionListener anonymisationCheckedListener(PublicationAnswers answers) {
    return answers::anonymisationChecked;
  }

  @Bean
  ExecutionListener familyToldOfPublicationListener(PublicationAnswers answers) {
    return answers::familyTold;
  }

  @Bean
  ExecutionListener publicationHoldDecidedListener(PublicationAnswers answers) {
    return answers::holdDecided;
  }

  @Bean
  ExecutionListener publicationReleasedListener(PublicationAnswers answers) {
    return answers::released;
  }

  @Bean
  ExecutionListener publicationHoldEndedListener(PublicationAnswers answers) {
    return answers::holdEnded;
  }

  @Bean
  ExecutionListener reportSentBeforePublicationListener(PublicationAnswers answers) {
    return answers::reportSent;
  }

  @Bean
  ExecutionListener publicationRecordedListener(PublicationAnswers answers) {
    return answers::published;
  }

  @Bean
  ExecutionListener publicationReviewedListener(PublicationAnswers answers) {
    return answers::reviewed;
  }
}
