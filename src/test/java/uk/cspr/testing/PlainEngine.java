package uk.cspr.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.timescales.Timescales;

/**
 * A process engine without Spring, for testing process logic fast: an in-memory H2 database of
 * its own, the job executor off (tests move the clock and execute jobs), the expression beans
 * the BPMN uses.
 */
public final class PlainEngine {

  private final Map<Object, Object> beans = new HashMap<>();
  private final List<ProcessEnginePlugin> plugins = new java.util.ArrayList<>();

  public static PlainEngine withCalendar() {
    PlainEngine engine = new PlainEngine();
    engine.bean("workingDays", new WorkingDays(Calendars.shipped()));
    engine.bean("timescales", Timescales.defaults());
    return engine;
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
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("plain-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setBeans(beans);
    List<ProcessEnginePlugin> all = new java.util.ArrayList<>(plugins);
    all.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(all);
    return configuration.buildProcessEngine();
  }
}
