package uk.cspr.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What the engine's history holds about one case, read once and shared by every stage's
 * contribution: the case and each stage it called (they all carry the case reference as their
 * business key), their variables, activities, tasks and the documents on those tasks.
 *
 * <p>Every read goes through the reader's access: as the logged-in user, with the engine's
 * authorization checks, for the whole case file; or, for someone who sees only their own task,
 * limited to that task's process instance.
 */
public final class CaseHistory {

  private final String reference;
  private final List<HistoricProcessInstance> instances;
  private final HistoryService history;
  private final TaskService tasks;
  private final Access access;
  private final LocalDate today;
  private final boolean wholeCase;
  private final Map<String, Map<String, Object>> variables = new HashMap<>();
  private final Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();
  private final Map<String, List<HistoricTaskInstance>> tasksOf = new HashMap<>();

  /** How reads reach the engine: as the reader, or on their behalf within what they were found to see. */
  interface Access {
    <T> T read(Supplier<T> query);
  }

  CaseHistory(String reference, List<HistoricProcessInstance> instances, HistoryService history, TaskService tasks,
      Access access, LocalDate today, boolean wholeCase) {
    this.reference = reference;
    this.wholeCase = wholeCase;
    this.instances = List.copyOf(instances);
    this.history = history;
    this.tasks = tasks;
    this.access = access;
    this.today = today;
  }

  public String reference() {
    return reference;
  }

  /**
   * Whether the reader sees the whole case, rather than only their own task's part of it (an agency):
   * what only those who run the case should read is written only then.
   */
  public boolean wholeCase() {
    return wholeCase;
  }

  /** Today in England by the engine's clock: what deadlines are counted against. */
  public LocalDate today() {
    return today;
  }

  /** The case itself: the instance no other called. Empty when the reader sees only their own task. */
  public Optional<HistoricProcessInstance> caseInstance() {
    // the oldest without a parent: a request a script started on its own under the case's reference
    // is a root too, but never before the case was recorded
    return instances.stream().filter(i -> i.getSuperProcessInstanceId() == null)
        .min(Comparator.comparing(HistoricProcessInstance::getStartTime));
  }

  /** The instances of a stage (a process key), oldest first. */
  public List<HistoricProcessInstance> instancesOf(String processKey) {
    return instances.stream().filter(i -> processKey.equals(i.getProcessDefinitionKey()))
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)).toList();
  }

  public List<HistoricProcessInstance> instances() {
    return instances;
  }

  public static boolean isOpen(HistoricProcessInstance instance) {
    return instance.getEndTime() == null;
  }

  /** The instance's variables by name, their last values. */
  public Map<String, Object> variables(String processInstanceId) {
    return variables.computeIfAbsent(processInstanceId, id -> access.read(() -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(id)
          .disableCustomObjectDeserialization().list()) {
        TypedValue typed = v.getTypedValue();
        // the workflow stores no objects: one found (someone's attempt through the engine API) is not the case's
        if (typed == null || typed instanceof ObjectValue) {
          continue;
        }
        // a task-local variable of the same name must not hide the instance's own
        if (v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(id) || !values.containsKey(v.getName())) {
          values.put(v.getName(), typed.getValue());
        }
      }
      return values;
    }));
  }

  /** The instance's activities in the order they happened. */
  public List<HistoricActivityInstance> activities(String processInstanceId) {
    return activities.computeIfAbsent(processInstanceId, id -> access.read(() ->
        history.createHistoricActivityInstanceQuery().processInstanceId(id)
            .orderPartiallyByOccurrence().asc().list()));
  }

  /** The instance's tasks, oldest first. */
  public List<HistoricTaskInstance> tasks(String processInstanceId) {
    return tasksOf.computeIfAbsent(processInstanceId, id -> access.read(() ->
        history.createHistoricTaskInstanceQuery().processInstanceId(id).orderByHistoricActivityInstanceStartTime()
            .asc().list()));
  }

  /** The documents attached to a task, oldest first. */
  public List<Attachment> attachments(String taskId) {
    return access.read(() -> {
      List<Attachment> list = new ArrayList<>(tasks.getTaskAttachments(taskId));
      list.sort(Comparator.comparing(Attachment::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder())));
      return list;
    });
  }
}
