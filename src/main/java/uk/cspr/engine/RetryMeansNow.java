package uk.cspr.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Retry" in Cockpit gives a failed job its retries back but leaves its due date where the last
 * failure put it: a mail that failed four times would wait up to ten more minutes after a manager
 * asked for it to be sent. A person's retry of a job, without a due date of its own, means now.
 */
public class RetryMeansNow extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T execute(Command<T> command) {
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (command instanceof SetJobRetriesCmd && person != null && person.getUserId() != null
            && !Boolean.TRUE.equals(EngineCommands.field(command, "isDueDateSet"))
            && (Integer) EngineCommands.field(command, "retries") > 0) {
          String jobId = EngineCommands.field(command, "jobId");
          List<String> jobIds = EngineCommands.field(command, "jobIds");
          int retries = EngineCommands.field(command, "retries");
          if (jobId != null) {
            return (T) next.execute(new SetJobRetriesCmd(jobId, null, retries, ClockUtil.getCurrentTime(), true));
          }
          if (jobIds != null) {
            return (T) next.execute(new SetJobRetriesCmd(jobIds, retries, ClockUtil.getCurrentTime(), true));
          }
        }
        return next.execute(command);
      }
    });
  }
}
