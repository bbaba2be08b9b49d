package uk.cspr.casefile;

import java.time.LocalDate;

/** A statutory deadline of a case, as one flat row for scripts and spreadsheets. */
public record DeadlineRow(String reference, String deadline, String key, String stage, LocalDate due, String status,
    Integer workingDaysLeft, String rag, LocalDate completedOn, Boolean onTime, boolean provisional,
    String processInstanceId, String caseProcessInstanceId) {

  static DeadlineRow of(CaseFile file, CaseFile.Deadline d) {
    return new DeadlineRow(file.reference(), d.name(), d.key(), d.stage(), d.due(), d.status(), d.workingDaysLeft(),
        d.rag(), d.completedOn(), d.onTime(), d.provisional(), d.processInstanceId(), file.processInstanceId());
  }
}
