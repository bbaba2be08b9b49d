package uk.cspr.agency;

import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;
import org.springframework.core.annotation.Order;
import uk.cspr.casefile.CaseFileContribution;

/** The listeners and delegate {@code cspr-agency-request} reaches by delegate expression. */
@Configuration(proxyBeanMethods = false)
public class AgencyConfiguration {

  @Bean
  MailContribution agencyMail(IdentityService identityService, TaskService taskService, HistoryService historyService,
      ResponseLinks responseLinks, Partnership partnership, AgencyRequestForms forms) {
    return new AgencyMail(identityService, taskService, historyService, responseLinks, partnership, forms);
  }

  /** The request's own form; a stage asking with a form of its own registers it the same way. */
  @Bean
  AgencyRequestForm agencyInformationForm() {
    return new InformationForm();
  }

  @Bean
  AgencyRequestForms agencyRequestForms(ObjectProvider<AgencyRequestForm> forms) {
    return new AgencyRequestForms(forms.orderedStream().toList());
  }

  @Bean
  @DependsOnDatabaseInitialization // its table is Flyway's
  ResponseLinks responseLinks(DataSource dataSource, PlatformTransactionManager transactions, TaskService taskService,
      HistoryService historyService, ResponseLinkProperties properties) {
    return new ResponseLinks(dataSource, transactions, taskService, historyService, properties);
  }

  @Bean
  AgencyDocuments agencyDocuments(TaskService taskService, ResponseLinkProperties properties) {
    return new AgencyDocuments(taskService, properties.maxDocumentSize().toBytes(), properties.maxDocumentsPerRequest());
  }

  @Bean
  RequestDocuments requestDocuments(ProcessEngine engine, AgencyDocuments documents, java.util.List<TasksTakingDocuments> taking) {
    return new RequestDocuments(engine, documents, taking);
  }

  @Bean
  TasksTakingDocuments agencyAnswersTakeDocuments() {
    return new TasksTakingDocuments(AgencyRequest.KEY, java.util.Set.of(AgencyRequest.TASK_PROVIDE_INFORMATION));
  }

  @Bean
  AgencyRequestAnswers agencyRequestAnswers(WorkingDayCalendar calendar, AgencyRequestForms forms) {
    return new AgencyRequestAnswers(calendar, forms);
  }

  @Bean
  ExecutionListener agencyRequestMadeListener(AgencyRequestAnswers answers) {
    return answers::requestMade;
  }

  @Bean
  ExecutionListener agencyInformationProvidedListener(AgencyRequestAnswers answers) {
    return answers::informationProvided;
  }

  @Bean
  ExecutionListener agencyRequestChangedListener(AgencyRequestAnswers answers) {
    return answers::requestChanged;
  }

  @Bean
  TaskListener agencyTaskNamer(AgencyRequestAnswers answers) {
    return answers::nameTask;
  }

  @Bean
  JavaDelegate extendAgencyRequestDelegate(AgencyRequestAnswers answers) {
    return answers::applyExtension;
  }

  @Bean
  @Order(3)
  CaseFileContribution agencyRequestsInCaseFile(AgencyRequestForms forms) {
    return new AgencyRequestsInCaseFile(forms);
  }
}
