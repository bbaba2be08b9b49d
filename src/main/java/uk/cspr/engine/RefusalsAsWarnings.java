package uk.cspr.engine;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.validation.Refusal;

/**
 * A person's refused input is their mistake, not the system's failure: one line at WARN naming the
 * fields (never what was typed in them), where the engine would log an ERROR with the whole stack
 * trace (ENGINE-16004) and bury the real failures among them.
 */
class RefusalsAsWarnings extends CommandContextFactory {

  private static final Logger log = LoggerFactory.getLogger("uk.cspr.refused");

  @Override
  public CommandContext createCommandContext() {
    return new CommandContext(processEngineConfiguration) {
      @Override
      protected boolean shouldLogFine(Throwable exception) {
        if (exception instanceof Refusal refusal) {
          log.warn("Refused: {} ({})", refusal.what(), String.join(", ", refusal.fields()));
          return true; // and the engine's own record of it at DEBUG
        }
        return super.shouldLogFine(exception);
      }
    };
  }
}
