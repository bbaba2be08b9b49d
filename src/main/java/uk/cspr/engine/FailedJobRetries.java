package uk.cspr.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * A job that fails (a mail the SMTP server would not take) is tried four times in all, ten minutes
 * apart, then becomes an incident a manager sees in Cockpit. Set once for every job, rather than on
 * each mail task of each stage.
 */
public class FailedJobRetries extends AbstractProcessEnginePlugin {

  public static final String CYCLE = "R4/PT10M";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(CYCLE);
  }
}
