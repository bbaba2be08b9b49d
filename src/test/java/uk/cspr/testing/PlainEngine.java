package uk.cspr.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.cases.AgencyIds;
import uk.cspr.cases.CaseAnswers;
import uk.cspr.cases.CaseReferences;
import uk.cspr.cases.RecordSeriousIncidentListener;
import uk.cspr.cases.SeriousIncidentValidator;
import uk.cspr.cases.SetStatutoryDeadlinesDelegate;
import uk.cspr.engine.EngineHardening;
import uk.cspr.engine.ProcessResourceDeployer;
import uk.cspr.engine.RetryMeansNow;
import uk.cspr.identity.TaskActionGuard;
import uk.cspr.mail.MailDelegate;
import uk.cspr.mail.Mailer;
import uk.cspr.agency.AgencyRequestAnswers;
import uk.cspr.agency.ResponseLinkProperties;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.mail.MailTemplates;
import uk.cspr.notification.NotificationAnswers;
import uk.cspr.partnership.Partnership;
import uk.cspr.timescales.Timescales;

/**
 * A process engine without the Spring Boot application, for testing process logic fast: an
 * in-memory H2 database of its own with Spring-managed transactions (as in the application), the
 * job executor off (tests move the clock and execute jobs), and the beans the BPMN calls.
 */
public final class PlainEngine {

  public static final Partnership PARTNERSHIP = new Partnership("Northshire Safeguarding Children Partnership",
      "Northshire County Council", "safeguarding.partnership@example.org", "01632 960 123",
      URI.create("http://localhost:8080"));

  private final Map<Object, Object> beans = new HashMap<>();
  private final List<ProcessEnginePlugin> plugins = new ArrayList<>();
  private final DataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
  private final WorkingDayCalendar calendar = Calendars.shipped();
  private Timescales timescales = Timescales.defaults();
  private Integer smtpPort;
  private ResponseLinks responseLinks;
  private final List<Runnable> afterMailSent = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The calendar and the timescales, for BPMN that only computes dates. */
  public static PlainEngine withCalendar() {
    return new PlainEngine();
  }

  /** Every bean the workflow's BPMN calls, mail going to an SMTP server on the given port. */
  public static PlainEngine withWorkflow(int smtpPort) {
    PlainEngine engine = new PlainEngine();
    engine.smtpPort = smtpPort;
    return engine;
  }

  public PlainEngine timescales(Timescales timescales) {
    this.timescales = timescales;
    return this;
  }

  public PlainEngine bean(String name, Object bean) {
    beans.put(name, bean);
    return this;
  }

  public PlainEngine plugin(ProcessEnginePlugin plugin) {
    plugins.add(plugin);
    return this;
  }

  public ProcessEngine build() {
    ProcessEngine engine = configuration().buildProcessEngine();
    engineBuilt(engine);
    return engine;
  }

  /**
   * The configuration, for a test extension that builds the engine itself (process test coverage
   * adds its plugins); call {@link #engineBuilt} with the engine it builds.
   */
  public SpringProcessEngineConfiguration configuration() {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("plain-" + UUID.randomUUID());
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setDefaultSerializationFormat("application/json");
    beans.put("workingDays", new WorkingDays(calendar));
    beans.put("timescales", timescales);
    configuration.setBeans(beans);
    List<ProcessEnginePlugin> all = new ArrayList<>(plugins);
    all.add(new EngineHardening());
    all.add(new uk.cspr.calendar.ProvisionalDueDateNote(calendar.bankHolidays()));
    all.add(new TaskActionGuard());
    all.add(new RetryMeansNow());
    all.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(all);
    return configuration;
  }

  /** The beans that need the engine itself, and the workflow's deployment. */
  public void engineBuilt(ProcessEngine engine) {
    if (smtpPort != null) {
      addWorkflowBeans(engine);
    }
  }

  /**
   * Runs after each mail has gone to the SMTP server, inside the job that sent it: a test can fail
   * that job there, as a node that dies after a mail has left would.
   */
  public void afterMailSent(Runnable hook) {
    afterMailSent.add(hook);
  }

  public void clearAfterMailSent() {
    afterMailSent.clear();
  }

  /**
   * The calendar the BPMN's {@code workingDays} expressions use from now on: a test's stand-in for
   * restarting with a newer bank holidays file.
   */
  public void useCalendar(WorkingDayCalendar newer) {
    beans.put("workingDays", new WorkingDays(newer));
  }

  public org.springframework.transaction.PlatformTransactionManager transactions() {
    return transactions;
  }

  /** The response links the workflow's mails carry (after {@link #build()}). */
  public ResponseLinks responseLinks() {
    return responseLinks;
  }

  /** Added once the engine exists: the mail delegate looks up recipients through it. */
  private void addWorkflowBeans(ProcessEngine engine) {
    JavaMailSenderImpl mailSender = new JavaMailSenderImpl() {
      @Override
      protected void doSend(jakarta.mail.internet.MimeMessage[] messages, Object[] originals) {
        super.doSend(messages, originals);
        afterMailSent.forEach(Runnable::run);
      }
    };
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtpPort);
    beans.put("recordSeriousIncidentListener",
        new RecordSeriousIncidentListener(new SeriousIncidentValidator(), new CaseReferences(dataSource)));
    beans.put("agencyIds", new AgencyIds());
    beans.put("setStatutoryDeadlinesDelegate", new SetStatutoryDeadlinesDelegate(calendar, timescales));
    beans.put("notNotifiableDecisionListener", (ExecutionListener) new CaseAnswers()::notNotifiableDecision);
    beans.put("passedToAnotherAuthorityListener", (ExecutionListener) new CaseAnswers()::passedToAnotherAuthority);
    NotificationAnswers notificationAnswers = new NotificationAnswers(calendar, timescales);
    beans.put("panelNotifiedListener", (ExecutionListener) notificationAnswers::panelNotified);
    beans.put("partnersToldListener", (ExecutionListener) notificationAnswers::partnersTold);
    beans.put("dfeAndOfstedNotifiedListener", (ExecutionListener) notificationAnswers::dfeAndOfstedNotified);
    responseLinks = new ResponseLinks(dataSource, transactions, engine.getTaskService(), engine.getHistoryService(),
        new ResponseLinkProperties(java.time.Period.ofDays(30), org.springframework.util.unit.DataSize.ofMegabytes(10), 10));
    beans.put("mailDelegate", new MailDelegate(new Mailer(mailSender, PARTNERSHIP), new MailTemplates(),
        engine.getIdentityService(), engine.getTaskService(), responseLinks, PARTNERSHIP));
    AgencyRequestAnswers agencyAnswers = new AgencyRequestAnswers(calendar);
    beans.put("agencyRequestMadeListener", (ExecutionListener) agencyAnswers::requestMade);
    beans.put("agencyInformationProvidedListener", (ExecutionListener) agencyAnswers::informationProvided);
    beans.put("agencyRequestChangedListener", (ExecutionListener) agencyAnswers::requestChanged);
    beans.put("extendAgencyRequestDelegate", (JavaDelegate) agencyAnswers::applyExtension);
    beans.put("agencyTaskNamer", (TaskListener) agencyAnswers::nameTask);
    new ProcessResourceDeployer().deploy(engine.getRepositoryService());
  }
}
