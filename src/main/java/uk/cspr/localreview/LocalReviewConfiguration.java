package uk.cspr.localreview;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.camunda.bpm.engine.TaskService;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.agency.TasksTakingDocuments;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.partnership.Partnership;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/**
 * The local review's listeners, for {@code camunda:delegateExpression}: reached that way a refusal
 * keeps its type, and so its 400 over REST (see {@code NotificationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class LocalReviewConfiguration {

  @Bean
  TasksTakingDocuments reviewerReportsTakeDocuments() {
    return new TasksTakingDocuments(LocalReview.KEY, LocalReview.TASKS_TAKING_DOCUMENTS);
  }

  @Bean
  LocalReviewAnswers localReviewAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new LocalReviewAnswers(calendar, timescales);
  }

  @Bean
  MailContribution localReviewMail(TaskService taskService, ResponseLinks links, Partnership partnership) {
    return new LocalReviewMail(taskService, links, partnership);
  }

  @Bean
  @Order(6)
  CaseFileContribution localReviewInCaseFile() {
    return new LocalReviewInCaseFile();
  }

  @Bean
  ExecutionListener localReviewStartedListener(LocalReviewAnswers answers) {
    return answers::started;
  }

  @Bean
  ExecutionListener localReviewInformedListener(LocalReviewAnswers answers) {
    return answers::informed;
  }

  @Bean
  ExecutionListener reviewerAppointedListener(LocalReviewAnswers answers) {
    return answers::reviewerAppointed;
  }

  @Bean
  ExecutionListener termsAgreedListener(LocalReviewAnswers answers) {
    return answers::termsAgreed;
  }

  @Bean
  ExecutionListener learningEventRecordedListener(LocalReviewAnswers answers) {
    return answers::learningEventRecorded;
  }

  @Bean
  ExecutionListener reviewerReportReceivedListener(LocalReviewAnswers answers) {
    return answers::reportReceived;
  }

  @Bean
  ExecutionListener reportQualityAssuredListener(LocalReviewAnswers answers) {
    return answers::qualityAssured;
  }

  @Bean
  ExecutionListener progressCheckedListener(LocalReviewAnswers answers) {
    return answers::progressChecked;
  }

  @Bean
  ExecutionListener writtenRequestListener(LocalReviewAnswers answers) {
    return answers::writtenRequest;
  }

  @Bean
  ExecutionListener delayRecordedListener(LocalReviewAnswers answers) {
    return answers::delayRecorded;
  }

  @Bean
  ExecutionListener finalSignOffRoundStartedListener(LocalReviewAnswers answers) {
    return answers::signOffRoundStarted;
  }

  @Bean
  ExecutionListener finalReportSignedListener(LocalReviewAnswers answers) {
    return answers::partnerSigned;
  }

  @Bean
  TaskListener finalReportSentBackCommentsListener(LocalReviewAnswers answers) {
    return answers::showSentBackComments;
  }

  @Bean
  ExecutionListener finalReportRevisedListener(LocalReviewAnswers answers) {
    return answers::revised;
  }

  @Bean
  ExecutionListener finalReportSignedOffListener(LocalReviewAnswers answers) {
    return answers::signedOff;
  }
}
