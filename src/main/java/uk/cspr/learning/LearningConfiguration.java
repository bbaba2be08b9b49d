package uk.cspr.learning;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import uk.cspr.agency.AgencyRequestForm;
import uk.cspr.agency.TasksTakingDocuments;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/**
 * The learning stage's listeners and mappings, for {@code camunda:delegateExpression}: reached that
 * way a refusal keeps its type, and so its 400 over REST (see {@code NotificationConfiguration}); and
 * the two forms it asks agencies with, registered with the agency request.
 */
@Configuration(proxyBeanMethods = false)
public class LearningConfiguration {

  @Bean
  LearningAnswers learningAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new LearningAnswers(calendar, timescales);
  }

  @Bean
  AgencyRequestForm actionEvidenceForm(LearningAnswers answers) {
    return new ActionEvidenceForm(answers);
  }

  @Bean
  AgencyRequestForm learningDisseminationForm(LearningAnswers answers) {
    return new DisseminationForm(answers);
  }

  @Bean
  TasksTakingDocuments learningEvidenceTakesDocuments() {
    return new TasksTakingDocuments(Learning.KEY, Learning.TASKS_TAKING_DOCUMENTS);
  }

  @Bean
  MailContribution learningMail() {
    return new LearningMail();
  }

  /** After the local review's (6), leaving 7 for the publication stage that comes between them. */
  @Bean
  @Order(8)
  CaseFileContribution learningInCaseFile() {
    return new LearningInCaseFile();
  }

  @Bean
  ExecutionListener learningStartedListener(LearningAnswers answers) {
    return answers::started;
  }

  @Bean
  ExecutionListener actionPlanRecordedListener(LearningAnswers answers) {
    return answers::planRecorded;
  }

  @Bean
  ExecutionListener actionAskedListener(LearningAnswers answers) {
    return answers::actionAsked;
  }

  @Bean
  ExecutionListener actionLateListener(LearningAnswers answers) {
    return answers::actionLate;
  }

  @Bean
  DelegateVariableMapping actionEvidenceMapping(LearningAnswers answers) {
    return new ActionEvidenceMapping(answers);
  }

  @Bean
  TaskListener partnersActionTaskListener(LearningAnswers answers) {
    return answers::partnersTaskCreated;
  }

  @Bean
  ExecutionListener partnersActionRecordedListener(LearningAnswers answers) {
    return answers::partnersActionRecorded;
  }

  @Bean
  ExecutionListener impactReviewedListener(LearningAnswers answers) {
    return answers::impactReviewed;
  }

  @Bean
  ExecutionListener learningCaseClosedListener(LearningAnswers answers) {
    return answers::caseClosed;
  }
}
