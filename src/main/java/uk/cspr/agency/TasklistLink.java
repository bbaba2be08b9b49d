package uk.cspr.agency;

import java.net.URI;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.partnership.Partnership;

/**
 * {@code /tasks/{taskId}}: the Tasklist link in an agency's mails. While the request is open it
 * goes on to the task in Tasklist (after an extension, to the renewed task); once the request is
 * answered or withdrawn, where Tasklist itself would say only "No matching task with id …", it
 * says plainly that nothing more is needed. It needs no login, and a task id is no secret, so it
 * says no more than that: the same page, and the same status, for an answered request, a
 * withdrawn one, any other task and an id that never existed; never the case reference.
 */
@RestController
class TasklistLink {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final Partnership partnership;

  TasklistLink(TaskService taskService, HistoryService historyService, Partnership partnership) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.partnership = partnership;
  }

  @GetMapping(path = "/tasks/{taskId}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> open(@PathVariable String taskId) {
    Task open = openRequest(taskId);
    if (open != null) {
      return ResponseEntity.status(HttpStatus.FOUND).header("Cache-Control", "no-store")
          .location(URI.create(partnership.tasklistUrl() + "default/#/?task=" + open.getId())).build();
    }
    return Pages.nothingToOpen(partnership, 404, "Nothing more is needed for this request",
        "It has been answered or withdrawn, so there is nothing to open in Tasklist. Thank you.", true);
  }

  /** The agency request's open task this id names: the task itself, or the one that renewed it after an extension. */
  private Task openRequest(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION)
        .processDefinitionKey(AgencyRequest.KEY).singleResult();
    if (task != null) {
      return task;
    }
    HistoricTaskInstance earlier = historyService.createHistoricTaskInstanceQuery().taskId(taskId)
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).processDefinitionKey(AgencyRequest.KEY).singleResult();
    return earlier == null ? null : taskService.createTaskQuery().processInstanceId(earlier.getProcessInstanceId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }
}
