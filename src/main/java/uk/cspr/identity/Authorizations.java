package uk.cspr.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import uk.cspr.agency.Agency;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.cases.CaseProcess;

/**
 * Who may do what, as Camunda authorizations, granted idempotently at every start: a grant that
 * exists gains any permission it lacks, and nothing an administrator added is taken away.
 *
 * <p>Agencies get no blanket task permission: Camunda grants a candidate group read and work on
 * each task it is a candidate for, so an agency sees its own requests and nothing else. (A task
 * permission on the request's process definition would show every agency's tasks.)
 */
public final class Authorizations {

  private final AuthorizationService authorizations;

  public Authorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grantAll() {
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }

    // coordinators: start cases, work every case task, follow every case
    String coordinators = Groups.COORDINATORS;
    grant(coordinators, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(coordinators, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(coordinators, Resources.PROCESS_DEFINITION, CaseProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(coordinators, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(coordinators, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
    grant(coordinators, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
        TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
    grant(coordinators, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(coordinators, Resources.USER, ANY, Permissions.READ);
    grant(coordinators, Resources.GROUP, ANY, Permissions.READ);

    // managers: read everything in Cockpit, change nothing
    String managers = Groups.MANAGERS;
    grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(managers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(managers, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(managers, Resources.TASK, ANY, TaskPermissions.READ);
    grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(managers, Resources.USER, ANY, Permissions.READ);
    grant(managers, Resources.GROUP, ANY, Permissions.READ);

    // agencies and partners: Tasklist, and the definitions of the stages whose tasks reach them
    for (Agency agency : Agency.values()) {
      grant(agency.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(agency.groupId(), Resources.PROCESS_DEFINITION, AgencyRequest.KEY, ProcessDefinitionPermissions.READ);
    }
    for (String partner : Groups.partnerGroups()) {
      grant(partner, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(partner, Resources.PROCESS_DEFINITION, CaseProcess.KEY, ProcessDefinitionPermissions.READ);
      // their sign-off is a task of the rapid review stage: its form is read through the stage's definition
      grant(partner, Resources.PROCESS_DEFINITION, uk.cspr.rapidreview.RapidReview.KEY, ProcessDefinitionPermissions.READ);
      grant(partner, Resources.PROCESS_DEFINITION, uk.cspr.localreview.LocalReview.KEY, ProcessDefinitionPermissions.READ);
    }
  }

  /**
   * Brings the grants Camunda made on each task before {@code TASK_WORK} was its default (every
   * candidate group, candidate user and assignee got {@code UPDATE}, and with it the task's
   * variables, due date and identity links) down to reading and working on the task. Grants on
   * every task ({@code *}) are the roles' and stay as they are.
   *
   * @return how many grants were reduced
   */
  public int reduceTaskGrantsToWork() {
    int reduced = 0;
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.UPDATE).list()) {
      if (ANY.equals(grant.getResourceId()) || grant.isEveryPermissionGranted()) {
        continue;
      }
      grant.removePermission(Permissions.UPDATE);
      grant.addPermission(TaskPermissions.TASK_WORK);
      authorizations.saveAuthorization(grant);
      reduced++;
    }
    return reduced;
  }

  /** Grants the group these permissions on the resource, adding to an existing grant. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).list();
    Authorization grant = existing.isEmpty() ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT) : existing.get(0);
    boolean changed = existing.isEmpty();
    if (existing.isEmpty()) {
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(grant);
    }
  }
}
