package uk.cspr.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.engine.OnBehalf;

/**
 * The case file behind both its doors (our API for scripts, the Tasklist and Cockpit plugins for
 * people): cases, one case, the deadlines. Every read runs as the logged-in user, with the
 * engine's authorization checks: whoever may not read a case's history (an agency, a partner) gets
 * {@link Refused 403} for it and no case in a list. Through a task they may see, such a reader gets
 * that task's part alone.
 */
public class CaseFiles {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseFiles.class);

  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final WorkingDayCalendar calendar;
  private final int amberWithin;
  private final List<CaseFileContribution> contributions;

  /**
   * @param amberWithin working days before a deadline from which it shows amber: the reminder
   *     window, so the colour turns when the reminders go out
   */
  public CaseFiles(ProcessEngine engine, WorkingDayCalendar calendar, int amberWithin,
      List<CaseFileContribution> contributions) {
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.calendar = calendar;
    this.amberWithin = amberWithin;
    this.contributions = List.copyOf(contributions);
  }

  /** Why a reader gets no case file: the status either door answers with, and a message for people. */
  public static final class Refused extends RuntimeException {
    public final int status;

    public Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Every case the reader may see, newest first; {@code state} is open, closed or all. */
  public List<CaseSummary> cases(String state) {
    return files(state).stream().map(CaseSummary::of).toList();
  }

  /** Every deadline of the cases the reader may see, soonest first; {@code state} open (still to meet) or all. */
  public List<DeadlineRow> deadlines(String state) {
    boolean all = switch (state == null ? "open" : state) {
      case "open" -> false;
      case "all" -> true;
      default -> throw new Refused(400, "state must be open or all (was '" + state + "')");
    };
    List<DeadlineRow> rows = new ArrayList<>();
    for (CaseFile file : files(all ? "all" : "open")) {
      file.deadlines().stream().filter(d -> all || "OPEN".equals(d.status()))
          .forEach(d -> rows.add(DeadlineRow.of(file, d)));
    }
    rows.sort(Comparator.comparing(DeadlineRow::due).thenComparing(DeadlineRow::reference));
    return rows;
  }

  /** One case's file, whole. */
  public CaseFile file(String reference) {
    reader();
    List<HistoricProcessInstance> visible = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list();
    if (visible.stream().noneMatch(i -> i.getSuperProcessInstanceId() == null)) {
      boolean exists = asSystem(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(reference).count()) > 0;
      if (!exists) {
        throw new Refused(404, "There is no case " + reference);
      }
      throw new Refused(403, "You may not see case " + reference);
    }
    return build(reference, visible, this::asReader, CaseFile.SCOPE_CASE);
  }

  /**
   * The case file as the reader of an open task sees it: the whole file for whoever may read the
   * case, and for anyone else (an agency) that task's own request alone.
   */
  public CaseFile forTask(String taskId) {
    reader();
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      boolean exists = asSystem(() -> tasks.createTaskQuery().taskId(taskId).count()) > 0;
      throw exists ? new Refused(403, "You may not see this task") : new Refused(404, "There is no open task " + taskId);
    }
    HistoricProcessInstance own = asSystem(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    String reference = own.getBusinessKey();
    boolean readsTheCase = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .list().stream().anyMatch(i -> i.getSuperProcessInstanceId() == null);
    if (readsTheCase) {
      return file(reference);
    }
    // seen through the task alone: read on the reader's behalf, and nothing beyond the task's own instance
    return build(reference, List.of(own), this::asSystem, CaseFile.SCOPE_REQUEST);
  }

  /** The case file of the case a process instance (the case or any of its stages) belongs to. */
  public CaseFile forProcessInstance(String processInstanceId) {
    reader();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      boolean exists = asSystem(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).count()) > 0;
      throw exists ? new Refused(403, "You may not see this case") : new Refused(404, "There is no such case");
    }
    return file(instance.getBusinessKey());
  }

  /**
   * A document, for a reader who may have it: whoever works the tasks of cases (the coordinators),
   * or whoever is asked to act on its stage now (the agency answering; a partner signing).
   */
  public Attachment document(String documentId) {
    Authentication reader = reader();
    Attachment attachment = asSystem(() -> tasks.getAttachment(documentId));
    if (attachment == null || attachment.getTaskId() == null) {
      throw new Refused(404, "There is no such document");
    }
    if (!mayDownload(reader, attachment.getTaskId())) {
      throw new Refused(403, "You may not open this document");
    }
    return attachment;
  }

  public byte[] documentContent(Attachment attachment) {
    return asSystem(() -> {
      try (java.io.InputStream in = tasks.getAttachmentContent(attachment.getId())) {
        return in == null ? new byte[0] : in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * Whoever works the cases' tasks (the coordinators), and whoever is asked to act on the stage the
   * document belongs to now, as a candidate or assignee of one of its open tasks: the agency answering
   * its own request, a partner whose sign-off of the final report they read is open. Being able to
   * read a task is not enough: a manager reads every task, and opens no document.
   */
  private boolean mayDownload(Authentication reader, String taskId) {
    boolean worksCases = asSystem(() -> authorizations.isUserAuthorized(reader.getUserId(), reader.getGroupIds(),
        Permissions.UPDATE, Resources.TASK, taskId));
    if (worksCases) {
      return true;
    }
    String stage = asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getProcessInstanceId).findFirst().orElse(null));
    if (stage == null) {
      return false;
    }
    var asked = tasks.createTaskQuery().processInstanceId(stage).or().taskAssignee(reader.getUserId())
        .taskCandidateUser(reader.getUserId());
    if (reader.getGroupIds() != null && !reader.getGroupIds().isEmpty()) {
      asked.taskCandidateGroupIn(reader.getGroupIds());
    }
    return asked.endOr().count() > 0;
  }

  private List<CaseFile> files(String state) {
    reader();
    String wanted = state == null ? "all" : state;
    if (!List.of("open", "closed", "all").contains(wanted)) {
      throw new Refused(400, "state must be open, closed or all (was '" + state + "')");
    }
    var query = history.createHistoricProcessInstanceQuery().rootProcessInstances();
    if (wanted.equals("open")) {
      query.unfinished();
    } else if (wanted.equals("closed")) {
      query.finished();
    }
    List<HistoricProcessInstance> roots = query.orderByProcessInstanceStartTime().desc().list();
    List<CaseFile> files = new ArrayList<>();
    for (HistoricProcessInstance root : roots) {
      if (root.getBusinessKey() == null) {
        continue;
      }
      try {
        files.add(build(root.getBusinessKey(), history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(root.getBusinessKey()).list(), this::asReader, CaseFile.SCOPE_CASE));
      } catch (RuntimeException fault) {
        // one case that cannot be read must not hide the others, nor vanish from the list itself
        log.error("The case file of {} could not be put together", root.getBusinessKey(), fault);
        files.add(unreadable(root));
      }
    }
    return files;
  }

  private static CaseFile unreadable(HistoricProcessInstance root) {
    return new CaseFile(root.getBusinessKey(), CaseFile.SCOPE_CASE, root.getId(), root.getEndTime() == null ? "OPEN" : "CLOSED",
        root.getStartTime().toInstant(), null, null,
        List.of("The case file could not be put together: the server's log says why"),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private Authentication reader() {
    Authentication reader = identity.getCurrentAuthentication();
    if (reader == null) {
      throw new Refused(401, "Log in to read case files");
    }
    return reader;
  }

  private <T> T asReader(Supplier<T> query) {
    return query.get();
  }

  /** On the reader's behalf, once what they may see has been established with their own access. */
  private <T> T asSystem(Supplier<T> query) {
    return OnBehalf.of(identity, query);
  }

  private CaseFile build(String reference, List<HistoricProcessInstance> instances, CaseHistory.Access access,
      String scope) {
    CaseHistory caseHistory = new CaseHistory(reference, instances, history, tasks, access, WorkingDays.todayInEngland(),
        CaseFile.SCOPE_CASE.equals(scope));
    CaseFileDraft draft = new CaseFileDraft();
    contributions.forEach(c -> c.contribute(caseHistory, draft));
    Map<String, HistoricProcessInstance> byId = new HashMap<>();
    instances.forEach(i -> byId.put(i.getId(), i));

    List<CaseFile.Deadline> deadlines = draft.deadlines.stream()
        .map(d -> deadline(d, byId.get(d.processInstanceId), caseHistory.today()))
        .sorted(Comparator.comparing(CaseFile.Deadline::due)).toList();
    boolean whole = CaseFile.SCOPE_CASE.equals(scope);
    Optional<HistoricProcessInstance> theCase = caseHistory.caseInstance();
    return new CaseFile(reference, scope,
        theCase.map(HistoricProcessInstance::getId).orElse(null),
        theCase.map(i -> i.getEndTime() == null ? "OPEN" : "CLOSED").orElse(null),
        theCase.map(i -> i.getStartTime().toInstant()).orElse(null),
        whole ? theCase.map(i -> displayName(access, i.getStartUserId())).orElse(null) : null,
        theCase.map(HistoricProcessInstance::getEndTime).map(CaseFiles::londonDate).orElse(null),
        whole ? stage(caseHistory) : List.of(),
        whole ? List.copyOf(draft.recorded) : List.of(),
        whole ? List.copyOf(draft.children) : List.of(),
        deadlines,
        whole ? List.copyOf(draft.concerns) : List.of(),
        sectionsWithDownloads(draft.sections),
        whole ? timeline(caseHistory, draft, access) : List.of());
  }

  /** Marks each document the reader may open with its path under the door ({@code documents/<id>}). */
  private List<CaseFile.Section> sectionsWithDownloads(List<CaseFile.Section> sections) {
    Authentication reader = identity.getCurrentAuthentication();
    Map<String, Boolean> mayOpen = new HashMap<>();
    List<CaseFile.Section> marked = new ArrayList<>();
    for (CaseFile.Section section : sections) {
      List<CaseFile.Document> documents = new ArrayList<>();
      for (CaseFile.Document d : section.documents()) {
        Attachment attachment = asSystem(() -> tasks.getAttachment(d.id()));
        boolean allowed = reader != null && attachment != null && attachment.getTaskId() != null
            && mayOpen.computeIfAbsent(attachment.getTaskId(), taskId -> mayDownload(reader, taskId));
        documents.add(new CaseFile.Document(d.id(), d.name(), d.type(), d.addedAt(), allowed ? "documents/" + d.id() : null));
      }
      marked.add(new CaseFile.Section(section.id(), section.kind(), section.title(), section.status(), section.rag(),
          section.facts(), section.answers(), documents, section.processInstanceId()));
    }
    return marked;
  }

  private CaseFile.Deadline deadline(CaseFileDraft.DeadlineDraft d, HistoricProcessInstance owner, LocalDate today) {
    String status;
    Boolean onTime = null;
    Integer left = null;
    String rag = null;
    if (d.notNeeded) {
      status = "NOT_NEEDED";
    } else if (d.metOn != null) {
      onTime = !d.metOn.isAfter(d.due);
      status = onTime ? "MET" : "MET_LATE";
    } else if (owner != null && owner.getEndTime() != null) {
      status = "NOT_NEEDED";
    } else {
      status = "OPEN";
      left = workingDaysLeft(d.due, today);
      rag = left < 0 ? "RED" : left <= amberWithin ? "AMBER" : "GREEN";
    }
    return new CaseFile.Deadline(d.key, d.name, d.stage, d.due, UkDates.longDate(d.due), status, d.metOn, onTime, left,
        rag, calendar.bankHolidays().isProvisional(d.due), d.processInstanceId);
  }

  /**
   * Working days from today to the due day: 0 on the day, negative once it has passed. A deadline
   * missed on a Friday is -1 over the weekend, although no working day has gone by: it is missed.
   */
  int workingDaysLeft(LocalDate due, LocalDate today) {
    int left = calendar.workingDaysBetween(today, due);
    return due.isBefore(today) ? Math.min(left, -1) : left;
  }

  /** Where the case waits: its open tasks and stages; once closed, how it ended. */
  private static List<String> stage(CaseHistory caseHistory) {
    Optional<HistoricProcessInstance> theCase = caseHistory.caseInstance();
    if (theCase.isEmpty()) {
      return List.of();
    }
    List<HistoricActivityInstance> activities = caseHistory.activities(theCase.get().getId());
    if (theCase.get().getEndTime() == null) {
      return activities.stream().filter(a -> a.getEndTime() == null)
          // a receive task is where the case waits for a stage still to be installed: a place it stands too
          .filter(a -> List.of("userTask", "callActivity", "receiveTask").contains(a.getActivityType()))
          .map(HistoricActivityInstance::getActivityName).distinct().toList();
    }
    return activities.stream().filter(a -> a.getActivityType().endsWith("EndEvent") && a.getActivityName() != null)
        .map(HistoricActivityInstance::getActivityName).reduce((first, last) -> last).map(List::of).orElse(List.of());
  }

  private List<CaseFile.TimelineEntry> timeline(CaseHistory caseHistory, CaseFileDraft draft, CaseHistory.Access access) {
    record Step(CaseFile.TimelineEntry entry, long order) {}
    List<Step> steps = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (HistoricProcessInstance instance : caseHistory.instances()) {
      String stage = draft.stageNames.getOrDefault(instance.getId(),
          instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey() : instance.getProcessDefinitionName());
      Map<String, HistoricTaskInstance> tasksByActivity = new HashMap<>();
      caseHistory.tasks(instance.getId()).forEach(t -> tasksByActivity.put(t.getActivityInstanceId(), t));
      List<HistoricActivityInstance> activities = caseHistory.activities(instance.getId());
      for (int n = 0; n < activities.size(); n++) {
        HistoricActivityInstance a = activities.get(n);
        String type = a.getActivityType();
        CaseFile.TimelineEntry entry = null;
        if ("userTask".equals(type)) {
          HistoricTaskInstance task = tasksByActivity.get(a.getId());
          entry = task == null ? null : taskEntry(stage, a, task, draft, access, names);
        } else if (("serviceTask".equals(type) || "sendTask".equals(type)) && a.getActivityName() != null) {
          entry = new CaseFile.TimelineEntry(instant(a.getEndTime() != null ? a.getEndTime() : a.getStartTime()), stage,
              a.getActivityName(), "action", null, null, null, a.getEndTime() != null ? "DONE" : "OPEN");
        } else if ("startEvent".equals(type) && a.getActivityName() != null
            && instance.getId().equals(a.getParentActivityInstanceId())) {
          entry = new CaseFile.TimelineEntry(instant(a.getStartTime()), stage, a.getActivityName(), "start",
              instance.getSuperProcessInstanceId() == null ? name(instance.getStartUserId(), access, names) : null,
              null, null, "DONE");
        } else if (type.endsWith("EndEvent") && a.getActivityName() != null && a.getEndTime() != null) {
          entry = new CaseFile.TimelineEntry(instant(a.getEndTime()), stage, a.getActivityName(), "outcome", null, null,
              null, "DONE");
        }
        if (entry != null) {
          steps.add(new Step(entry, n)); // the order they happened in, for steps in the same millisecond
        }
      }
    }
    steps.sort(Comparator.comparing((Step s) -> s.entry().at()).thenComparingLong(Step::order));
    return steps.stream().map(Step::entry).toList();
  }

  private CaseFile.TimelineEntry taskEntry(String stage, HistoricActivityInstance activity, HistoricTaskInstance task,
      CaseFileDraft draft, CaseHistory.Access access, Map<String, String> names) {
    LocalDate due = task.getDueDate() == null ? null : londonDate(task.getDueDate());
    if (task.getEndTime() == null) {
      return new CaseFile.TimelineEntry(instant(task.getStartTime()), stage, activity.getActivityName(), "task",
          task.getAssignee() == null ? null : name(task.getAssignee(), access, names), due, null, "OPEN");
    }
    boolean completed = "completed".equals(task.getDeleteReason());
    String by = null;
    if (completed) {
      by = task.getAssignee() != null ? name(task.getAssignee(), access, names) : draft.completedBy.get(task.getId());
      if (by == null) {
        by = access.read(() -> history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
            .stream().map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst()
            .map(u -> name(u, access, names)).orElse(null);
      }
    }
    Boolean onTime = completed && task.getDueDate() != null ? !task.getEndTime().after(task.getDueDate()) : null;
    return new CaseFile.TimelineEntry(instant(task.getEndTime()), stage, activity.getActivityName(), "task", by, due,
        onTime, completed ? "DONE" : "CANCELLED");
  }

  private String name(String userId, CaseHistory.Access access, Map<String, String> names) {
    return userId == null ? null : names.computeIfAbsent(userId, id -> displayName(access, id));
  }

  /** "Chris Walker (coordinator)": a person as colleagues know them, and their user id to tell two apart. */
  private String displayName(CaseHistory.Access access, String userId) {
    if (userId == null) {
      return null;
    }
    User user = access.read(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return full.isEmpty() ? userId : full + " (" + userId + ")";
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }

  static LocalDate londonDate(Date date) {
    return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }
}
