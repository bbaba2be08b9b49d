package uk.cspr.testing;

import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import uk.cspr.agency.AgencyConfiguration;
import uk.cspr.agency.ResponseLinkProperties;
import uk.cspr.agency.ResponseLinks;
import uk.cspr.calendar.ProvisionalDueDateNote;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.cases.CaseConfiguration;
import uk.cspr.engine.EngineHardening;
import uk.cspr.engine.FailedJobRetries;
import uk.cspr.engine.FormRulesPlugin;
import uk.cspr.engine.ProcessResourceDeployer;
import uk.cspr.engine.RetryMeansNow;
import uk.cspr.identity.TaskActionGuard;
import uk.cspr.mail.MailConfiguration;
import uk.cspr.notification.NotificationConfiguration;
import uk.cspr.partnership.Partnership;
import uk.cspr.timescales.Timescales;

/**
 * A process engine without the Spring Boot application, for testing process logic fast: an
 * in-memory H2 database of its own with Spring-managed transactions (as in the application), the
 * job executor off (tests move the clock and execute jobs), and the beans the BPMN calls, built
 * from the very {@code *Configuration} classes the application uses (in a plain Spring context),
 * so a bean cannot be wired for one and not the other.
 */
public final class PlainEngine {

  public static final Partnership PARTNERSHIP = new Partnership("Northshire Safeguarding Children Partnership",
      "Northshire County Council", "safeguarding.partnership@example.org", "01632 960 123",
      URI.create("http://localhost:8080"));

  /** The stages' wiring, as the application has it. */
  public static final List<Class<?>> STAGE_CONFIGURATIONS = List.of(CaseConfiguration.class,
      NotificationConfiguration.class, uk.cspr.rapidreview.RapidReviewConfiguration.class,
      uk.cspr.paneldecision.PanelDecisionConfiguration.class,
      uk.cspr.localreview.LocalReviewConfiguration.class, AgencyConfiguration.class,
      uk.cspr.publication.PublicationConfiguration.class, uk.cspr.learning.LearningConfiguration.class,
      MailConfiguration.class, uk.cspr.casefile.CaseFileConfiguration.class);

  private final Map<String, Object> overrides = new ConcurrentHashMap<>();
  private final List<ProcessEnginePlugin> plugins = new ArrayList<>();
  private DataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
  private final WorkingDayCalendar calendar = Calendars.shipped();
  private Timescales timescales = Timescales.defaults();
  private Integer smtpPort;
  private AnnotationConfigApplicationContext stages;
  private final List<Runnable> afterMailSent = new CopyOnWriteArrayList<>();

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

  /** Another database than its own in-memory H2 (the benchmarks' PostgreSQL), given before it is built. */
  public PlainEngine database(DataSource another) {
    this.dataSource = another;
    this.transactions = new DataSourceTransactionManager(another);
    return this;
  }

  public PlainEngine bean(String name, Object bean) {
    overrides.put(name, bean);
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

  /** Our plugins, as the application registers them (the wiring test compares the two). */
  public List<ProcessEnginePlugin> ourPlugins() {
    return List.of(new EngineHardening(), new TaskActionGuard(), new RetryMeansNow(), new FailedJobRetries(), new FormRulesPlugin(),
        new uk.cspr.engine.CaseReferenceInTaskNames(),
        new ProvisionalDueDateNote(calendar.bankHolidays()));
  }

  /**
   * The configuration, for a test extension that builds the engine itself (process test coverage
   * adds its plugins); call {@link #engineBuilt} with the engine it builds.
   */
  public SpringProcessEngineConfiguration configuration() {
    // our tables, from the application's migrations, as Spring Boot's Flyway makes them
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("plain-" + UUID.randomUUID());
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setDefaultSerializationFormat("application/json");
    overrides.putIfAbsent("workingDays", new WorkingDays(calendar));
    overrides.putIfAbsent("timescales", timescales);
    configuration.setBeans(beans());
    List<ProcessEnginePlugin> all = new ArrayList<>(plugins);
    all.addAll(ourPlugins());
    all.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(all);
    return configuration;
  }

  /** The beans the workflow's BPMN calls, once the engine exists; and the workflow's deployment. */
  public void engineBuilt(ProcessEngine engine) {
    if (smtpPort != null) {
      stages = stages(engine);
      new ProcessResourceDeployer().deploy(engine.getRepositoryService());
    }
  }

  /** The names BPMN expressions resolve: the test's overrides first, then the stages' beans. */
  public Map<Object, Object> beans() {
    return new AbstractMap<>() {
      @Override
      public Object get(Object name) {
        Object override = overrides.get(String.valueOf(name));
        if (override != null || stages == null) {
          return override;
        }
        return stages.containsBean(String.valueOf(name)) ? stages.getBean(String.valueOf(name)) : null;
      }

      @Override
      public boolean containsKey(Object name) {
        return overrides.containsKey(String.valueOf(name)) || (stages != null && stages.containsBean(String.valueOf(name)));
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        throw new UnsupportedOperationException("BPMN looks beans up by name");
      }
    };
  }

  private AnnotationConfigApplicationContext stages(ProcessEngine engine) {
    JavaMailSenderImpl mailSender = new JavaMailSenderImpl() {
      @Override
      protected void doSend(jakarta.mail.internet.MimeMessage[] messages, Object[] originals) {
        super.doSend(messages, originals);
        afterMailSent.forEach(Runnable::run);
      }
    };
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtpPort);
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(ProcessEngine.class, () -> engine);
    context.registerBean(org.camunda.bpm.engine.TaskService.class, engine::getTaskService);
    context.registerBean(org.camunda.bpm.engine.HistoryService.class, engine::getHistoryService);
    context.registerBean(org.camunda.bpm.engine.IdentityService.class, engine::getIdentityService);
    context.registerBean(org.camunda.bpm.engine.RuntimeService.class, engine::getRuntimeService);
    context.registerBean(DataSource.class, () -> dataSource);
    context.registerBean(PlatformTransactionManager.class, () -> transactions);
    context.registerBean(org.springframework.mail.javamail.JavaMailSender.class, () -> mailSender);
    context.registerBean(WorkingDayCalendar.class, () -> calendar);
    context.registerBean(Timescales.class, () -> timescales);
    context.registerBean(Partnership.class, () -> PARTNERSHIP);
    context.registerBean(ResponseLinkProperties.class,
        () -> new ResponseLinkProperties(java.time.Period.ofDays(30), DataSize.ofMegabytes(10), 10));
    STAGE_CONFIGURATIONS.forEach(context::register);
    context.refresh();
    return context;
  }

  /** A bean of the stages' wiring (the case file, say), once the engine is built. */
  public <T> T stageBean(Class<T> type) {
    if (stages == null) {
      throw new IllegalStateException("Build the engine with withWorkflow(...) first");
    }
    return stages.getBean(type);
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
    overrides.put("workingDays", new WorkingDays(newer));
  }

  /** Timescales the BPMN reads from now on (a partnership's settings); the built ones again with {@code null}. */
  public void useTimescales(Timescales settings) {
    overrides.put("timescales", settings == null ? timescales : settings);
  }

  public PlatformTransactionManager transactions() {
    return transactions;
  }

  /** The response links the workflow's mails carry (after {@link #build()}). */
  public ResponseLinks responseLinks() {
    return stages.getBean(ResponseLinks.class);
  }
}
