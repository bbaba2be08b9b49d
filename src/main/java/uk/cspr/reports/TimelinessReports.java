package uk.cspr.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.identity.Groups;

/**
 * Builds the timeliness report from the engine's history: each measure reads the outcome its stage
 * records, so the figures are the ones the case files show.
 */
public class TimelinessReports {

  static final int MOST_ACTIONS = 8;
  static final int INSTANCES_PER_QUERY = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService history;
  private final IdentityService identity;
  private final WorkingDayCalendar calendar;

  public TimelinessReports(HistoryService history, IdentityService identity, WorkingDayCalendar calendar) {
    this.history = history;
    this.identity = identity;
    this.calendar = calendar;
  }

  /** One thing done on a day, on time or not, taking so many working days, with a reason when late. */
  record Done(String reference, LocalDate on, boolean onTime, Integer workingDays, String lateReason) {}

  public TimelinessReport report(String from, String to) {
    // who may read it first: someone who may not is told so, not how to ask for a period
    reader();
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    if (end.isBefore(start)) {
      throw new CaseFiles.Refused(400, "The period ends (" + end + ") before it starts (" + start + ")");
    }
    Map<String, List<Done>> done = new HashMap<>();
    // each stage's own record, read while it still runs (a publication waits a year for its review); only
    // the stages running on or after the period's first day, so a report reads one year, not every year kept
    Map<String, HistoricProcessInstance> notificationStages = stagesRunningSince("cspr-notification", start);
    Map<String, HistoricProcessInstance> rapidReviewStages = stagesRunningSince("cspr-rapid-review", start);
    Map<String, Map<String, Object>> cases = awarenessOfTheirCases(notificationStages, rapidReviewStages);
    done.put("notifications", notifications(notificationStages, cases));
    List<Done> rapidReviews = new ArrayList<>();
    for (Map<String, Object> v : variablesByInstance(rapidReviewStages, "rapidReviewSubmittedOn", "rapidReviewOnTime")
        .values()) {
      String reference = (String) v.get("@reference");
      LocalDate aware = optionalDate(cases.getOrDefault(reference, Map.of()).get("awareDate"));
      LocalDate submitted = optionalDate(v.get("rapidReviewSubmittedOn"));
      if (submitted != null) {
        rapidReviews.add(new Done(reference, submitted, Boolean.TRUE.equals(v.get("rapidReviewOnTime")),
            aware == null ? null : calendar.workingDaysBetween(aware, submitted), null));
      }
    }
    List<Done> localReviews = new ArrayList<>();
    for (Map<String, Object> v : variablesByInstance(stagesRunningSince("cspr-local-review", start), "localReviewDecisionOn",
        "finalReportSignedOffOn", "localReviewOnTime", "delayReason").values()) {
      LocalDate decided = optionalDate(v.get("localReviewDecisionOn"));
      LocalDate signedOff = optionalDate(v.get("finalReportSignedOffOn"));
      if (signedOff != null) {
        localReviews.add(new Done((String) v.get("@reference"), signedOff, Boolean.TRUE.equals(v.get("localReviewOnTime")),
            decided == null ? null : calendar.workingDaysBetween(decided, signedOff), (String) v.get("delayReason")));
      }
    }
    List<Done> publications = new ArrayList<>();
    for (Map<String, Object> v : variablesByInstance(stagesRunningSince("cspr-publication", start), "finalReportSentOn",
        "earliestPublicationDate",
        "publishedOn").values()) {
      LocalDate sent = optionalDate(v.get("finalReportSentOn"));
      LocalDate published = optionalDate(v.get("publishedOn"));
      if (published != null) {
        LocalDate earliest = optionalDate(v.get("earliestPublicationDate"));
        publications.add(new Done((String) v.get("@reference"), published, earliest == null || !published.isBefore(earliest),
            sent == null ? null : calendar.workingDaysBetween(sent, published), null));
      }
    }
    done.put("rapidReviews", rapidReviews);
    done.put("localReviews", localReviews);
    done.put("publications", publications);
    done.put("actions", actions(stagesRunningSince("cspr-learning", start)));

    List<TimelinessReport.Reason> lateNotifications = reasons(done.get("notifications"), start, end);
    List<TimelinessReport.Reason> delayedReviews = reasons(localReviews, start, end);
    List<TimelinessReport.Quarter> quarters = new ArrayList<>();
    for (LocalDate q = start.withDayOfMonth(1).withMonth(((start.getMonthValue() - 1) / 3) * 3 + 1); !q.isAfter(end);
        q = q.plusMonths(3)) {
      LocalDate qFrom = q.isBefore(start) ? start : q;
      LocalDate qTo = q.plusMonths(3).minusDays(1).isAfter(end) ? end : q.plusMonths(3).minusDays(1);
      quarters.add(new TimelinessReport.Quarter(quarterLabel(q), qFrom, qTo, measures(done, qFrom, qTo)));
    }
    return new TimelinessReport(start, end, measures(done, start, end), lateNotifications, delayedReviews, quarters);
  }

