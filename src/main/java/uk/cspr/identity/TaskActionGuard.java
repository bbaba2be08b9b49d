package uk.cspr.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.engine.EngineCommands;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;
import uk.cspr.validation.SubmittedAnswers;

/**
 * What a person may do to a task, beyond Camunda's own permission checks, whichever API they use
 * (the REST API, or the copy of it Tasklist talks to). Camunda's {@code TASK_WORK}, which an
 * agency holds on its request, also lets its holder throw BPMN errors, claim the task for anyone
 * and complete it with any variables at all; here:
 *
 * <ul>
 *   <li>a task is answered with its form's fields and nothing else, as plain values
 *       ({@link SubmittedAnswers}): never another variable of the process (the contact address its
 *       mails go to, the wording of the request), never a serialized object;
 *   <li>no BPMN error or escalation is thrown on a task: every decision a process acts on is
 *       recorded on the task of the person whose decision it is;
 *   <li>a task is claimed for oneself, unless one may assign it; and whoever holds a task may
 *       hand it back (Tasklist's "unclaim" needs {@code TASK_ASSIGN} otherwise).
 * </ul>
 *
 * <p>It applies to people, that is to calls made with a Camunda authentication (every call to the
 * APIs is); the engine's own work and this application's server code run without one.
 */
public class TaskActionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Guard(configuration));
  }

  static final class Guard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TaskActionGuard.class);
    /** A task whose process gives it no Camunda Form: it takes no answers. */
    private static final FormSchema NO_FORM = FormSchema.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());

    private final ProcessEngineConfigurationImpl configuration;
    /** Forms by process definition and task: a deployed definition's forms never change. */
    private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return next.execute(command);
      }
      if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
        log.warn("{} tried to throw a BPMN {} on task {}: refused", caller.getUserId(),
            command instanceof HandleTaskBpmnErrorCmd ? "error" : "escalation", EngineCommands.field(command, "taskId"));
        throw new AuthorizationException("A task here is finished by completing its form: "
            + "no BPMN error or escalation can be thrown on it");
      }
      if (command instanceof CompleteTaskCmd) { // ResolveTaskCmd too
        checkAnswers(caller, EngineCommands.field(command, "taskId"), EngineCommands.field(command, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        checkAnswers(caller, EngineCommands.field(command, "taskId"), EngineCommands.field(command, "properties"));
      } else if (command instanceof ClaimTaskCmd) {
        String taskId = EngineCommands.field(command, "taskId");
        String claimant = EngineCommands.field(command, "userId");
        if (claimant != null && !claimant.equals(caller.getUserId()) && !may(caller, Permissions.TASK_ASSIGN, taskId)) {
          log.warn("{} tried to claim task {} for {}: refused", caller.getUserId(), taskId, claimant);
          throw new AuthorizationException("You can claim a task only for yourself");
        }
      } else if (command instanceof AssignTaskCmd && EngineCommands.field(command, "value") == null) {
        String taskId = EngineCommands.field(command, "taskId");
        if (holds(caller, taskId) && !may(caller, Permissions.TASK_ASSIGN, taskId)) {
          // handing back a task one holds is part of working on it, as claiming it is
          return (T) next.execute(new ClaimTaskCmd(taskId, null));
        }
      }
      return next.execute(command);
    }

    private void checkAnswers(Authentication caller, String taskId, Map<String, Object> submitted) {
      if (taskId == null || submitted == null || submitted.isEmpty()) {
        return;
      }
      FormSchema form = formOf(taskId);
      if (form == null) {
        return; // no such task, or one outside any process: the command itself says so
      }
      List<Problem> problems = SubmittedAnswers.problems(form, submitted);
      if (!problems.isEmpty()) {
        log.warn("{} sent task {} answers it does not ask for: {}", caller.getUserId(), taskId,
            problems.stream().map(Problem::field).toList());
        throw new Refusal("The answers were not recorded", problems);
      }
    }

    private FormSchema formOf(String taskId) {
      return lookup(commandContext -> {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
          return null;
        }
        return forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> {
          try {
            return FormSchema.read(new GetDeployedTaskFormCmd(taskId).execute(commandContext));
          } catch (BadUserRequestException noForm) {
            return NO_FORM;
          }
        });
      });
    }

    private boolean holds(Authentication caller, String taskId) {
      return Boolean.TRUE.equals(lookup(commandContext -> {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        return task != null && caller.getUserId().equals(task.getAssignee());
      }));
    }

    private boolean may(Authentication caller, Permission permission, String taskId) {
      return Boolean.TRUE.equals(lookup(commandContext -> commandContext.getAuthorizationManager()
          .isAuthorized(caller.getUserId(), caller.getGroupIds(), permission, Resources.TASK, taskId)));
    }

    /** Runs a lookup of our own through the rest of the chain, without the caller's permission checks. */
    private <R> R lookup(Function<CommandContext, R> lookup) {
      return next.execute(commandContext -> commandContext.runWithoutAuthorization(() -> lookup.apply(commandContext)));
    }
  }
}
