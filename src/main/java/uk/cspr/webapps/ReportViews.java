package uk.cspr.webapps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.cspr.reports.TimelinessReport;

/** The timeliness report as CSV, the same through our API and through Cockpit's plugin. */
final class ReportViews {

  private ReportViews() {
  }

  /** One row for the whole period and one for each quarter, for each measure. */
  record Row(String period, LocalDate from, LocalDate to, TimelinessReport.Measure measure) {}

  static final List<Csv.Column<Row>> COLUMNS = List.of(
      new Csv.Column<>("period", Row::period),
      new Csv.Column<>("from", Row::from),
      new Csv.Column<>("to", Row::to),
      new Csv.Column<>("measure", r -> r.measure().key()),
      new Csv.Column<>("name", r -> r.measure().name()),
      new Csv.Column<>("deadline", r -> r.measure().deadline()),
      new Csv.Column<>("count", r -> r.measure().count()),
      new Csv.Column<>("onTime", r -> r.measure().onTime()),
      new Csv.Column<>("shareOnTime", r -> r.measure().shareOnTime()),
      new Csv.Column<>("medianWorkingDays", r -> r.measure().medianWorkingDays()));

  static String csv(TimelinessReport report) {
    List<Row> rows = new ArrayList<>();
    report.measures().forEach(m -> rows.add(new Row("whole period", report.from(), report.to(), m)));
    report.quarters().forEach(q -> q.measures().forEach(m -> rows.add(new Row(q.label(), q.from(), q.to(), m))));
    return Csv.of(COLUMNS, rows);
  }

  static String csvName(TimelinessReport report) {
    return "timeliness-" + report.from() + "-to-" + report.to() + ".csv";
  }
}
