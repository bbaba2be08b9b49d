package uk.cspr.webapps;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.partnership.Partnership;
import uk.cspr.reports.TimelinessChart;
import uk.cspr.reports.TimelinessReport;
import uk.cspr.reports.TimelinessReports;

/**
 * The timeliness report for the partners' yearly report: {@code /api/reports/timeliness?from=…&to=…}
 * as JSON, or CSV ({@code ?format=csv} or {@code Accept: text/csv}), and its chart as a PNG
 * ({@code /api/reports/timeliness/chart.png}); behind the API's HTTP Basic login, for coordinators
 * and managers.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsApi {

  private final TimelinessReports reports;
  private final Partnership partnership;

  ReportsApi(TimelinessReports reports, Partnership partnership) {
    this.reports = reports;
    this.partnership = partnership;
  }

  @GetMapping("/timeliness")
  ResponseEntity<?> timeliness(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = CaseFileViews.csv(format, accept);
    TimelinessReport report = reports.report(from, to);
    if (!csv) {
      return ResponseEntity.ok(report);
    }
    return ResponseEntity.ok().contentType(CaseFileApi.CSV).header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"" + ReportViews.csvName(report) + "\"").body(ReportViews.csv(report));
  }

  @GetMapping(path = "/timeliness/chart.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> chart(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .body(TimelinessChart.png(reports.report(from, to), partnership.name()));
  }

  @ExceptionHandler(CaseFiles.Refused.class)
  ResponseEntity<Map<String, String>> refused(CaseFiles.Refused refused) {
    return CaseFileApi.answer(refused);
  }
}