  private static List<TimelinessReport.Measure> measures(Map<String, List<Done>> done, LocalDate from, LocalDate to) {
    return List.of(
        measure("notifications", "Notifications to the Panel, DfE and Ofsted", "5 working days from awareness",
            done, from, to),
        measure("rapidReviews", "Rapid reviews sent to the Panel", "15 working days from awareness", done, from, to),
        measure("localReviews", "Local reviews' final reports signed off", "6 months from the decision to review",
            done, from, to),
        measure("publications", "Reports published", "7 working days after the Panel, DfE and Ofsted had it",
            done, from, to),
        measure("actions", "Actions of the partners' action plans completed", "by each action's due date",
            done, from, to));
  }

  private static TimelinessReport.Measure measure(String key, String name, String deadline,
      Map<String, List<Done>> done, LocalDate from, LocalDate to) {
    List<Done> inPeriod = done.get(key).stream().filter(d -> !d.on().isBefore(from) && !d.on().isAfter(to)).toList();
    int onTime = (int) inPeriod.stream().filter(Done::onTime).count();
    Double share = inPeriod.isEmpty() ? null : Math.round(onTime * 1000.0 / inPeriod.size()) / 10.0;
    List<Integer> days = inPeriod.stream().map(Done::workingDays).filter(Objects::nonNull).sorted().toList();
    Double median = days.isEmpty() ? null : days.size() % 2 == 1 ? days.get(days.size() / 2).doubleValue()
        : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
    return new TimelinessReport.Measure(key, name, deadline, inPeriod.size(), onTime, share, median);
  }

  private static List<TimelinessReport.Reason> reasons(List<Done> done, LocalDate from, LocalDate to) {
    return done.stream().filter(d -> !d.onTime() && !d.on().isBefore(from) && !d.on().isAfter(to))
        .sorted(Comparator.comparing(Done::on).thenComparing(Done::reference))
        .map(d -> new TimelinessReport.Reason(d.reference(), d.on(),
            d.lateReason() == null || d.lateReason().isBlank() ? "No reason recorded" : d.lateReason()))
        .toList();
  }

  /** @param cases each case's awareness date, by reference */
  private List<Done> notifications(Map<String, HistoricProcessInstance> stages, Map<String, Map<String, Object>> cases) {
    List<Done> done = new ArrayList<>();
    // a case may have notified more than once (the Panel, then DfE and Ofsted for another child): each counts
    for (Map.Entry<String, Map<String, Object>> n : variablesByInstance(stages, "notifiedOn",
        "notificationOnTime", "notificationDelayReason", "notificationDue").entrySet()) {
      Map<String, Object> v = n.getValue();
      LocalDate notified = optionalDate(v.get("notifiedOn"));
      if (notified == null) {
        continue;
      }
      String reference = (String) v.get("@reference");
      LocalDate aware = optionalDate(cases.getOrDefault(reference, Map.of()).get("awareDate"));
      LocalDate due = optionalDate(v.get("notificationDue"));
      boolean onTime = v.get("notificationOnTime") instanceof Boolean recorded ? recorded
          : due != null && !notified.isAfter(due);
      done.add(new Done(reference, notified, onTime, aware == null ? null : calendar.workingDaysBetween(aware, notified),
          (String) v.get("notificationDelayReason")));
    }
    return done;
  }

  private List<Done> actions(Map<String, HistoricProcessInstance> stages) {
    List<Done> done = new ArrayList<>();
    String[] names = new String[MOST_ACTIONS];
    for (int i = 0; i < MOST_ACTIONS; i++) {
      names[i] = "action" + (i + 1);
    }
    for (Map<String, Object> v : variablesByInstance(stages, names).values()) {
      for (String name : names) {
        if (v.get(name) == null) {
          continue;
        }
        try {
          JsonNode action = JSON.readTree(v.get(name).toString());
          if (!"EVIDENCED".equals(action.path("state").asText())) {
            continue;
          }
          LocalDate completed = optionalDate(action.path("completedOn").asText(""));
          LocalDate on = completed != null ? completed : optionalDate(action.path("evidencedOn").asText(""));
          LocalDate due = optionalDate(action.path("dueOn").asText(""));
          if (on != null) {
            done.add(new Done((String) v.get("@reference"), on, due == null || !on.isAfter(due), null, null));
          }
        } catch (java.io.IOException notJson) {
          // an action record is always JSON; one that is not is left out rather than failing the report
        }
      }
    }
    return done;
  }

