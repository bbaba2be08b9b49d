package uk.cspr.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.agency.Agency;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.agency.AgencyRequestForms;
import uk.cspr.calendar.UkDates;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;

/**
 * The learning in the case file: what the partners act on, the action plan with each action's state
 * (open, evidenced, late, closed) and how it got there, how the learning reached each agency's
 * practitioners, each impact review, and the closure. Its deadlines: each action's due date, met by
 * its evidence; each agency's confirmation of the dissemination; and each impact review. The
 * agencies' own answers and documents are in their requests' sections.
 */
class LearningInCaseFile implements CaseFileContribution {

  static final String STAGE = "Learning into practice";

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance learning : history.instancesOf(Learning.KEY)) {
      Map<String, Object> v = history.variables(learning.getId());
      file.stageName(learning.getId(), STAGE);
      boolean open = CaseHistory.isOpen(learning);
      Facts facts = new Facts()
          .text(Learning.LEARNING_FROM.name(), "The partners act on", Learning.LEARNING_FROM_IN_WORDS.from(v).orElse(null))
          .date(Learning.FINAL_REPORT_SIGNED_OFF_ON.name(), "Final report signed off on",
              Learning.FINAL_REPORT_SIGNED_OFF_ON.from(v).orElse(null))
          .date(Learning.PUBLISHED_ON.name(), "Published on", Learning.PUBLISHED_ON.from(v).orElse(null))
          .text(Learning.LEARNING_SUMMARY.name(), "The learning", Learning.LEARNING_SUMMARY.from(v).orElse(null))
          .date(Learning.PLAN_AGREED_ON.name(), "Action plan agreed on", Learning.PLAN_AGREED_ON.from(v).orElse(null));

      int actions = Learning.ACTION_PLAN.from(v).map(plan -> plan.elements().size()).orElse(0);
      for (int n = 1; n <= actions; n++) {
        SpinJsonNode record = Learning.action(n).from(v).orElse(null);
        if (record == null) {
          continue;
        }
        LocalDate due = date(record, "dueOn");
        String state = state(record, history.today());
        facts.text("action" + n, "Action " + n + " (" + LearningAnswers.ownerName(text(record, "owner")) + "), due "
            + UkDates.longDate(due) + ": " + state, text(record, "description") + story(record));
        CaseFileDraft.DeadlineDraft deadline = file.deadline(Learning.DEADLINE_ACTION, "Action " + n + " ("
            + LearningAnswers.ownerName(text(record, "owner")) + "): evidence that it is complete", STAGE, due, learning.getId());
        if (Learning.EVIDENCED.equals(text(record, "state"))) {
          deadline.met(date(record, "evidencedOn"));
        } else if (Learning.CLOSED.equals(text(record, "state"))) {
          deadline.notNeeded();
        }
      }

      for (HistoricProcessInstance request : history.instancesOf(AgencyRequest.KEY)) {
        Map<String, Object> r = history.variables(request.getId());
        if (!learning.getId().equals(request.getSuperProcessInstanceId())
            || !Learning.FORM_DISSEMINATION.equals(AgencyRequestForms.formId(r))) {
          continue;
        }
        dissemination(history, file, facts, learning, request, r);
      }

      int number = 0;
      List<SpinJsonNode> reviews = Learning.IMPACT_REVIEWS.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of());
      for (SpinJsonNode review : reviews) {
        number++;
        String still = text(review, "stillToChange");
        String next = text(review, "nextDue");
        facts.text("impactReview" + number, "Impact reviewed on " + UkDates.longDate(date(review, "on")),
            "What changed: " + text(review, "practiceChanges") + " How the partners know: " + text(review, "evidence")
                + (still.isEmpty() ? "" : " Still to change: " + still)
                + (next.isEmpty() ? "" : " Next review due " + UkDates.longDate(LocalDate.parse(next)) + "."));
        file.deadline(Learning.TASK_REVIEW_IMPACT, "The learning's impact reviewed", STAGE, date(review, "due"), learning.getId())
            .met(date(review, "on"));
      }
      LocalDate impactDue = Learning.IMPACT_REVIEW_DUE.from(v).orElse(null);
      boolean impactStillToReview = reviews.isEmpty() || Boolean.TRUE.equals(Learning.REVIEW_AGAIN.from(v).orElse(null));
      if (impactDue != null && impactStillToReview) {
        facts.date(Learning.IMPACT_REVIEW_DUE.name(), "Next impact review due", impactDue);
        CaseFileDraft.DeadlineDraft deadline = file.deadline(Learning.TASK_REVIEW_IMPACT, "The learning's impact reviewed",
            STAGE, impactDue, learning.getId());
        if (!open) {
          deadline.notNeeded();
        }
      }

      facts.date(Learning.CASE_CLOSED_ON.name(), "Case closed on", Learning.CASE_CLOSED_ON.from(v).orElse(null))
          .text(Learning.CLOSURE_SUMMARY.name(), "Closure summary", Learning.CLOSURE_SUMMARY.from(v).orElse(null));
      String status = !open ? "Closed" : Learning.PLAN_AGREED_ON.from(v).isPresent() ? "Running" : "Action plan to record";
      file.section(new CaseFile.Section(learning.getId(), "learning", STAGE, status, null, facts.list(), List.of(),
          documents(history, learning), learning.getId()));
    }
  }

  /** One agency's confirmation that the learning reached its practitioners: in the facts, and as a deadline. */
  private static void dissemination(CaseHistory history, CaseFileDraft file, Facts facts, HistoricProcessInstance learning,
      HistoricProcessInstance request, Map<String, Object> r) {
    String agency = AgencyRequest.AGENCY_NAME.from(r)
        .or(() -> AgencyRequest.AGENCY_ID.from(r).flatMap(Agency::byId).map(Agency::displayName)).orElse("An agency");
    LocalDate due = AgencyRequest.RESPONSE_DUE.from(r).orElse(null);
    LocalDate answeredOn = AgencyRequest.INFORMATION_PROVIDED_ON.from(r).orElse(null);
    List<HistoricActivityInstance> activities = history.activities(request.getId());
    boolean withdrawn = activities.stream().anyMatch(a -> a.getEndTime() != null
        && (AgencyRequest.END_REQUEST_WITHDRAWN.equals(a.getActivityId())
            || AgencyRequest.END_WITHDRAWAL_DECIDED.equals(a.getActivityId())));
    String said;
    if (answeredOn != null) {
      Object reached = r.get(Learning.PRACTITIONERS_REACHED.name());
      said = "Confirmed on " + UkDates.longDate(answeredOn) + ": "
          + (reached instanceof Number count ? count.longValue() + " practitioners reached" : "practitioners reached")
          + Learning.DISSEMINATED_ON.from(r).map(on -> " by " + UkDates.longDate(on)).orElse("")
          + " (the answers are in its request)";
    } else if (withdrawn) {
      said = "Closed without a confirmation: " + AgencyRequest.CHANGE_REASON.from(r).orElse("");
    } else if (due != null && due.isBefore(history.today())) {
      said = "Not yet confirmed: overdue since " + UkDates.longDate(due);
    } else {
      said = "Not yet confirmed" + (due == null ? "" : ": due by " + UkDates.longDate(due));
    }
    facts.text("dissemination:" + AgencyRequest.AGENCY_ID.from(r).orElse(request.getId()),
        "How the learning reached " + agency + "'s practitioners", said);
    if (due != null) {
      CaseFileDraft.DeadlineDraft deadline = file.deadline(Learning.DEADLINE_DISSEMINATION, agency
          + ": how the learning reached its practitioners", STAGE, due, learning.getId()).met(answeredOn);
      if (withdrawn) {
        deadline.notNeeded();
      }
    }
  }

  /** Open, evidenced, late or closed, as a person reads it. */
  static String state(SpinJsonNode record, LocalDate today) {
    String state = text(record, "state");
    String expected = text(record, "expectedOn");
    LocalDate now = expected.isEmpty() ? date(record, "dueOn") : LocalDate.parse(expected);
    return switch (state) {
      case Learning.EVIDENCED -> "evidenced";
      case Learning.CLOSED -> "closed";
      case Learning.LATE -> "late";
      default -> now != null && now.isBefore(today) ? "late" : "open";
    };
  }

  /** How the action got where it is: each new date and its reason, the escalation, the evidence or the reason it was closed. */
  private static String story(SpinJsonNode record) {
    StringBuilder story = new StringBuilder();
    for (SpinJsonNode redated : LearningAnswers.list(record, "redated")) {
      story.append(" Not complete on ").append(UkDates.longDate(date(redated, "on"))).append(" (")
          .append(text(redated, "reason")).append("): expected by ").append(UkDates.longDate(date(redated, "expectedOn")))
          .append('.');
    }
    for (SpinJsonNode escalated : LearningAnswers.list(record, "escalatedOn")) {
      story.append(" Late: the managers were told on ").append(UkDates.longDate(LocalDate.parse(escalated.stringValue())))
          .append('.');
    }
    if (Learning.EVIDENCED.equals(text(record, "state"))) {
      String completed = text(record, "completedOn");
      story.append(" Evidenced on ").append(UkDates.longDate(date(record, "evidencedOn")))
          .append(text(record, "evidencedBy").isEmpty() ? "" : " by " + text(record, "evidencedBy"))
          .append(completed.isEmpty() ? "" : ", completed on " + UkDates.longDate(LocalDate.parse(completed)))
          .append(": ").append(text(record, "actionTaken")).append(" Evidence: ").append(text(record, "evidence"));
    } else if (Learning.CLOSED.equals(text(record, "state"))) {
      story.append(" Closed on ").append(UkDates.longDate(date(record, "closedOn"))).append(": ")
          .append(text(record, "closedReason"));
    }
    return story.toString();
  }

  /** The documents attached to the partners' own evidence and to each impact review, oldest first. */
  private static List<CaseFile.Document> documents(CaseHistory history, HistoricProcessInstance learning) {
    List<CaseFile.Document> documents = new ArrayList<>();
    for (HistoricTaskInstance task : history.tasks(learning.getId())) {
      if (Learning.TASKS_TAKING_DOCUMENTS.contains(task.getTaskDefinitionKey())) {
        for (Attachment a : history.attachments(task.getId())) {
          documents.add(new CaseFile.Document(a.getId(), a.getName(), a.getType(),
              a.getCreateTime() == null ? null : a.getCreateTime().toInstant(), null));
        }
      }
    }
    return documents;
  }

  private static String text(SpinJsonNode node, String property) {
    return LearningAnswers.text(node, property);
  }

  private static LocalDate date(SpinJsonNode node, String property) {
    String text = text(node, property);
    return text.isBlank() ? null : LocalDate.parse(text);
  }
}
