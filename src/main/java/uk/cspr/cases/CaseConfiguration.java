package uk.cspr.cases;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.timescales.Timescales;
import org.springframework.core.annotation.Order;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;

/**
 * Everything {@code cspr-case} reaches by name from its BPMN ({@code ${…}}), and what those need.
 * Each stage has one such class; the application and the plain engine of the process tests both
 * build their beans from it, and {@code BpmnBeansTest} checks every name the BPMN uses against both.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConfiguration {

  @Bean
  SeriousIncidentValidator seriousIncidentValidator() {
    return new SeriousIncidentValidator();
  }

  @Bean
  @DependsOnDatabaseInitialization // its table is Flyway's
  CaseReferences caseReferences(DataSource dataSource) {
    return new CaseReferences(dataSource);
  }

  @Bean
  RecordSeriousIncidentListener recordSeriousIncidentListener(SeriousIncidentValidator validator, CaseReferences references) {
    return new RecordSeriousIncidentListener(validator, references);
  }

  @Bean
  SetStatutoryDeadlinesDelegate setStatutoryDeadlinesDelegate(WorkingDayCalendar calendar, Timescales timescales) {
    return new SetStatutoryDeadlinesDelegate(calendar, timescales);
  }

  @Bean
  AgencyIds agencyIds() {
    return new AgencyIds();
  }

  @Bean
  NotificationMapping notificationMapping() {
    return new NotificationMapping();
  }

  @Bean
  ExecutionListener notNotifiableDecisionListener() {
    return new CaseAnswers()::notNotifiableDecision;
  }

  @Bean
  ExecutionListener passedToAnotherAuthorityListener() {
    return new CaseAnswers()::passedToAnotherAuthority;
  }

  @Bean
  @Order(6)
  CaseFileContribution nationalReviewInCaseFile() {
    return new NationalReviewInCaseFile();
  }

  @Bean
  NationalReviewSupport nationalReviewSupport(WorkingDayCalendar calendar) {
    return new NationalReviewSupport(calendar);
  }

  @Bean
  ExecutionListener nationalReviewAgencyAskedListener(NationalReviewSupport support) {
    return support::agencyAsked;
  }

  @Bean
  ExecutionListener nationalReviewReportRecordedListener(NationalReviewSupport support) {
    return support::reportRecorded;
  }

  /**
   * The case's one end listener: whichever way it ends, the day it closed, unless the learning's closure
   * already said (the coordinators' own date, when the case ends as they close it).
   */
  @Bean
  ExecutionListener caseClosedListener() {
    return execution -> {
      if (!execution.isCanceled() && CaseProcess.CASE_CLOSED_ON.from(execution).isEmpty()) {
        CaseProcess.CASE_CLOSED_ON.set(execution, WorkingDays.todayInEngland());
      }
    };
  }

  /** The case ends with its learning: closed on the day the coordinators recorded. */
  @Bean
  ExecutionListener caseClosedByLearningListener() {
    return execution -> CaseProcess.LEARNING_CLOSED_ON.from(execution)
        .ifPresent(closedOn -> CaseProcess.CASE_CLOSED_ON.set(execution, closedOn));
  }

  @Bean
  ProvisionalDeadlines provisionalDeadlines(ProcessEngine engine, WorkingDayCalendar calendar, Timescales timescales,
      PlatformTransactionManager transactions) {
    return new ProvisionalDeadlines(engine, calendar, timescales, transactions);
  }

  /** After the notification: counted from it, the rapid review stage moves to its real deadline. */
  @Bean
  ExecutionListener rapidReviewFollowsTheNotificationListener(ProvisionalDeadlines deadlines) {
    return execution -> {
      if (!execution.isCanceled()) {
        deadlines.rapidReviewFollowsTheNotification(execution.getProcessInstanceId());
      }
    };
  }

  /** At every start: a newer bank holidays file may settle deadlines computed by rule. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> recomputeProvisionalDeadlines(ProvisionalDeadlines deadlines) {
    return ready -> deadlines.recompute();
  }

  /**
   * At every start, once this start's processes are deployed: cases waiting at the rapid review
   * placeholder move to the newest case version, so none is left on an old one.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> moveCasesWaitingAtThePlaceholder(ProcessEngine engine) {
    return ready -> new PlaceholderCaseMigration(engine).moveCasesWaitingAtThePlaceholder();
  }

  /** What was recorded, first in the case file. */
  @Bean
  @Order(1)
  CaseFileContribution recordedIncident() {
    return new RecordedIncident();
  }

  @Bean
  MailContribution caseMail(Partnership partnership, WorkingDayCalendar calendar, Timescales timescales) {
    return new CaseMail(partnership, calendar, timescales);
  }
}
