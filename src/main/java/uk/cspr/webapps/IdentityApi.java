package uk.cspr.webapps;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.identity.Groups;
import uk.cspr.identifying.ChildIdentity;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.validation.Problem;

/**
 * A child's identifying details for scripts: {@code PUT}/{@code GET
 * /api/cases/{reference}/children/{childReference}/identity} by the coordinators (each reading
 * recorded), and erased ({@code POST …/identity/erasure} with its {@code lawfulBasis}) by an
 * administrator on a lawful request, the erasure itself recorded. A manager
 * learns only whether details are recorded. The details are never logged: a refusal names fields.
 */
@RestController
@RequestMapping("/api/cases/{reference}/children/{childReference}/identity")
class IdentityApi {

  private static final Logger log = LoggerFactory.getLogger("uk.cspr.refused");
  static final String THROUGH = "the identifying details API";

  private final CaseFiles caseFiles;
  private final IdentifyingDetails details;
  private final IdentityService identity;

  IdentityApi(CaseFiles caseFiles, IdentifyingDetails details, ProcessEngine engine) {
    this.caseFiles = caseFiles;
    this.details = details;
    this.identity = engine.getIdentityService();
  }

  /** Refused, with the status and a message for the person, and the problems field by field. */
  static final class Refused extends RuntimeException {
    final int status;
    final List<Problem> problems;

    Refused(int status, String message, List<Problem> problems) {
      super(message);
      this.status = status;
      this.problems = problems;
    }
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> record(@PathVariable String reference, @PathVariable String childReference,
      @RequestBody ChildIdentity submitted) {
    Authentication person = coordinator("record");
    CaseFile file = childOf(reference, childReference);
    List<Problem> problems = submitted.problems(incidentDate(file));
    if (!problems.isEmpty()) {
      throw new Refused(400, "The identifying details were not recorded: "
          + String.join("; ", problems.stream().map(Problem::message).toList()), problems);
    }
    details.record(reference, childReference, submitted, person.getUserId());
    log.info("Case {}: identifying details of {} recorded by {}", reference, childReference, person.getUserId());
    return ResponseEntity.ok(Map.of("childReference", childReference, "recorded", true));
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> read(@PathVariable String reference, @PathVariable String childReference) {
    Authentication person = reader();
    childOf(reference, childReference);
    if (!in(person, Groups.COORDINATORS)) {
      // a manager, reading the case: that details are kept, never what they are
      return ResponseEntity.ok(Map.of("childReference", childReference,
          "recorded", details.childrenWithDetails(reference).contains(childReference)));
    }
    return details.read(reference, childReference, person.getUserId(), THROUGH)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseThrow(() -> new Refused(404, "No identifying details are recorded for child " + childReference
            + " of case " + reference, List.of()));
  }

  /** An erasure on a lawful request: the basis (the request and its date) is kept, the details are not. */
  @PostMapping(path = "/erasure", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> erase(@PathVariable String reference, @PathVariable String childReference,
      @RequestBody Map<String, String> body) {
    Authentication person = reader();
    if (!in(person, Groups.ADMINISTRATORS)) {
      throw new Refused(403, "Only an administrator erases a child's identifying details, on a lawful request",
          List.of());
    }
    String basis = body.getOrDefault("lawfulBasis", "");
    if (basis == null || basis.isBlank() || basis.length() > 2000) {
      throw new Refused(400, "Say the lawful basis of the erasure (the request and its date), in at most 2000 characters",
          List.of(new Problem("lawfulBasis", "The lawful basis of the erasure is required")));
    }
    if (!details.erase(reference, childReference, person.getUserId(), basis.trim())) {
      throw new Refused(404, "No identifying details are recorded for child " + childReference + " of case "
          + reference, List.of());
    }
    log.info("Case {}: identifying details of {} erased by {}", reference, childReference, person.getUserId());
    return ResponseEntity.ok(Map.of("childReference", childReference, "erased", true));
  }

  private CaseFile childOf(String reference, String childReference) {
    CaseFile file = caseFiles.file(reference); // as the person: 404 or 403 for a case they may not see
    if (file.children().stream().noneMatch(child -> child.reference().equals(childReference))) {
      throw new Refused(404, "Case " + reference + " has no child " + childReference
          + ": details belong to a child the case records", List.of(new Problem("childReference",
          "Case " + reference + " has no child " + childReference)));
    }
    return file;
  }

  private static LocalDate incidentDate(CaseFile file) {
    return file.recorded().stream().filter(fact -> "incidentDate".equals(fact.key()))
        .map(fact -> fact.value() instanceof LocalDate date ? date : null).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
  }

  private Authentication coordinator(String what) {
    Authentication person = reader();
    if (!in(person, Groups.COORDINATORS)) {
      throw new Refused(403, "Only the coordinators " + what + " a child's identifying details", List.of());
    }
    return person;
  }

  private Authentication reader() {
    Authentication person = identity.getCurrentAuthentication();
    if (person == null) {
      throw new CaseFiles.Refused(401, "Log in to read or record identifying details");
    }
    return person;
  }

  private static boolean in(Authentication person, String group) {
    return person.getGroupIds() != null && person.getGroupIds().contains(group);
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<Map<String, Object>> refused(Refused refused) {
    log.warn("Refused: {} ({})", refused.problems.isEmpty() ? refused.getMessage()
        : refused.problems.stream().map(Problem::field).toList(), refused.status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", refused.getMessage());
    body.put("problems", refused.problems);
    return ResponseEntity.status(refused.status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(CaseFiles.Refused.class)
  ResponseEntity<Map<String, Object>> refused(CaseFiles.Refused refused) {
    return refused(new Refused(refused.status, refused.getMessage(), List.of()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // the body is not echoed: it may be a child's details
    return refused(new Refused(400, "The details must be JSON: fullName, otherNames (a list), dateOfBirth "
        + "(yyyy-MM-dd), address, nhsNumber, carers (a list)", List.of()));
  }
}
