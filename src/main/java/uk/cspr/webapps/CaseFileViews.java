package uk.cspr.webapps;

import java.util.List;
import uk.cspr.casefile.CaseSummary;
import uk.cspr.casefile.DeadlineRow;

/** The lists in both doors' shapes: as JSON they are the records; as CSV, these columns. */
final class CaseFileViews {

  static final List<Csv.Column<CaseSummary>> CASE_COLUMNS = List.of(
      new Csv.Column<>("reference", CaseSummary::reference),
      new Csv.Column<>("state", CaseSummary::state),
      new Csv.Column<>("awareDate", CaseSummary::awareDate),
      new Csv.Column<>("incidentType", CaseSummary::incidentType),
      new Csv.Column<>("route", CaseSummary::route),
      new Csv.Column<>("children", CaseSummary::children),
      new Csv.Column<>("stage", CaseSummary::stage),
      new Csv.Column<>("nextDeadline", CaseSummary::nextDeadline),
      new Csv.Column<>("nextDue", CaseSummary::nextDue),
      new Csv.Column<>("workingDaysLeft", CaseSummary::workingDaysLeft),
      new Csv.Column<>("rag", CaseSummary::rag),
      new Csv.Column<>("missedDeadlines", CaseSummary::missedDeadlines),
      new Csv.Column<>("immediateConcerns", CaseSummary::immediateConcerns),
      new Csv.Column<>("requestsAnswered", CaseSummary::requestsAnswered),
      new Csv.Column<>("requestsMade", CaseSummary::requestsMade),
      new Csv.Column<>("closedOn", CaseSummary::closedOn));

  static final List<Csv.Column<DeadlineRow>> DEADLINE_COLUMNS = List.of(
      new Csv.Column<>("reference", DeadlineRow::reference),
      new Csv.Column<>("deadline", DeadlineRow::deadline),
      new Csv.Column<>("key", DeadlineRow::key),
      new Csv.Column<>("stage", DeadlineRow::stage),
      new Csv.Column<>("due", DeadlineRow::due),
      new Csv.Column<>("status", DeadlineRow::status),
      new Csv.Column<>("workingDaysLeft", DeadlineRow::workingDaysLeft),
      new Csv.Column<>("rag", DeadlineRow::rag),
      new Csv.Column<>("completedOn", DeadlineRow::completedOn),
      new Csv.Column<>("onTime", DeadlineRow::onTime),
      new Csv.Column<>("provisional", DeadlineRow::provisional));

  /**
   * Whether a list is asked for as CSV: {@code ?format=csv}, or {@code Accept: text/csv} without a
   * format. A format that is neither is the caller's mistake.
   */
  static boolean csv(String format, String accept) {
    if (format == null || format.isBlank()) {
      return accept != null && accept.contains("text/csv");
    }
    return switch (format) {
      case "csv" -> true;
      case "json" -> false;
      default -> throw new uk.cspr.casefile.CaseFiles.Refused(400, "format must be json or csv (was '" + format + "')");
    };
  }

  private CaseFileViews() {}
}
