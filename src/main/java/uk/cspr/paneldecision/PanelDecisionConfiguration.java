package uk.cspr.paneldecision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/**
 * The Panel decision's listeners, for {@code camunda:delegateExpression}: reached that way a refusal
 * keeps its type, and so its 400 over REST (see {@code NotificationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class PanelDecisionConfiguration {

  @Bean
  PanelDecisionAnswers panelDecisionAnswers(WorkingDayCalendar calendar, Timescales timescales) {
    return new PanelDecisionAnswers(calendar, timescales);
  }

  @Bean
  MailContribution panelDecisionMail() {
    return new PanelDecisionMail();
  }

  @Bean
  @Order(5)
  CaseFileContribution panelDecisionInCaseFile() {
    return new PanelDecisionInCaseFile();
  }

  @Bean
  ExecutionListener panelDecisionStartedListener(PanelDecisionAnswers answers) {
    return answers::started;
  }

  @Bean
  ExecutionListener panelResponseRecordedListener(PanelDecisionAnswers answers) {
    return answers::responseRecorded;
  }

  @Bean
  ExecutionListener panelChasedListener(PanelDecisionAnswers answers) {
    return answers::chased;
  }

  @Bean
  ExecutionListener panelInformationSentListener(PanelDecisionAnswers answers) {
    return answers::informationSent;
  }

  @Bean
  ExecutionListener partnersDecisionConfirmedListener(PanelDecisionAnswers answers) {
    return answers::decisionConfirmed;
  }

  @Bean
  ExecutionListener partnersDecisionSentListener(PanelDecisionAnswers answers) {
    return answers::decisionSent;
  }

  @Bean
  ExecutionListener partnersDecisionFinalListener(PanelDecisionAnswers answers) {
    return answers::decisionFinal;
  }
}
