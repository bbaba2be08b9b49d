package uk.cspr.localreview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.calendar.UkDates;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;
import uk.cspr.validation.FormSchema;

/**
 * The local review in the case file: its clock, the reviewer and their declaration, the terms of
 * reference, the family's and practitioners' involvement, each version of the report and its quality
 * assurance, each progress check, any delay and its reason, and each partner's sign-off. Its deadlines:
 * the final report's six months (met by the sign-off), telling the Panel, Ofsted and DfE, any delay's
 * new expected date, and each progress check.
 */
class LocalReviewInCaseFile implements CaseFileContribution {

  private static final String STAGE = "Local review";
  private final FormSchema terms = FormSchema.shipped("agree-terms-of-reference");

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance review : history.instancesOf(LocalReview.KEY)) {
      Map<String, Object> v = history.variables(review.getId());
      file.stageName(review.getId(), STAGE);
      LocalDate due = LocalReview.DUE.from(v).orElse(null);
      Facts facts = new Facts()
          .date(LocalReview.DECISION_ON.name(), "Decided on (its six months run from here)", LocalReview.DECISION_ON.from(v).orElse(null))
          .date(LocalReview.DUE.name(), "Final report due", due)
          .date(LocalReview.INFORMED_ON.name(), "The Panel, Ofsted and DfE told on", LocalReview.INFORMED_ON.from(v).orElse(null))
          .text(LocalReview.REVIEWER_NAME.name(), "Reviewer", LocalReview.REVIEWER_NAME.from(v)
              .map(name -> name + LocalReview.REVIEWER_ORGANISATION.from(v).map(o -> " (" + o + ")").orElse("")).orElse(null))
          .text(LocalReview.REVIEWER_DECLARATION.name(), "Their declaration of independence", LocalReview.REVIEWER_DECLARATION.from(v).orElse(null))
          .text(LocalReview.SECOND_REVIEWER_NAME.name(), "Second reviewer", LocalReview.SECOND_REVIEWER_NAME.from(v)
              .filter(n -> !n.isBlank())
              .map(name -> name + LocalReview.SECOND_REVIEWER_ORGANISATION.from(v).map(o -> " (" + o + ")").orElse("")).orElse(null))
          .text(LocalReview.SECOND_REVIEWER_DECLARATION.name(), "Their declaration of independence",
              LocalReview.SECOND_REVIEWER_DECLARATION.from(v).orElse(null))
          .date(LocalReview.REVIEWER_APPOINTED_ON.name(), "Appointed on", LocalReview.REVIEWER_APPOINTED_ON.from(v).orElse(null))
          .text(LocalReview.TERMS_OF_REFERENCE.name(), "Terms of reference", LocalReview.TERMS_OF_REFERENCE.from(v).orElse(null))
          .text(LocalReview.METHOD.name(), "Method", LocalReview.METHOD.from(v).map(m -> terms.optionLabel(LocalReview.METHOD.name(), m)).orElse(null))
          .date(LocalReview.TERMS_AGREED_ON.name(), "Terms agreed on", LocalReview.TERMS_AGREED_ON.from(v).orElse(null))
          .text(LocalReview.FAMILY_INVOLVEMENT.name(), "The family's involvement", LocalReview.FAMILY_INVOLVEMENT.from(v).orElse(null))
          .text(LocalReview.FAMILY_LIMITED_BY.name(), "Limited by proceedings", LocalReview.FAMILY_LIMITED_BY.from(v).orElse(null))
          .date(LocalReview.LEARNING_EVENT_ON.name(), "Practitioners' learning event on", LocalReview.LEARNING_EVENT_ON.from(v).orElse(null))
          .text(LocalReview.LEARNING_EVENT.name(), "The practitioners' involvement", LocalReview.LEARNING_EVENT.from(v).orElse(null))
          .text(LocalReview.LEARNING_EVENT_LIMITED_BY.name(), "Limited by proceedings", LocalReview.LEARNING_EVENT_LIMITED_BY.from(v).orElse(null));
      int number = 0;
      for (SpinJsonNode report : LocalReview.REPORTS.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of())) {
        number++;
        String kind = "FINAL".equals(text(report, "kind")) ? "Final report" : "Draft";
        String outcome = text(report, "outcome");
        String checked = outcome.isEmpty() ? "being quality-assured"
            : "ACCEPT".equals(outcome) ? "accepted for sign-off: sets out the improvements and analyses why"
            : "returned to the reviewer: " + text(report, "comments");
        String from = text(report, "by").isEmpty() ? "" : " (from " + text(report, "by") + ")";
        String note = text(report, "note").isEmpty() ? "" : " Note: " + text(report, "note");
        facts.text("reviewerReport" + number, kind + " received " + UkDates.longDate(date(report, "on")) + from, checked + note);
      }
      number = 0;
      for (SpinJsonNode check : LocalReview.PROGRESS_CHECKS.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of())) {
        number++;
        String request = text(check, "request");
        facts.text("progressCheck" + number, "Progress checked " + UkDates.longDate(date(check, "on")),
            ("YES".equals(text(check, "onTrack")) ? "On track. " : "Not on track. ") + text(check, "notes")
                + (request.isEmpty() ? "" : " Written request to the reviewer: " + request));
      }
      number = 0;
      for (SpinJsonNode request : LocalReview.WRITTEN_REQUESTS.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of())) {
        number++;
        facts.text("writtenRequest" + number, "Written request to the reviewer, " + UkDates.longDate(date(request, "on"))
            + " (" + text(request, "how") + ")", text(request, "request"));
      }
      facts.text(LocalReview.DELAY_REASON.name(), "Why it is late", LocalReview.DELAY_REASON.from(v).orElse(null))
          .date(LocalReview.EXPECTED_ON.name(), "Now expected by", LocalReview.EXPECTED_ON.from(v).orElse(null));
      for (String group : LocalReview.PARTNER_GROUPS) {
        LocalReview.SIGN_OFF_BY_PARTNER.get(group).from(v).ifPresent(record -> facts.text(
            LocalReview.SIGN_OFF_BY_PARTNER.get(group).name(), "Final report sign-off for " + LocalReview.PARTNER_NAMES.get(group),
            text(record, "signatoryName") + " (" + ("LEAD_PARTNER".equals(text(record, "signatoryRole")) ? "lead partner"
                : "delegated partner") + "): " + ("SIGN_OFF".equals(text(record, "decision")) ? "signed off" : "sent back: "
                + text(record, "comments")) + " on " + UkDates.longDate(date(record, "on"))));
      }
      facts.date(LocalReview.SIGNED_OFF_ON.name(), "Final report signed off on", LocalReview.SIGNED_OFF_ON.from(v).orElse(null))
          .flag(LocalReview.ON_TIME.name(), "Within six months of the decision", LocalReview.ON_TIME.from(v).orElse(null));
      boolean open = CaseHistory.isOpen(review);
      file.section(new CaseFile.Section(review.getId(), "local-review", STAGE, open ? "Running" : "Done", null,
          facts.list(), List.of(), documents(history, review), review.getId()));
      if (due != null) {
        file.deadline(LocalReview.TASK_SIGN_OFF, "The local review's final report, signed off", STAGE, due, review.getId())
            .met(LocalReview.SIGNED_OFF_ON.from(v).orElse(null));
      }
      LocalReview.EXPECTED_ON.from(v).ifPresent(expected -> file.deadline(LocalReview.TASK_RECORD_DELAY,
          "The delayed final report, now expected", STAGE, expected, review.getId()).met(LocalReview.SIGNED_OFF_ON.from(v).orElse(null)));
      tasksAsDeadlines(history, file, review);
    }
  }

  /** The reports the reviewer sent (through their link or the coordinators) and each revised version, oldest first. */
  private static List<CaseFile.Document> documents(CaseHistory history, HistoricProcessInstance review) {
    List<CaseFile.Document> documents = new ArrayList<>();
    for (HistoricTaskInstance task : history.tasks(review.getId())) {
      if (LocalReview.TASKS_TAKING_DOCUMENTS.contains(task.getTaskDefinitionKey())) {
        for (Attachment a : history.attachments(task.getId())) {
          documents.add(new CaseFile.Document(a.getId(), a.getName(), a.getType(),
              a.getCreateTime() == null ? null : a.getCreateTime().toInstant(), null));
        }
      }
    }
    return documents;
  }

  /** The review's own tasks that carry a due date: telling the Panel, Ofsted and DfE, and each progress check. */
  private static void tasksAsDeadlines(CaseHistory history, CaseFileDraft file, HistoricProcessInstance review) {
    List<HistoricTaskInstance> tasks = new ArrayList<>(history.tasks(review.getId()));
    for (HistoricTaskInstance task : tasks) {
      String name = switch (task.getTaskDefinitionKey()) {
        case LocalReview.TASK_INFORM -> "Tell the Panel, Ofsted and DfE of the decision to review";
        case LocalReview.TASK_PROGRESS_CHECK -> "Check the review's progress";
        default -> null;
      };
      if (name == null) {
        continue;
      }
      LocalDate due = task.getDueDate() != null ? london(task.getDueDate())
          : london(task.getStartTime()); // a progress check is due the day it is asked
      CaseFileDraft.DeadlineDraft deadline = file.deadline(task.getTaskDefinitionKey(), name, STAGE, due, review.getId());
      if (task.getEndTime() != null) {
        if ("completed".equals(task.getDeleteReason())) {
          deadline.met(london(task.getEndTime()));
        } else {
          deadline.notNeeded();
        }
      }
    }
  }

  private static LocalDate london(java.util.Date date) {
    return date.toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
  }

  static String text(SpinJsonNode node, String property) {
    return node == null || !node.hasProp(property) || node.prop(property).isNull() ? "" : node.prop(property).stringValue();
  }

  static LocalDate date(SpinJsonNode node, String property) {
    String text = text(node, property);
    return text.isBlank() ? null : LocalDate.parse(text);
  }
}
