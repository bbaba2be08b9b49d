package uk.cspr.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import uk.cspr.agency.Agency;
import uk.cspr.agency.AgencyRequest;

/**
 * The shared Tasklist filters, kept as defined here at every start and shown to the groups they
 * serve. A filter only selects: what each person sees in it is still limited by authorizations,
 * so "Overdue" shows an agency its own overdue requests and a coordinator every overdue task.
 */
public final class TasklistFilters {

  public static final String MY_AGENCYS_REQUESTS = "My agency's requests";
  public static final String DUE_SOON = "Due in the next 5 working days";
  public static final String OVERDUE = "Overdue";
  public static final String AWAITING_MY_SIGN_OFF = "Awaiting my sign-off";
  public static final String ALL_OPEN_CASE_TASKS = "All open case tasks";

  /** Sign-off tasks of later stages are keyed {@code signOff…} so this filter finds them. */
  public static final String SIGN_OFF_TASK_PREFIX = "signOff";

  private final FilterService filters;
  private final TaskService tasks;
  private final Authorizations authorizations;

  public TasklistFilters(FilterService filters, TaskService tasks, Authorizations authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  public void createAll() {
    List<String> agencies = Agency.stream().map(Agency::groupId).toList();
    List<String> everyoneWithTasks = new ArrayList<>(agencies);
    everyoneWithTasks.add(Groups.COORDINATORS);
    everyoneWithTasks.addAll(Groups.partnerGroups());

    save(MY_AGENCYS_REQUESTS, 10, "Requests to your agency waiting for your information",
        tasks.createTaskQuery().processDefinitionKey(AgencyRequest.KEY)
            .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByDueDate().asc(),
        agencies);
    save(DUE_SOON, 20, "Open tasks due by the end of the fifth working day from today",
        tasks.createTaskQuery().dueAfterExpression("${now()}")
            .dueBeforeExpression("${workingDays.justAfterDeadline(workingDays.today(), 5)}").orderByDueDate().asc(),
        everyoneWithTasks);
    save(OVERDUE, 30, "Open tasks past their due date",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), everyoneWithTasks);
    save(AWAITING_MY_SIGN_OFF, 40, "Sign-offs waiting for your safeguarding partner",
        tasks.createTaskQuery().taskDefinitionKeyLike(SIGN_OFF_TASK_PREFIX + "%")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByDueDate().asc(),
        Groups.partnerGroups());
    // the agencies' own "Provide information" tasks are theirs to do: the coordinators follow each
    // request through its "Track the request" task and the case file, not through the agency's task
    save(ALL_OPEN_CASE_TASKS, 50, "Every open task of every case the coordinators do (each agency's request is "
            + "followed through its Track the request task)",
        tasks.createTaskQuery().taskDefinitionKeyNotIn(AgencyRequest.TASK_PROVIDE_INFORMATION).orderByDueDate().asc(),
        List.of(Groups.COORDINATORS));
  }

  private void save(String name, int priority, String description, TaskQuery query, List<String> sharedWith) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "agencyName", "label", "Agency"),
        Map.of("name", AgencyRequest.RESPONSE_DUE_IN_WORDS.name(), "label", "Due")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filters.saveFilter(filter);
    for (String group : sharedWith) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
