package uk.cspr.agency;

import java.util.Set;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The tasks of one process whose answer goes with documents: an agency's request for information,
 * the reviewer's report. A stage declares its own as a bean; Tasklist's Documents tab, the
 * coordinators' document API and the checks on every upload take documents on those tasks only.
 */
public record TasksTakingDocuments(String processKey, Set<String> taskKeys) {

  public TasksTakingDocuments {
    taskKeys = Set.copyOf(taskKeys);
  }

  public boolean includes(Task task) {
    return includes(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  public boolean includes(HistoricTaskInstance task) {
    return includes(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  private boolean includes(String processDefinitionId, String taskKey) {
    return processDefinitionId != null && processDefinitionId.startsWith(processKey + ":") && taskKeys.contains(taskKey);
  }
}
