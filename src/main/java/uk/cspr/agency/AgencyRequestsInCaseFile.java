package uk.cspr.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Attachment;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;
import uk.cspr.validation.FormSchema;

/**
 * Each agency's request in the case file: asked, due, reminded, extended or withdrawn, answered
 * when and by whom, its answers in the form's own words, its documents; an immediate safeguarding
 * concern raised in an answer goes to the top of the file. Finished requests stay in view.
 */
class AgencyRequestsInCaseFile implements CaseFileContribution {

  private static final String REMIND = "Task_RemindAgency";
  private static final String ESCALATE = "Task_EscalateOverdueRequest";
  private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** What agencies wrote before they were asked yes or no, meaning they had no concern. */
  private static final java.util.regex.Pattern NOTHING_TO_REPORT = java.util.regex.Pattern.compile(
      "(none|no|nil|n/?a|none known|no concerns?|no immediate (safeguarding )?concerns?)[.!]?");

  /** The forms the requests asked with: each request's answers are shown in its own form's words. */
  private final AgencyRequestForms forms;

  AgencyRequestsInCaseFile(AgencyRequestForms forms) {
    this.forms = forms;
  }

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance request : history.instancesOf(AgencyRequest.KEY)) {
      Map<String, Object> v = history.variables(request.getId());
      String agency = AgencyRequest.AGENCY_NAME.from(v)
          .or(() -> AgencyRequest.AGENCY_ID.from(v).flatMap(Agency::byId).map(Agency::displayName)).orElse("An agency");
      AgencyRequestForm askedWith = forms.of(v);
      String stage = askedWith.requestTitle(agency);
      file.stageName(request.getId(), stage);
      LocalDate asked = date(request.getStartTime());
      LocalDate due = AgencyRequest.RESPONSE_DUE.from(v).orElse(null);
      LocalDate answeredOn = AgencyRequest.INFORMATION_PROVIDED_ON.from(v).orElse(null);
      List<HistoricActivityInstance> activities = history.activities(request.getId());
      boolean withdrawn = activities.stream().anyMatch(a -> a.getEndTime() != null
          && (AgencyRequest.END_REQUEST_WITHDRAWN.equals(a.getActivityId())
              || AgencyRequest.END_WITHDRAWAL_DECIDED.equals(a.getActivityId())));
      String status = answeredOn != null ? "Answered" : withdrawn ? "Withdrawn"
          : !CaseHistory.isOpen(request) ? "Closed"
          : due != null && due.isBefore(history.today()) ? "Overdue" : "Waiting";

      HistoricTaskInstance answeredIn = history.tasks(request.getId()).stream()
          .filter(t -> AgencyRequest.TASK_PROVIDE_INFORMATION.equals(t.getTaskDefinitionKey()))
          .filter(t -> "completed".equals(t.getDeleteReason())).reduce((first, last) -> last).orElse(null);
      String answeredBy = answeredBy(v, answeredIn);
      if (answeredIn != null && answeredIn.getAssignee() == null && answeredBy != null) {
        file.completedBy(answeredIn.getId(), answeredBy);
      }

      Facts facts = new Facts()
          .text("agency", "Agency", agency)
          .text(AgencyRequest.CONTACT_EMAIL.name(), "Sent to", AgencyRequest.CONTACT_EMAIL.from(v).orElse(null))
          .date("askedOn", "Asked on", asked)
          .date(AgencyRequest.RESPONSE_DUE.name(), "Due", due)
          .value("reminded", "Reminded on", dates(activities, REMIND).isEmpty() ? null : dates(activities, REMIND),
              dates(activities, REMIND).stream().map(UkDates::longDate).collect(Collectors.joining("; ")))
          .value("escalated", "Overdue: escalated on", dates(activities, ESCALATE).isEmpty() ? null : dates(activities, ESCALATE),
              dates(activities, ESCALATE).stream().map(UkDates::longDate).collect(Collectors.joining("; ")))
          .value(AgencyRequest.EXTENSIONS.name(), "Extensions", AgencyRequest.EXTENSIONS.from(v).filter(n -> n > 0).orElse(null),
              AgencyRequest.EXTENSIONS.from(v).map(String::valueOf).orElse(""))
          .date(AgencyRequest.INFORMATION_PROVIDED_ON.name(), "Answered on", answeredOn)
          .text("answeredBy", "Answered by", answeredBy)
          .date("withdrawnOn", "Withdrawn on", withdrawn ? date(request.getEndTime()) : null)
          .text(AgencyRequest.CHANGE_REASON.name(), "Reason for the last change", AgencyRequest.CHANGE_REASON.from(v).orElse(null))
          .text(AgencyRequest.REQUEST_TEXT.name(), "What was asked", AgencyRequest.REQUEST_TEXT.from(v).orElse(null));

      List<CaseFile.Fact> answers = answeredOn == null ? List.of() : answers(forms.schema(askedWith), v);
      List<CaseFile.Document> documents = new ArrayList<>();
      for (HistoricTaskInstance task : history.tasks(request.getId())) {
        if (AgencyRequest.TASK_PROVIDE_INFORMATION.equals(task.getTaskDefinitionKey())) {
          for (Attachment a : history.attachments(task.getId())) {
            documents.add(new CaseFile.Document(a.getId(), a.getName(), a.getType(),
                a.getCreateTime() == null ? null : a.getCreateTime().toInstant(), null));
          }
        }
      }
      file.section(new CaseFile.Section(request.getId(), "agency-request", stage, status, null, facts.list(), answers,
          documents, request.getId()));

      if (answeredOn != null) {
        concern(v).ifPresent(text -> file.concern(agency, answeredOn, text, request.getId()));
      }
      if (due != null && askedWith.deadlineListedWithTheRequest()) {
        CaseFileDraft.DeadlineDraft deadline = file.deadline(AgencyRequest.TASK_PROVIDE_INFORMATION,
            agency + ": information for " + askedFor(history, request), stage, due, request.getId()).met(answeredOn);
        if (withdrawn) {
          deadline.notNeeded();
        }
      }
    }
  }

  /**
   * The answers in the order and words of the form the request asked with (a date as a UK date, a
   * choice by its label, a number as given); who answered is shown apart.
   */
  private static List<CaseFile.Fact> answers(FormSchema form, Map<String, Object> v) {
    List<CaseFile.Fact> answers = new ArrayList<>();
    java.util.Set<String> dates = dateFields(form.json().path("components"), new java.util.HashSet<>());
    form.labels().forEach((key, label) -> {
      if (key.equals(AgencyRequest.RESPONDER_NAME.name()) || key.equals(AgencyRequest.RESPONDER_ROLE.name())) {
        return;
      }
      Object value = v.get(key);
      if (value instanceof String text && !text.isBlank()) {
        String shown = text;
        if (dates.contains(key) && ISO_DATE.matcher(text).matches()) {
          shown = UkDates.longDate(LocalDate.parse(text));
        } else if (!form.optionLabel(key, text).equals(text)) {
          shown = form.optionLabel(key, text);
        }
        answers.add(new CaseFile.Fact(key, label, text, shown));
      } else if (value instanceof Number number) {
        String shown = number.doubleValue() == Math.rint(number.doubleValue()) ? String.valueOf(number.longValue())
            : number.toString();
        answers.add(new CaseFile.Fact(key, label, number, shown));
      } else if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray() && !json.elements().isEmpty()) {
        List<String> chosen = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
        answers.add(new CaseFile.Fact(key, label, chosen,
            chosen.stream().map(c -> form.optionLabel(key, c)).collect(Collectors.joining("; "))));
      }
    });
    return answers;
  }

  /** The keys of a form's date fields. */
  private static java.util.Set<String> dateFields(com.fasterxml.jackson.databind.JsonNode components, java.util.Set<String> found) {
    for (com.fasterxml.jackson.databind.JsonNode component : components) {
      if ("datetime".equals(component.path("type").asText()) && component.hasNonNull("key")) {
        found.add(component.path("key").asText());
      }
      dateFields(component.path("components"), found);
    }
    return found;
  }

  /** What the agency said puts a child at risk now: asked yes or no since the question was added. */
  static java.util.Optional<String> concern(Map<String, Object> v) {
    String text = AgencyRequest.IMMEDIATE_CONCERNS.from(v).map(String::trim).orElse("");
    Object raised = v.get(AgencyRequest.IMMEDIATE_CONCERNS_RAISED.name());
    if ("YES".equals(raised)) {
      return java.util.Optional.of(text.isEmpty() ? "(the agency said yes without describing it)" : text);
    }
    if (raised == null && !text.isEmpty() && !NOTHING_TO_REPORT.matcher(text.toLowerCase(Locale.UK)).matches()) {
      return java.util.Optional.of(text);
    }
    return java.util.Optional.empty();
  }

  private static String answeredBy(Map<String, Object> v, HistoricTaskInstance answeredIn) {
    String name = AgencyRequest.RESPONDER_NAME.from(v).orElse(null);
    if (name == null || answeredIn == null) {
      return null;
    }
    String role = AgencyRequest.RESPONDER_ROLE.from(v).map(r -> ", " + r).orElse("");
    return name + role + (answeredIn.getAssignee() == null ? " (through the response link)" : " (in Tasklist)");
  }

  private static List<LocalDate> dates(List<HistoricActivityInstance> activities, String activityId) {
    return activities.stream().filter(a -> activityId.equals(a.getActivityId()) && a.getEndTime() != null)
        .map(a -> date(a.getEndTime())).toList();
  }

  private static LocalDate date(java.util.Date date) {
    return date == null ? null : date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }

  /** What the request was for, by the stage that asked (the contract's process keys): the rapid review's or the local review's. */
  private static String askedFor(CaseHistory history, HistoricProcessInstance request) {
    String caller = history.instances().stream().filter(i -> i.getId().equals(request.getSuperProcessInstanceId()))
        .map(HistoricProcessInstance::getProcessDefinitionKey).findFirst().orElse("");
    boolean forTheNationalReview = "cspr-case".equals(caller) && history.activities(request.getSuperProcessInstanceId()).stream()
        .anyMatch(a -> request.getId().equals(a.getCalledProcessInstanceId()) && a.getActivityId().contains("NationalReview"));
    return forTheNationalReview ? "the Panel's national review" : switch (caller) {
      case "cspr-local-review" -> "the local review";
      case "cspr-rapid-review", "cspr-case" -> "the rapid review";
      default -> "the case";
    };
  }
}
