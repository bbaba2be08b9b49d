package uk.cspr.agency;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.agency.AgencyDocuments.Document;
import uk.cspr.agency.AgencyDocuments.RefusedDocument;
import uk.cspr.engine.OnBehalf;

/**
 * The documents of an open agency request (or another task that takes documents, {@link TasksTakingDocuments}: the
 * reviewer's report), for whoever answers it in Tasklist: the same checks as
 * the response link's ({@link AgencyDocuments}), and the right to remove what one attached oneself
 * while the request is open. Who may is decided as the logged-in person, by the engine's
 * authorization: whoever may complete the request (its agency, as a candidate group, or the
 * assignee; the coordinators, who are candidates of every request too). Someone who may only read
 * it (a manager) may not. The documents are then stored on the person's behalf, since the engine's
 * own attachment API wants a right to change the task that an agency does not hold.
 */
public class RequestDocuments {

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final AgencyDocuments documents;
  private final List<TasksTakingDocuments> taking;

  public RequestDocuments(ProcessEngine engine, AgencyDocuments documents, List<TasksTakingDocuments> taking) {
    this.taking = List.copyOf(taking);
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.documents = documents;
  }

  /** A document as its request lists it, and whether the person may remove it. */
  public record Listed(Document document, boolean removable) {}

  public List<Listed> list(String taskId) {
    String person = answerer(taskId).getUserId();
    return onBehalf(() -> documents.of(taskId)).stream().map(d -> new Listed(d, d.isAttachedBy(person))).toList();
  }

  /** Attaches a document, or refuses it with the response link's status and message. */
  public Document attach(String taskId, String originalName, byte[] content) {
    String person = answerer(taskId).getUserId();
    Task task = onBehalf(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    return onBehalf(() -> documents.attach(task, originalName, content, AgencyDocuments.attachedBy(person)));
  }

  /** Removes a document the person attached to the open request; returns its name. */
  public String remove(String taskId, String documentId) {
    String person = answerer(taskId).getUserId();
    Attachment attachment = onBehalf(() -> tasks.getTaskAttachment(taskId, documentId));
    if (attachment == null) {
      throw new RefusedDocument(404, "This request has no such document.");
    }
    if (!Document.of(attachment).isAttachedBy(person)) {
      throw new RefusedDocument(403, "You can remove only a document you attached yourself. "
          + "Ask the coordinators if another should go.");
    }
    onBehalf(() -> {
      tasks.deleteTaskAttachment(taskId, documentId);
      return null;
    });
    return attachment.getName();
  }

  public long maxBytes() {
    return documents.maxBytes();
  }

  public String largest() {
    return documents.largest();
  }

  /** The refusal of an upload too large to be read at all, worded as the response link's. */
  public RefusedDocument tooLarge() {
    return documents.tooLarge();
  }

  /**
   * The logged-in person, if the task is an open agency request they may answer; otherwise a
   * refusal that says why, as plainly as the person may be told.
   */
  private Authentication answerer(String taskId) {
    Authentication person = identity.getCurrentAuthentication();
    if (person == null || person.getUserId() == null) {
      throw new RefusedDocument(401, "Log in to attach documents.");
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult(); // as the person: only what they may see
    if (task == null) {
      if (onBehalf(() -> tasks.createTaskQuery().taskId(taskId).count()) > 0) {
        throw new RefusedDocument(403, "You may not see this task, so you cannot attach documents to it.");
      }
      if (onBehalf(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()) > 0) {
        throw new RefusedDocument(410, "This request has been answered or withdrawn, so its documents can no longer "
            + "be changed. Send anything more to the coordinators.");
      }
      throw new RefusedDocument(404, "There is no such open request.");
    }
    if (taking.stream().noneMatch(kind -> kind.includes(task))) {
      throw new RefusedDocument(404, "Documents go with an agency's request for information or the reviewer's report; "
          + "this task takes none.");
    }
    if (!mayComplete(person, task)) {
      throw new RefusedDocument(403, "You can read this request but not answer it, so you cannot attach documents "
          + "to it or remove them.");
    }
    return person;
  }

  /** What the engine asks of whoever completes a task: work on it, on the task or on its process definition. */
  private boolean mayComplete(Authentication person, Task task) {
    String processKey = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
    return onBehalf(() -> may(person, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
        || may(person, Permissions.UPDATE, Resources.TASK, task.getId())
        || may(person, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, processKey)
        || may(person, ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, processKey));
  }

  private boolean may(Authentication person, Permission permission, Resources resource, String resourceId) {
    return authorizations.isUserAuthorized(person.getUserId(), person.getGroupIds(), permission, resource, resourceId);
  }

  private <T> T onBehalf(Supplier<T> work) {
    return OnBehalf.of(identity, work);
  }
}
