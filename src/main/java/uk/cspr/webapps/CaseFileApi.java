package uk.cspr.webapps;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.casefile.CaseFiles;

/**
 * The case file's door for scripts and spreadsheets: {@code /api/cases}, {@code /api/cases/{reference}}
 * and {@code /api/deadlines}, behind the API's HTTP Basic login. The lists come as JSON, or as CSV
 * with {@code ?format=csv} or {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api")
class CaseFileApi {

  private static final Logger log = LoggerFactory.getLogger("uk.cspr.refused");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final CaseFiles caseFiles;

  CaseFileApi(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @GetMapping("/cases")
  ResponseEntity<?> cases(@RequestParam(required = false) String state, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = CaseFileViews.csv(format, accept);
    var cases = caseFiles.cases(state);
    return csv ? csv("cases.csv", Csv.of(CaseFileViews.CASE_COLUMNS, cases)) : ResponseEntity.ok(cases);
  }

  @GetMapping("/deadlines")
  ResponseEntity<?> deadlines(@RequestParam(required = false) String state, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = CaseFileViews.csv(format, accept);
    var rows = caseFiles.deadlines(state);
    return csv ? csv("deadlines.csv", Csv.of(CaseFileViews.DEADLINE_COLUMNS, rows)) : ResponseEntity.ok(rows);
  }

  @GetMapping(path = "/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> file(@PathVariable String reference, @RequestParam(required = false) String format) {
    if (format != null && !format.equals("json")) {
      throw new CaseFiles.Refused(400, "A case file comes as JSON; CSV is for the lists of cases and deadlines");
    }
    return ResponseEntity.ok(caseFiles.file(reference).withDocumentsUnder("/api/cases/" + reference + "/"));
  }

  private static ResponseEntity<String> csv(String name, String body) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
  }

  @ExceptionHandler(CaseFiles.Refused.class)
  ResponseEntity<Map<String, String>> refused(CaseFiles.Refused refused) {
    return answer(refused);
  }

  /** A refusal as our API answers one: its status, its message as JSON, and a one-line warning in the log. */
  static ResponseEntity<Map<String, String>> answer(CaseFiles.Refused refused) {
    log.warn("Refused: {} ({})", refused.getMessage(), refused.status);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(refused.status).contentType(MediaType.APPLICATION_JSON);
    if (refused.status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CSPR\"");
    }
    return response.body(Map.of("message", refused.getMessage()));
  }
}
