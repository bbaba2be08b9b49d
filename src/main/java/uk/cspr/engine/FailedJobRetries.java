package uk.cspr.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * A job that fails (a mail the SMTP server would not take) is tried four times in all, ten minutes
 * apart, then becomes an incident a manager sees in Cockpit. Set once for every job, rather than on
 * each mail task of each stage.
 *
 * <p>A job that only lost a race is not a failure: when two agencies' requests end at the same moment,
 * the second to commit finds the first changed the stage it returns to (Camunda's optimistic locking),
 * and nothing is wrong with it. The engine would wait the ten minutes of a real failure before trying it
 * again, so an agency's answer would reach its stage ten minutes late; it is tried again at once instead,
 * spending none of its four tries, as Camunda does for any job without a retry cycle of its own.
 */
public class FailedJobRetries extends AbstractProcessEnginePlugin {

  public static final String CYCLE = "R4/PT10M";

  private final String cycle;

  public FailedJobRetries() {
    this(CYCLE);
  }

  /** @param cycle as {@code cspr.jobs.retry-cycle} sets it: tests of a mail outage shorten it to seconds */
  public FailedJobRetries(String cycle) {
    this.cycle = cycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(cycle);
    configuration.setFailedJobCommandFactory(new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return exception instanceof OptimisticLockingException ? new RaceLost(jobId, exception)
            : new DefaultJobRetryCmd(jobId, exception);
      }
    });
  }

  /** Unlocked and due at once, its tries untouched (the engine spends none on a lost race). */
  static final class RaceLost extends DefaultJobRetryCmd {

    RaceLost(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      executeStandardStrategy(commandContext);
      return null;
    }
  }
}
