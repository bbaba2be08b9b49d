package uk.cspr.webapps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.identity.Groups;
import uk.cspr.identifying.ChildIdentity;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.identifying.IncidentPlace;
import uk.cspr.validation.Problem;

/**
 * The identifying details for scripts: a child's ({@code PUT}/{@code GET
 * /api/cases/{reference}/children/{childReference}/identity}) and where the incident happened
 * ({@code …/api/cases/{reference}/incident-place}), by the coordinators, each reading recorded;
 * erased ({@code POST …/erasure} with its {@code lawfulBasis}) by an administrator on a lawful
 * request, the erasure itself recorded. A manager learns only whether they are recorded. The
 * details are never logged: a refusal names fields.
 */
@RestController
@RequestMapping("/api/cases/{reference}")
class IdentityApi {

  private static final Logger log = LoggerFactory.getLogger("uk.cspr.refused");
  static final String THROUGH = "the identifying details API";

  private final IdentityRecords records;
  private final IdentifyingDetails details;

  IdentityApi(CaseFiles caseFiles, IdentifyingDetails details, ProcessEngine engine) {
    this.records = new IdentityRecords(caseFiles, details, engine.getIdentityService());
    this.details = details;
  }

  @PutMapping(path = "/children/{childReference}/identity", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> record(@PathVariable String reference, @PathVariable String childReference,
      @RequestBody ChildIdentity submitted) {
    records.recordChild(reference, childReference, submitted);
    log.info("Case {}: identifying details of {} recorded", reference, childReference);
    return ResponseEntity.ok(Map.of("childReference", childReference, "recorded", true));
  }

  @GetMapping(path = "/children/{childReference}/identity", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> read(@PathVariable String reference, @PathVariable String childReference) {
    Authentication person = records.signedIn();
    records.childOf(reference, childReference);
    if (!IdentityRecords.isCoordinator(person)) {
      // a manager, reading the case: that details are kept, never what they are
      return ResponseEntity.ok(Map.of("childReference", childReference,
          "recorded", details.childrenWithDetails(reference).contains(childReference)));
    }
    return details.read(reference, childReference, person.getUserId(), THROUGH)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseThrow(() -> new IdentityRecords.Refused(404, "No identifying details are recorded for child "
            + childReference + " of case " + reference, List.of()));
  }

  /** An erasure on a lawful request: the basis (the request and its date) is kept, the details are not. */
  @PostMapping(path = "/children/{childReference}/identity/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> erase(@PathVariable String reference, @PathVariable String childReference,
      @RequestBody Map<String, String> body) {
    Authentication person = administrator();
    String basis = lawfulBasis(body);
    if (!details.erase(reference, childReference, person.getUserId(), basis)) {
      throw new IdentityRecords.Refused(404, "No identifying details are recorded for child " + childReference
          + " of case " + reference, List.of());
    }
    log.info("Case {}: identifying details of {} erased by {}", reference, childReference, person.getUserId());
    return ResponseEntity.ok(Map.of("childReference", childReference, "erased", true));
  }

  @PutMapping(path = "/incident-place", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> recordPlace(@PathVariable String reference, @RequestBody IncidentPlace submitted) {
    records.recordPlace(reference, submitted);
    log.info("Case {}: where the incident happened recorded", reference);
    return ResponseEntity.ok(Map.of("recorded", true));
  }

  @GetMapping(path = "/incident-place", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> readPlace(@PathVariable String reference) {
    Authentication person = records.signedIn();
    records.caseFile(reference);
    if (!IdentityRecords.isCoordinator(person)) {
      return ResponseEntity.ok(Map.of("recorded", details.recorded(reference).stream()
          .anyMatch(r -> r.childReference() == null)));
    }
    return details.readPlace(reference, person.getUserId(), THROUGH)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseThrow(() -> new IdentityRecords.Refused(404, "Where the incident happened is not recorded for case "
            + reference, List.of()));
  }

  @PostMapping(path = "/incident-place/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> erasePlace(@PathVariable String reference, @RequestBody Map<String, String> body) {
    Authentication person = administrator();
    String basis = lawfulBasis(body);
    if (!details.erasePlace(reference, person.getUserId(), basis)) {
      throw new IdentityRecords.Refused(404, "Where the incident happened is not recorded for case " + reference,
          List.of());
    }
    log.info("Case {}: where the incident happened erased by {}", reference, person.getUserId());
    return ResponseEntity.ok(Map.of("erased", true));
  }

  private Authentication administrator() {
    Authentication person = records.signedIn();
    if (!IdentityRecords.in(person, Groups.ADMINISTRATORS)) {
      throw new IdentityRecords.Refused(403, "Only an administrator erases identifying details, on a lawful request",
          List.of());
    }
    return person;
  }

  private static String lawfulBasis(Map<String, String> body) {
    String basis = body.getOrDefault("lawfulBasis", "");
    if (basis == null || basis.isBlank() || basis.length() > 2000) {
      throw new IdentityRecords.Refused(400, "Say the lawful basis of the erasure (the request and its date), in at "
          + "most 2000 characters", List.of(new Problem("lawfulBasis", "The lawful basis of the erasure is required")));
    }
    return basis.trim();
  }

  @ExceptionHandler(IdentityRecords.Refused.class)
  ResponseEntity<Map<String, Object>> refused(IdentityRecords.Refused refused) {
    log.warn("Refused: {} ({})", refused.problems.isEmpty() ? refused.getMessage()
        : refused.problems.stream().map(Problem::field).toList(), refused.status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", refused.getMessage());
    body.put("problems", refused.problems);
    return ResponseEntity.status(refused.status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(CaseFiles.Refused.class)
  ResponseEntity<Map<String, Object>> refused(CaseFiles.Refused refused) {
    return refused(new IdentityRecords.Refused(refused.status, refused.getMessage(), List.of()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // the body is not echoed: it may be a child's details
    return refused(new IdentityRecords.Refused(400, "The details must be JSON: for a child fullName, otherNames (a "
        + "list), dateOfBirth (yyyy-MM-dd), address, nhsNumber, carers (a list); for the incident, place", List.of()));
  }
}
