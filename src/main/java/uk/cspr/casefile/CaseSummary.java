package uk.cspr.casefile;

import java.time.LocalDate;

/**
 * One row of the list of cases: a spreadsheet's worth of where each stands.
 *
 * @param nextDeadline the open deadline due soonest (a missed one first), or null when none is open
 * @param missedDeadlines open deadlines already past, and deadlines met late
 */
public record CaseSummary(String reference, String processInstanceId, String state, LocalDate awareDate,
    String incidentType, String route, int children, String stage, String nextDeadline, LocalDate nextDue,
    Integer workingDaysLeft, String rag, int missedDeadlines, int immediateConcerns, int requestsAnswered,
    int requestsMade, LocalDate closedOn) {

  static CaseSummary of(CaseFile file) {
    CaseFile.Deadline next = file.deadlines().stream().filter(d -> "OPEN".equals(d.status()))
        .min(java.util.Comparator.comparing(CaseFile.Deadline::due)).orElse(null);
    int missed = (int) file.deadlines().stream()
        .filter(d -> "MET_LATE".equals(d.status()) || "RED".equals(d.rag())).count();
    var requests = file.sections().stream().filter(s -> "agency-request".equals(s.kind())).toList();
    return new CaseSummary(file.reference(), file.processInstanceId(), file.state(),
        fact(file, "awareDate") instanceof LocalDate aware ? aware : null,
        fact(file, "incidentType") instanceof String type ? type : null,
        fact(file, "notificationRoute") instanceof String route ? route : null,
        file.children().size(), String.join("; ", file.stage()),
        next == null ? null : next.name(), next == null ? null : next.due(),
        next == null ? null : next.workingDaysLeft(), next == null ? null : next.rag(), missed,
        file.immediateConcerns().size(),
        (int) requests.stream().filter(s -> "Answered".equals(s.status())).count(), requests.size(), file.closedOn());
  }

  private static Object fact(CaseFile file, String key) {
    return file.recorded().stream().filter(f -> key.equals(f.key())).map(CaseFile.Fact::value).findFirst().orElse(null);
  }
}
