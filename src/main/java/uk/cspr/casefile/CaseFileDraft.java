package uk.cspr.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.cspr.calendar.UkDates;

/** What the stages write into a case file before it is put together; see {@link CaseFileContribution}. */
public final class CaseFileDraft {

  final List<CaseFile.Fact> recorded = new ArrayList<>();
  final List<CaseFile.Child> children = new ArrayList<>();
  final List<DeadlineDraft> deadlines = new ArrayList<>();
  final List<CaseFile.Concern> concerns = new ArrayList<>();
  final List<CaseFile.Section> sections = new ArrayList<>();
  final Map<String, String> completedBy = new HashMap<>();
  final Map<String, String> stageNames = new HashMap<>();

  CaseFileDraft() {}

  /** A fact recorded about the case (shown under "Recorded"); text is how a person reads the value. */
  public void recorded(String key, String label, Object value, String text) {
    if (value != null) {
      recorded.add(new CaseFile.Fact(key, label, value, text));
    }
  }

  /** A date recorded about the case, shown as a UK date. */
  public void recordedDate(String key, String label, LocalDate date) {
    if (date != null) {
      recorded(key, label, date, UkDates.longDate(date));
    }
  }

  public void child(String reference, Integer age, String status) {
    children.add(new CaseFile.Child(reference, age, status));
  }

  /**
   * A statutory deadline this stage owns. It is open until {@link DeadlineDraft#met} or
   * {@link DeadlineDraft#notNeeded}; an open one whose process has ended is not needed any more.
   */
  public DeadlineDraft deadline(String key, String name, String stage, LocalDate due, String processInstanceId) {
    DeadlineDraft deadline = new DeadlineDraft(key, name, stage, due, processInstanceId);
    deadlines.add(deadline);
    return deadline;
  }

  public void concern(String agency, LocalDate raisedOn, String concern, String processInstanceId) {
    concerns.add(new CaseFile.Concern(agency, raisedOn, concern, processInstanceId));
  }

  public void section(CaseFile.Section section) {
    sections.add(section);
  }

  /** Who completed a task the engine records no user for (an answer sent through a response link). */
  public void completedBy(String taskId, String by) {
    completedBy.put(taskId, by);
  }

  /** How the timeline names a stage's instance ("Request to Police"), instead of its process's name. */
  public void stageName(String processInstanceId, String name) {
    stageNames.put(processInstanceId, name);
  }

  /** A deadline as its stage knows it: due, and met on a day or not needed. */
  public static final class DeadlineDraft {
    final String key;
    final String name;
    final String stage;
    final LocalDate due;
    final String processInstanceId;
    LocalDate metOn;
    boolean notNeeded;

    DeadlineDraft(String key, String name, String stage, LocalDate due, String processInstanceId) {
      this.key = key;
      this.name = name;
      this.stage = stage;
      this.due = due;
      this.processInstanceId = processInstanceId;
    }

    public DeadlineDraft met(LocalDate on) {
      this.metOn = on;
      return this;
    }

    public DeadlineDraft notNeeded() {
      this.notNeeded = true;
      return this;
    }
  }
}
