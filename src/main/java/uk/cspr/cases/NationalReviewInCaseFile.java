package uk.cspr.cases;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;

/**
 * The partners' support of the Panel's national review, in the case file: whether it still runs, the
 * Panel's report once recorded and its findings for the partnership. Each agency asked for the Panel's
 * reviewers has its own request's section, as every agency request does.
 */
class NationalReviewInCaseFile implements CaseFileContribution {

  private static final String STAGE = "Support for the Panel's national review";

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    if (history.caseInstance().isEmpty()) {
      return;
    }
    HistoricProcessInstance theCase = history.caseInstance().get();
    List<HistoricActivityInstance> support = history.activities(theCase.getId()).stream()
        .filter(a -> CaseProcess.SUBPROCESS_SUPPORT_NATIONAL_REVIEW.equals(a.getActivityId())).toList();
    if (support.isEmpty()) {
      return;
    }
    Map<String, Object> v = history.variables(theCase.getId());
    boolean running = support.stream().anyMatch(a -> a.getEndTime() == null);
    Facts facts = new Facts()
        .date(NationalReviewSupport.PUBLISHED_ON.name(), "The Panel published its report on",
            NationalReviewSupport.PUBLISHED_ON.from(v).orElse(null))
        .text(NationalReviewSupport.REFERENCE.name(), "The report", NationalReviewSupport.REFERENCE.from(v).orElse(null))
        .text(NationalReviewSupport.FINDINGS.name(), "Its findings for the partnership",
            NationalReviewSupport.FINDINGS.from(v).orElse(null));
    file.section(new CaseFile.Section(support.get(0).getId(), "national-review", STAGE, running ? "Running" : "Done", null,
        facts.list(), List.of(), List.of(), theCase.getId()));
  }
}
