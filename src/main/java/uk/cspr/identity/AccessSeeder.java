package uk.cspr.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grants the contract's authorizations and saves the shared Tasklist filters at every start. */
public class AccessSeeder extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AccessSeeder.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Authorizations authorizations = new Authorizations(engine.getAuthorizationService());
    authorizations.grantAll();
    int reduced = authorizations.reduceTaskGrantsToWork();
    if (reduced > 0) {
      log.info("{} grants on existing tasks brought down from UPDATE to TASK_WORK", reduced);
    }
    new TasklistFilters(engine.getFilterService(), engine.getTaskService(), authorizations).createAll();
    log.info("Authorizations and Tasklist filters are in place");
  }
}
