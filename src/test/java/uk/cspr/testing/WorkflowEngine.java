package uk.cspr.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import uk.cspr.identity.IdentitySeeder;

/**
 * A plain engine with the whole workflow deployed, the demo's people, and a real SMTP server
 * (GreenMail) for one test class; the clock is reset and the mailbox emptied after each test.
 *
 * <pre>@RegisterExtension static WorkflowEngine workflowEngine = new WorkflowEngine(3127);</pre>
 */
public final class WorkflowEngine implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
    TestInstancePostProcessor, BeforeTestExecutionCallback, AfterTestExecutionCallback {

  private final int smtpPort;
  private GreenMail smtp;
  private ProcessEngine engine;
  private Workflow workflow;
  private PlainEngine plain;
  private ProcessEngineCoverageExtension coverage;

  public WorkflowEngine(int smtpPort) {
    this.smtpPort = smtpPort;
  }

  private String everyFlowOf;

  /**
   * Fails the test class unless its tests, together, took every flow and reached every element of
   * this process (the coverage extension's measure, the other processes left out of it).
   */
  public WorkflowEngine requiringEveryFlowOf(String processKey) {
    this.everyFlowOf = processKey;
    return this;
  }

  private static final java.util.List<String> PROCESS_KEYS = java.util.List.of("cspr-case", "cspr-notification",
      "cspr-rapid-review", "cspr-agency-request", "cspr-panel-decision", "cspr-local-review", "cspr-publication",
      "cspr-learning");

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    plain = PlainEngine.withWorkflow(smtpPort);
    // process test coverage builds the engine, with its own plugins; reports in target/process-test-coverage
    var configuration = plain.configuration();
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    var builder = ProcessEngineCoverageExtension.builder(configuration);
    coverage = everyFlowOf == null ? builder.build() : builder.assertClassCoverageAtLeast(1.0)
        .excludeProcessDefinitionKeys(PROCESS_KEYS.stream().filter(key -> !key.equals(everyFlowOf)).toArray(String[]::new)).build();
    coverage.beforeAll(context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
    coverage.postProcessTestInstance(testInstance, context);
    if (engine == null) {
      engine = coverage.getProcessEngine();
      plain.engineBuilt(engine);
      new IdentitySeeder(true).seed(engine.getIdentityService());
      workflow = new Workflow(engine);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(engine);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) throws Exception {
    coverage.beforeTestExecution(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws Exception {
    coverage.afterTestExecution(context);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    ClockUtil.reset();
    plain.useCalendar(Calendars.shipped());
    plain.useTimescales(null);
    plain.clearAfterMailSent();
    smtp.purgeEmailFromAllMailboxes();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      coverage.afterAll(context);
    } finally {
      if (engine != null) {
        engine.close();
      }
      smtp.stop();
    }
  }

  public ProcessEngine engine() {
    return engine;
  }

  public Workflow workflow() {
    return workflow;
  }

  public uk.cspr.agency.ResponseLinks responseLinks() {
    return plain.responseLinks();
  }

  /** See {@link PlainEngine#useTimescales}; the defaults again after each test. */
  public void useTimescales(uk.cspr.timescales.Timescales settings) {
    plain.useTimescales(settings);
  }

  /** See {@link PlainEngine#useCalendar}; the shipped calendar again after each test. */
  public void useCalendar(uk.cspr.calendar.WorkingDayCalendar newer) {
    plain.useCalendar(newer);
  }

  public org.springframework.transaction.PlatformTransactionManager transactions() {
    return plain.transactions();
  }

  /** See {@link PlainEngine#afterMailSent}; cleared after each test. */
  public void afterMailSent(Runnable hook) {
    plain.afterMailSent(hook);
  }

  /** The case file as the application puts it together, over this engine. */
  public uk.cspr.casefile.CaseFiles caseFiles() {
    return plain.stageBean(uk.cspr.casefile.CaseFiles.class);
  }

  /** A bean of the stages' wiring. */
  public <T> T stageBean(Class<T> type) {
    return plain.stageBean(type);
  }

  public GreenMail smtp() {
    return smtp;
  }
}
