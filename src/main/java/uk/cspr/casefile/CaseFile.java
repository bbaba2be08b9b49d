package uk.cspr.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a case stands, as its coordinators, managers and auditors read it: what was recorded, the
 * stage it is at, every statutory deadline against today, each agency's request with its answers
 * and documents, immediate safeguarding concerns, and the timeline from the engine's history.
 *
 * <p>Children appear only by their pseudonymous references, as everywhere in the engine.
 *
 * @param scope {@code CASE} for the whole file; {@code REQUEST} when the reader sees it through
 *     their own task only (an agency): then it holds that task's part and nothing else
 */
public record CaseFile(
    String reference,
    String scope,
    String processInstanceId,
    String state,
    Instant recordedAt,
    String recordedBy,
    LocalDate closedOn,
    List<String> stage,
    List<Fact> recorded,
    List<Child> children,
    List<Deadline> deadlines,
    List<Concern> immediateConcerns,
    List<Section> sections,
    List<TimelineEntry> timeline) {

  /** The same file with each document's path ({@code documents/<id>}, where the reader may open it) under a door's base. */
  public CaseFile withDocumentsUnder(String base) {
    List<Section> linked = sections.stream().map(s -> new Section(s.id(), s.kind(), s.title(), s.status(), s.rag(),
        s.facts(), s.answers(), s.documents().stream().map(d -> new Document(d.id(), d.name(), d.type(), d.addedAt(),
            d.download() == null ? null : base + d.download())).toList(), s.processInstanceId())).toList();
    return new CaseFile(reference, scope, processInstanceId, state, recordedAt, recordedBy, closedOn, stage, recorded,
        children, deadlines, immediateConcerns, linked, timeline);
  }

  public static final String SCOPE_CASE = "CASE";
  public static final String SCOPE_REQUEST = "REQUEST";

  /** A thing recorded, with its label as the forms say it and its value as a person reads it. */
  public record Fact(String key, String label, Object value, String text) {}

  /** A child the incident concerns, by pseudonymous reference: never a name or identifying detail. */
  public record Child(String reference, Integer age, String status) {}

  /**
   * A statutory deadline against today.
   *
   * @param workingDaysLeft from today to the due day (0 on the day itself); negative once missed,
   *     at least -1 even over the weekend after a Friday deadline; null once met or not needed
   * @param rag {@code RED} missed, {@code AMBER} due within the reminder window, {@code GREEN};
   *     null once met or not needed
   * @param status {@code OPEN}, {@code MET}, {@code MET_LATE} or {@code NOT_NEEDED}
   */
  public record Deadline(String key, String name, String stage, LocalDate due, String dueText, String status,
      LocalDate completedOn, Boolean onTime, Integer workingDaysLeft, String rag, boolean provisional,
      String processInstanceId) {}

  /** Something an agency said puts a child at risk now. */
  public record Concern(String agency, LocalDate raisedOn, String concern, String processInstanceId) {}

  /** A document sent with an answer: downloadable by those who may read the case. */
  public record Document(String id, String name, String type, Instant addedAt, String download) {}

  /**
   * A stage's part of the file: facts, and for an agency request its answers and documents.
   *
   * @param kind what the section is ({@code notification}, {@code agency-request}, …), so a page
   *     or a script can pick the sections it wants
   * @param status a word or two on where this part stands ("Answered", "Overdue", "Withdrawn")
   */
  public record Section(String id, String kind, String title, String status, String rag, List<Fact> facts,
      List<Fact> answers, List<Document> documents, String processInstanceId) {}

  /**
   * One step in the case's history: a stage, a task, a mail, an outcome.
   *
   * @param state {@code DONE}, {@code OPEN} (a task still waiting) or {@code CANCELLED}
   */
  public record TimelineEntry(Instant at, String stage, String what, String kind, String by, LocalDate due,
      Boolean onTime, String state) {}
}
