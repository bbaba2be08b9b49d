package uk.cspr.identifying;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A child's identifying details are kept as long as the engine keeps their case, and no longer: once
 * Camunda's history cleanup has removed the case at the end of its record retention (nothing left
 * under its reference, neither the case nor a stage it called, running or in history), the details,
 * their readings and their erasures are forgotten. The engine alone decides when a case's retention
 * is over, so the details can neither outlive the pseudonymous record nor go before it, and a
 * retention changed in one place changes both.
 *
 * <p>It asks the engine as no one: run as a person, the engine would answer only for the cases that
 * person may read, and the details of every other case would be forgotten.
 */
public class IdentityRetention {

  private static final Logger log = LoggerFactory.getLogger(IdentityRetention.class);

  /** Daily at 06:00 by default: after an overnight history cleanup window, before the working day. */
  static final String DEFAULT_CHECK = "0 0 6 * * *";

  private final IdentifyingDetails details;
  private final HistoryService history;
  private final RuntimeService runtime;

  public IdentityRetention(IdentifyingDetails details, HistoryService history, RuntimeService runtime) {
    this.details = details;
    this.history = history;
    this.runtime = runtime;
  }

  /**
   * Forgets what is kept of each case the engine no longer knows. Two nodes may both do it at once:
   * each forgets by deleting, and what one has deleted the other finds gone.
   *
   * @return how many cases were forgotten
   */
  @Scheduled(cron = "${cspr.identity.retention-check:" + DEFAULT_CHECK + "}", zone = "Europe/London")
  public int forgetCasesTheEngineHasRemoved() {
    int forgotten = 0;
    for (String caseReference : details.casesKept()) {
      if (!engineKnows(caseReference)) {
        details.forgetCase(caseReference);
        log.info("Case {} is no longer kept by the engine (its record retention is over): its children's identifying "
            + "details, their readings and erasures are forgotten", caseReference);
        forgotten++;
      }
    }
    return forgotten;
  }

  /**
   * Whether anything of the case is left: the running instances too, since an installation keeping
   * less history than ours would have none for a case still open.
   */
  private boolean engineKnows(String caseReference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).count() > 0
        || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).count() > 0;
  }
}
