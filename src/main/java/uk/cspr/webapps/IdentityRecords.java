package uk.cspr.webapps;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.identity.Groups;
import uk.cspr.identifying.ChildDetails;
import uk.cspr.identifying.ChildIdentity;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.identifying.IncidentPlace;
import uk.cspr.validation.Problem;

/**
 * The coordinators' side of the identifying details, the same through the API and Tasklist's case
 * file: who may record and read them, the case and child they must belong to, and their checks.
 * A refusal names fields and never quotes a value: the values are what the log must never hold.
 */
final class IdentityRecords {

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

  private final CaseFiles caseFiles;
  private final IdentifyingDetails details;
  private final IdentityService identity;

  IdentityRecords(CaseFiles caseFiles, IdentifyingDetails details, IdentityService identity) {
    this.caseFiles = caseFiles;
    this.details = details;
    this.identity = identity;
  }

  void recordChild(String reference, String childReference, ChildIdentity submitted) {
    Authentication person = coordinator("record");
    CaseFile file = childOf(reference, childReference);
    List<Problem> problems = submitted.problems(incidentDate(file));
    if (!problems.isEmpty()) {
      throw refusal("The child's identifying details were not recorded", problems);
    }
    details.record(reference, childReference, submitted, person.getUserId());
  }

  void recordPlace(String reference, IncidentPlace submitted) {
    Authentication person = coordinator("record");
    caseFile(reference);
    List<Problem> problems = submitted.problems();
    if (!problems.isEmpty()) {
      throw refusal("Where the incident happened was not recorded", problems);
    }
    details.recordPlace(reference, submitted, person.getUserId());
  }

  /** Every child's details and the incident's place, each reading recorded as through {@code through}. */
  CaseDetails read(String reference, String through) {
    Authentication person = coordinator("read");
    CaseFile file = caseFile(reference);
    List<ChildDetails> children = details.childrenWithDetails(reference).stream()
        .flatMap(child -> details.read(reference, child, person.getUserId(), through)
            .map(identity -> new ChildDetails(child, identity)).stream()).toList();
    return new CaseDetails(file.children().stream().map(CaseFile.Child::reference).toList(), children,
        details.readPlace(reference, person.getUserId(), through).map(IncidentPlace::place).orElse(null),
        details.views(reference), details.erasures(reference));
  }

  /**
   * What the coordinators see of a case's details.
   *
   * @param childReferences every child of the case, with details or not, so each may be recorded
   */
  record CaseDetails(List<String> childReferences, List<ChildDetails> children, String incidentPlace,
      List<IdentifyingDetails.View> views, List<IdentifyingDetails.Erasure> erasures) {}

  /** The case as the person sees it: 404 or 403 for a case they may not see. */
  CaseFile caseFile(String reference) {
    return caseFiles.file(reference);
  }

  CaseFile childOf(String reference, String childReference) {
    CaseFile file = caseFile(reference);
    if (file.children().stream().noneMatch(child -> child.reference().equals(childReference))) {
      throw new Refused(404, "Case " + reference + " has no child " + childReference
          + ": details belong to a child the case records", List.of(new Problem("childReference",
          "Case " + reference + " has no child " + childReference)));
    }
    return file;
  }

  Authentication coordinator(String what) {
    Authentication person = signedIn();
    if (!isCoordinator(person)) {
      throw new Refused(403, "Only the coordinators " + what + " a child's identifying details", List.of());
    }
    return person;
  }

  Authentication signedIn() {
    Authentication person = identity.getCurrentAuthentication();
    if (person == null) {
      throw new Refused(401, "Log in to read or record identifying details", List.of());
    }
    return person;
  }

  static boolean isCoordinator(Authentication person) {
    return in(person, Groups.COORDINATORS);
  }

  static boolean in(Authentication person, String group) {
    return person.getGroupIds() != null && person.getGroupIds().contains(group);
  }

  private static Refused refusal(String what, List<Problem> problems) {
    return new Refused(400, what + ": " + String.join("; ", problems.stream().map(Problem::message).toList()), problems);
  }

  private static LocalDate incidentDate(CaseFile file) {
    return file.recorded().stream().filter(fact -> "incidentDate".equals(fact.key()))
        .map(fact -> fact.value() instanceof LocalDate date ? date : null).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }
}
