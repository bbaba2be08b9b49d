package uk.cspr.rapidreview;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/**
 * The rapid review's listeners and delegates, for {@code camunda:delegateExpression}: reached
 * that way a refusal keeps its type, and so its 400 over REST (see {@code NotificationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class RapidReviewConfiguration {

  @Bean
  MailContribution rapidReviewMail() {
    return new RapidReviewMail();
  }

  @Bean
  RapidReviewAnswers rapidReviewAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new RapidReviewAnswers(calendar, timescales);
  }

  @Bean
  ExecutionListener rapidReviewStartedListener(RapidReviewAnswers answers) {
    return answers::started;
  }

  @Bean
  ExecutionListener anotherAgencyAskedListener(RapidReviewAnswers answers) {
    return answers::anotherAgencyAsked;
  }

  @Bean
  ExecutionListener agencyRequestEndedListener(RapidReviewAnswers answers) {
    return answers::agencyRequestEnded;
  }

  @Bean
  TaskListener agencyAnswersSoFarListener(RapidReviewAnswers answers) {
    return answers::showAgencyAnswers;
  }

  @Bean
  ExecutionListener rapidReviewMeetingRecordedListener(RapidReviewAnswers answers) {
    return answers::meetingRecorded;
  }

  @Bean
  ExecutionListener panelToldCriteriaNotMetListener(RapidReviewAnswers answers) {
    return answers::panelToldCriteriaNotMet;
  }

  @Bean
  ExecutionListener signOffRoundStartedListener(RapidReviewAnswers answers) {
    return answers::signOffRoundStarted;
  }

  @Bean
  ExecutionListener partnerSignedOffListener(RapidReviewAnswers answers) {
    return answers::partnerSignedOff;
  }

  @Bean
  TaskListener sentBackCommentsListener(RapidReviewAnswers answers) {
    return answers::showSentBackComments;
  }

  @Bean
  ExecutionListener rapidReviewRevisedListener(RapidReviewAnswers answers) {
    return answers::revised;
  }

  @Bean
  ExecutionListener rapidReviewSubmittedListener(RapidReviewAnswers answers) {
    return answers::submitted;
  }

  @Bean
  @org.springframework.core.annotation.Order(4)
  uk.cspr.casefile.CaseFileContribution rapidReviewInCaseFile() {
    return new RapidReviewInCaseFile();
  }

  @Bean
  JavaDelegate withdrawOpenAgencyRequestsDelegate() {
    return new WithdrawOpenAgencyRequestsDelegate();
  }
}