  /**
   * The instances of this stage still running or ended on or after the day. A stage records what it did when
   * it is done (never a date after that), so one that ended before a period cannot count in it.
   */
  private Map<String, HistoricProcessInstance> stagesRunningSince(String processKey, LocalDate since) {
    // a day early: an end time is an instant, the period's first day a date in England
    Date from = Date.from(since.minusDays(1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
    Map<String, HistoricProcessInstance> stages = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).unfinished().list()
        .forEach(stage -> stages.put(stage.getId(), stage));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finishedAfter(from).list()
        .forEach(stage -> stages.put(stage.getId(), stage));
    return stages;
  }

  /** The awareness date of the cases these stages belong to, by case reference. */
  @SafeVarargs
  private Map<String, Map<String, Object>> awarenessOfTheirCases(Map<String, HistoricProcessInstance>... stages) {
    Map<String, String> referenceOfCase = new HashMap<>();
    for (Map<String, HistoricProcessInstance> some : stages) {
      some.values().forEach(stage -> referenceOfCase.put(stage.getRootProcessInstanceId(), stage.getBusinessKey()));
    }
    Map<String, Map<String, Object>> byCase = new HashMap<>();
    forEachVariable(referenceOfCase.keySet(), new String[] {"awareDate"}, variable -> byCase
        .computeIfAbsent(referenceOfCase.get(variable.getProcessInstanceId()), r -> new HashMap<>())
        .put(variable.getName(), variable.getValue()));
    byCase.remove(null);
    return byCase;
  }

  /** Each stage instance's variables of these names (its own, not a task's), with its case reference as "@reference". */
  private Map<String, Map<String, Object>> variablesByInstance(Map<String, HistoricProcessInstance> stages,
      String... names) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    forEachVariable(stages.keySet(), names, variable -> byInstance
        .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue()));
    byInstance.forEach((id, v) -> v.put("@reference", stages.get(id).getBusinessKey()));
    byInstance.values().removeIf(v -> v.get("@reference") == null);
    return byInstance;
  }

  /**
   * The process-level variables of these names of these instances, a few hundred instances a query: a longer
   * list becomes ORed IN lists, which H2 answers by reading the whole table.
   */
  private void forEachVariable(java.util.Collection<String> instanceIds, String[] names,
      java.util.function.Consumer<HistoricVariableInstance> each) {
    List<String> ids = new ArrayList<>(instanceIds);
    ids.remove(null);
    for (int from = 0; from < ids.size(); from += INSTANCES_PER_QUERY) {
      String[] some = ids.subList(from, Math.min(ids.size(), from + INSTANCES_PER_QUERY)).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(some)
          .variableNameIn(names).disableCustomObjectDeserialization().list()) {
        if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(variable.getProcessInstanceId())) {
          each.accept(variable);
        }
      }
    }
  }

  private void reader() {
    Authentication reader = identity.getCurrentAuthentication();
    if (reader == null) {
      throw new CaseFiles.Refused(401, "Log in to read the timeliness report");
    }
    List<String> groups = reader.getGroupIds() == null ? List.of() : reader.getGroupIds();
    if (!groups.contains(Groups.COORDINATORS) && !groups.contains(Groups.MANAGERS)
        && !groups.contains(Groups.ADMINISTRATORS)) {
      throw new CaseFiles.Refused(403, "The timeliness report is for the partnership's coordinators and managers");
    }
  }

  private static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new CaseFiles.Refused(400, "Say the period's '" + name + "' date, as 2026-04-01");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      throw new CaseFiles.Refused(400, "The period's '" + name + "' date (" + value + ") is not a date like 2026-04-01");
    }
  }

  private static LocalDate optionalDate(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static String quarterLabel(LocalDate quarterStart) {
    return switch (quarterStart.getMonthValue()) {
      case 1 -> "January to March ";
      case 4 -> "April to June ";
      case 7 -> "July to September ";
      default -> "October to December ";
    } + quarterStart.getYear();
  }
}
