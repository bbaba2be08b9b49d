package uk.cspr.publication;

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
 * The publication in the case file: what is published and why, the anonymisation check and the version
 * checked, the family told, a hold for parallel proceedings and its release, the report sent to the
 * Panel, the Secretary of State and Ofsted, the publication, and each review of whether it stays
 * published. Its deadlines: publishing allowed from (the earliest day), the publication on the day
 * planned, a held publication's date, and each review.
 */
class PublicationInCaseFile implements CaseFileContribution {

  private static final String STAGE = "Publication";
  private final FormSchema decide = FormSchema.shipped("decide-publication");
  private final FormSchema hold = FormSchema.shipped("decide-publication-hold");

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance publication : history.instancesOf(Publication.KEY)) {
      Map<String, Object> v = history.variables(publication.getId());
      file.stageName(publication.getId(), STAGE);
      LocalDate earliest = Publication.EARLIEST.from(v).orElse(null);
      LocalDate published = Publication.PUBLISHED_ON.from(v).orElse(null);
      LocalDate released = Publication.RELEASED_ON.from(v).orElse(null);
      String holdKind = Publication.HOLD.from(v).orElse(null);
      Facts facts = new Facts()
          .date(Publication.FINAL_REPORT_SIGNED_OFF_ON.name(), "Final report signed off on",
              Publication.FINAL_REPORT_SIGNED_OFF_ON.from(v).orElse(null))
          .text(Publication.TYPE.name(), "What will be published", Publication.TYPE.from(v)
              .map(type -> decide.optionLabel(Publication.TYPE.name(), type)).orElse(null))
          .text(Publication.TYPE_REASON.name(), "Why not the full report", Publication.TYPE_REASON.from(v).orElse(null))
          .date(Publication.DECIDED_ON.name(), "Decided on", Publication.DECIDED_ON.from(v).orElse(null));
      Publication.CHECKED_ON.from(v).ifPresent(on -> facts.text(Publication.CHECKED_BY.name(), "Checked for anonymisation",
          Publication.CHECKED_BY.from(v).orElse("") + ", " + UkDates.longDate(on) + ": no child, family member or practitioner "
              + "can be identified from the version attached"));
      facts.text(Publication.CHECK_NOTES.name(), "What was changed to anonymise it", Publication.CHECK_NOTES.from(v).orElse(null));
      Publication.FAMILY_TOLD.from(v).ifPresent(told -> facts.text(Publication.FAMILY_TOLD.name(), "The family told before publication",
          "YES".equals(told) ? Publication.FAMILY_TOLD_ON.from(v).map(UkDates::longDate).orElse("") + ", by "
              + Publication.FAMILY_TOLD_BY.from(v).orElse("")
              : "Not told: " + Publication.FAMILY_NOT_TOLD_REASON.from(v).orElse("")));
      facts.text(Publication.FAMILY_RESPONSE.name(), "What the family said", Publication.FAMILY_RESPONSE.from(v).orElse(null))
          .date(Publication.PLANNED_ON.name(), "Publication planned for", Publication.PLANNED_ON.from(v).orElse(null))
          .text(Publication.PARALLEL_PROCEEDINGS.name(), "Parallel proceedings (recorded at the rapid review)",
              Publication.PARALLEL_PROCEEDINGS.from(v).map(PublicationAnswers::proceedingsInWords).orElse(null))
          .text(Publication.HOLD.name(), "Publication held", holdKind == null ? null
              : hold.optionLabel(Publication.HOLD.name(), holdKind))
          .date(Publication.HELD_UNTIL.name(), "Held until", Publication.HELD_UNTIL.from(v).orElse(null))
          .text(Publication.HOLD_REASON.name(), "Which proceedings, and why publication must wait",
              Publication.HOLD_REASON.from(v).orElse(null))
          .date(Publication.RELEASED_ON.name(), "Released on", released)
          .text(Publication.RELEASE_NOTE.name(), "Why it can go ahead now", Publication.RELEASE_NOTE.from(v).orElse(null))
          .date(Publication.SENT_ON.name(), "Sent to the Panel, the Secretary of State and Ofsted on",
              Publication.SENT_ON.from(v).orElse(null))
          .date(Publication.EARLIEST.name(), "Publishing allowed from", earliest)
          .date(Publication.PUBLISHED_ON.name(), "Published on", published)
          .text(Publication.URL.name(), "Where it is published", Publication.URL.from(v).orElse(null));
      List<SpinJsonNode> reviews = Publication.REVIEWS.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of());
      int number = 0;
      for (SpinJsonNode review : reviews) {
        number++;
        String notes = text(review, "notes").isEmpty() ? "" : " " + text(review, "notes");
        facts.text("publicationReview" + number, "Reviewed " + UkDates.longDate(date(review, "on")),
            Publication.REMOVE.equals(text(review, "decision"))
                ? "Removed on " + UkDates.longDate(date(review, "removedOn")) + ": " + text(review, "reason")
                : "Stays published" + (text(review, "againOn").isEmpty() ? "; not to be looked at again."
                    : "; to be looked at again on " + UkDates.longDate(date(review, "againOn")) + ".") + notes);
      }
      boolean open = CaseHistory.isOpen(publication);
      file.section(new CaseFile.Section(publication.getId(), "publication", STAGE, status(open, v, released),
          null, facts.list(), List.of(), documents(history, publication), publication.getId()));

      if (earliest != null) {
        CaseFileDraft.DeadlineDraft allowed = file.deadline(Publication.EARLIEST.name(), "Publishing allowed from", STAGE, earliest,
            publication.getId());
        // a day from which something may be done, not one by which it must: reached, it is met
        if (published != null || !history.today().isBefore(earliest)) {
          allowed.met(earliest);
        }
      }
      Publication.PLANNED_ON.from(v).ifPresent(planned -> file.deadline(Publication.TASK_RECORD,
          "Publication, on the day planned", STAGE, planned, publication.getId()).met(published));
      if (Publication.UNTIL_DATE.equals(holdKind)) {
        Publication.HELD_UNTIL.from(v).ifPresent(until -> file.deadline(Publication.TASK_RELEASE_EARLY,
            "The held publication goes ahead", STAGE, until, publication.getId()).met(released));
      }
      number = 0;
      for (SpinJsonNode review : reviews) {
        file.deadline(Publication.TASK_REVIEW, reviewName(number++), STAGE, date(review, "due"), publication.getId())
            .met(date(review, "on"));
      }
      if (open) {
        int next = number;
        Publication.REVIEW_DUE.from(v).ifPresent(due -> file.deadline(Publication.TASK_REVIEW, reviewName(next), STAGE, due,
            publication.getId()));
      }
    }
  }

  private static String reviewName(int earlier) {
    return earlier == 0 ? "The one-year review: does the report stay published?"
        : "Looking again: does the report stay published?";
  }

  private static String status(boolean open, Map<String, Object> v, LocalDate released) {
    if (!open) {
      return Publication.REMOVED_ON.from(v).isPresent() ? "Removed" : Publication.PUBLISHED_ON.from(v).isPresent() ? "Published" : "Done";
    }
    if (Publication.PUBLISHED_ON.from(v).isPresent()) {
      return "Published";
    }
    if (Publication.EARLIEST.from(v).isPresent()) {
      return "Publishing allowed from " + UkDates.longDate(Publication.EARLIEST.from(v).get());
    }
    String hold = Publication.HOLD.from(v).orElse(null);
    if (released == null && Publication.UNTIL_RELEASED.equals(hold)) {
      return "Held until released";
    }
    if (released == null && Publication.UNTIL_DATE.equals(hold)) {
      return "Held until " + Publication.HELD_UNTIL.from(v).map(UkDates::longDate).orElse("a date");
    }
    return "Being prepared";
  }

  /** The versions attached to the anonymisation check: what was checked, and so what is published. */
  private static List<CaseFile.Document> documents(CaseHistory history, HistoricProcessInstance publication) {
    List<CaseFile.Document> documents = new ArrayList<>();
    for (HistoricTaskInstance task : history.tasks(publication.getId())) {
      if (Publication.TASKS_TAKING_DOCUMENTS.contains(task.getTaskDefinitionKey())) {
        for (Attachment a : history.attachments(task.getId())) {
          documents.add(new CaseFile.Document(a.getId(), a.getName(), a.getType(),
              a.getCreateTime() == null ? null : a.getCreateTime().toInstant(), null));
        }
      }
    }
    return documents;
  }

  static String text(SpinJsonNode node, String property) {
    return node == null || !node.hasProp(property) || node.prop(property).isNull() ? "" : node.prop(property).stringValue();
  }

  static LocalDate date(SpinJsonNode node, String property) {
    String text = text(node, property);
    return text.isBlank() ? null : LocalDate.parse(text);
  }
}
