package uk.cspr.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
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
 *       hand it back (Tasklist's "unclaim" needs {@code TASK_ASSIGN} otherwise);
 *   <li>comments and attachments are written through the engine only by whoever may change the
 *       task (or process instance) they belong to, and a document's content is read only by whoever
 *       may work on its task. Camunda 7.24 checks none of this itself: its REST API let a manager
 *       read, add and delete a task's documents and comments, and an agency delete the documents on
 *       its own request. Documents otherwise go through our own pages (the response link, the
 *       reviewer's link, Tasklist's Documents tab, the coordinators' API), with their checks.
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
      } else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
          || command instanceof DeleteTaskCommentCmd || command instanceof CreateAttachmentCmd
          || command instanceof SaveAttachmentCmd || command instanceof DeleteAttachmentCmd) {
        Owner owner = ownerOf(command);
        if (!mayChange(caller, owner)) {
          log.warn("{} tried to change the comments or documents of {} ({}): refused", caller.getUserId(), owner,
              command.getClass().getSimpleName());
          throw new AuthorizationException("Comments and documents are added or removed only by whoever may change the "
              + "task: documents go through the Documents tab or the link in your mail, with their checks");
        }
      } else if (command instanceof GetTaskAttachmentContentCmd || command instanceof GetAttachmentContentCmd) {
        Owner owner = ownerOf(command);
        if (!mayWork(caller, owner)) {
          log.warn("{} tried to read a document of {}: refused", caller.getUserId(), owner);
          throw new AuthorizationException("A document opens only for whoever works on its task");
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
        // a task's form may be named by an expression (the agency request's ${requestForm}): cached by the form it names
        return forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey() + "#" + formKeyOf(task), key -> {
          try {
            return FormSchema.read(new GetDeployedTaskFormCmd(taskId).execute(commandContext));
          } catch (BadUserRequestException noForm) {
            return NO_FORM;
          }
        });
      });
    }

    /** The Camunda Form a task's definition names for it, its expression evaluated for this task; empty for none. */
    private static String formKeyOf(TaskEntity task) {
      org.camunda.bpm.engine.impl.task.TaskDefinition definition = task.getTaskDefinition();
      org.camunda.bpm.engine.delegate.Expression ref = definition == null ? null : definition.getCamundaFormDefinitionKey();
      return ref == null ? "" : String.valueOf(ref.getValue(task));
    }

    /** The task, or failing that the process instance, a comment or attachment belongs to, and their definition's key. */
    record Owner(String taskId, String processInstanceId, String processKey) {
      @Override
      public String toString() {
        return taskId != null ? "task " + taskId : processInstanceId != null ? "process instance " + processInstanceId
            : "nothing of a process";
      }
    }

    /**
     * Where the command writes or reads: for an existing attachment, where it is stored (never where
     * the command says it is); otherwise the task or process instance the command names.
     */
    private Owner ownerOf(Command<?> command) {
      return lookup(commandContext -> {
        String taskId = null;
        String processInstanceId = null;
        String attachmentId = command instanceof SaveAttachmentCmd
            ? EngineCommands.<Attachment>field(command, "attachment").getId()
            : command instanceof DeleteAttachmentCmd || command instanceof GetTaskAttachmentContentCmd
                || command instanceof GetAttachmentContentCmd ? EngineCommands.field(command, "attachmentId") : null;
        if (attachmentId != null) {
          AttachmentEntity stored = commandContext.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
          if (stored != null) {
            taskId = stored.getTaskId();
            processInstanceId = stored.getProcessInstanceId();
          }
        }
        if (taskId == null && processInstanceId == null && !(command instanceof SaveAttachmentCmd)
            && !(command instanceof GetAttachmentContentCmd)) {
          taskId = EngineCommands.field(command, "taskId");
          processInstanceId = command instanceof DeleteTaskCommentCmd || command instanceof DeleteAttachmentCmd
              || command instanceof GetTaskAttachmentContentCmd ? null : EngineCommands.field(command, "processInstanceId");
        }
        String definitionId = null;
        if (taskId != null) {
          TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
          definitionId = task == null ? null : task.getProcessDefinitionId();
          processInstanceId = task == null ? processInstanceId : task.getProcessInstanceId();
        } else if (processInstanceId != null) {
          ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
          definitionId = instance == null ? null : instance.getProcessDefinitionId();
        }
        String key = definitionId == null ? null : commandContext.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(definitionId).getKey();
        return new Owner(taskId, processInstanceId, key);
      });
    }

    /** Whether the caller may change the task (or, for one of a process instance alone, the instance). */
    private boolean mayChange(Authentication caller, Owner owner) {
      if (owner.taskId() != null) {
        return mayOn(caller, Permissions.UPDATE, Resources.TASK, owner.taskId())
            || mayOn(caller, ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, owner.processKey());
      }
      if (owner.processInstanceId() != null) {
        return mayOn(caller, ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, owner.processInstanceId())
            || mayOn(caller, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, owner.processKey());
      }
      return mayOn(caller, Permissions.UPDATE, Resources.TASK, Authorization.ANY); // an attachment of nothing: the coordinators'
    }

    /** Whether the caller may work on the task: complete it, and so read what is attached to it. */
    private boolean mayWork(Authentication caller, Owner owner) {
      if (owner.taskId() == null) {
        return mayChange(caller, owner);
      }
      return mayOn(caller, TaskPermissions.TASK_WORK, Resources.TASK, owner.taskId()) || mayChange(caller, owner)
          || mayOn(caller, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, owner.processKey());
    }

    private boolean mayOn(Authentication caller, Permission permission, Resources resource, String resourceId) {
      return resourceId != null && Boolean.TRUE.equals(lookup(commandContext -> commandContext.getAuthorizationManager()
          .isAuthorized(caller.getUserId(), caller.getGroupIds(), permission, resource, resourceId)));
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
