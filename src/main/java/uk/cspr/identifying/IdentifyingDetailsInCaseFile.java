package uk.cspr.identifying;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import uk.cspr.calendar.UkDates;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.variables.ProcessVariable;

/**
 * What the case file says of the identifying details: for each child, and for the incident's
 * place, whether they are recorded, by whom and when; then every reading and erasure. Never the
 * details themselves, so the section is the same in Tasklist, Cockpit (where managers learn that
 * details exist, not what they are) and the API. Those who read the case through their own task
 * alone (an agency) get no section: their request shows them the details instead.
 */
class IdentifyingDetailsInCaseFile implements CaseFileContribution {

  static final String KIND = "identifying-details";
  /** The case's own variable, read here by name: this package does not reach into the case's. */
  private static final ProcessVariable<List<String>> CHILD_REFERENCES = ProcessVariable.texts("childReferences");
  private static final String PLACE = "Where the incident happened";

  private final IdentifyingDetails details;

  IdentifyingDetailsInCaseFile(IdentifyingDetails details) {
    this.details = details;
  }

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    HistoricProcessInstance theCase = history.caseInstance().orElse(null);
    if (theCase == null || !history.wholeCase()) {
      return;
    }
    String reference = history.reference();
    Map<String, IdentifyingDetails.Recorded> recorded = details.recorded(reference).stream()
        .collect(Collectors.toMap(r -> r.childReference() == null ? "" : r.childReference(), Function.identity()));
    List<String> children = new ArrayList<>(recorded.keySet().stream().filter(child -> !child.isEmpty()).toList());
    CHILD_REFERENCES.from(history.variables(theCase.getId())).orElse(List.of()).stream()
        .filter(child -> !children.contains(child)).forEach(children::add);

    List<CaseFile.Fact> facts = new ArrayList<>();
    children.stream().sorted().forEach(child -> facts.add(recordedFact("child:" + child, "Child " + child,
        recorded.get(child))));
    facts.add(recordedFact("incidentPlace", PLACE, recorded.get("")));
    for (IdentifyingDetails.View view : details.views(reference)) {
      facts.add(new CaseFile.Fact("seen", "Seen " + UkDates.longDateTime(view.viewedAt()), null,
          view.viewedBy() + " saw " + what(view.childReference()) + ", through " + view.viewedThrough()));
    }
    for (IdentifyingDetails.Erasure erasure : details.erasures(reference)) {
      facts.add(new CaseFile.Fact("erased", "Erased " + UkDates.longDateTime(erasure.erasedAt()), null,
          erasure.erasedBy() + " erased " + what(erasure.childReference()) + " on a lawful request: "
              + erasure.lawfulBasis()));
    }
    long kept = recorded.keySet().stream().filter(key -> !key.isEmpty()).count();
    String status = kept == 0 ? "Not recorded" : kept < children.size() ? "Partly recorded" : "Recorded";
    file.section(new CaseFile.Section("identifying-details-" + reference, KIND, "Identifying details", status, null,
        facts, List.of(), List.of(), theCase.getId()));
  }

  private static CaseFile.Fact recordedFact(String key, String label, IdentifyingDetails.Recorded recorded) {
    return new CaseFile.Fact(key, label, recorded != null, recorded == null ? "Not recorded"
        : "Recorded by " + recorded.recordedBy() + ", " + UkDates.longDateTime(recorded.recordedAt()));
  }

  private static String what(String childReference) {
    return childReference == null ? "where the incident happened" : "the details of child " + childReference;
  }
}
