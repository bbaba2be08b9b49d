package uk.cspr.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.agency.AgencyRequestForm;
import uk.cspr.validation.Answers;

/**
 * {@code provide-action-evidence}: an agency asked, through its request, for evidence that an action
 * of the partners' plan it owns is complete (or why not, and when it will be). The action's own due
 * date is this stage's deadline, so the request's is not listed beside it.
 */
class ActionEvidenceForm implements AgencyRequestForm {

  private final LearningAnswers answers;

  ActionEvidenceForm(LearningAnswers answers) {
    this.answers = answers;
  }

  @Override
  public String formId() {
    return Learning.FORM_ACTION_EVIDENCE;
  }

  @Override
  public String taskName(String caseReference) {
    return "Provide evidence of an action for case " + caseReference;
  }

  @Override
  public String trackingTaskName(String agencyName, String caseReference) {
    return "Track " + agencyName + "'s evidence of an action for case " + caseReference;
  }

  @Override
  public String requestTitle(String agencyName) {
    return "Request to " + agencyName + ": evidence of an action";
  }

  @Override
  public String afterReceipt() {
    return "The partners read it with the rest of the action plan; if the action is not complete yet, your agency is "
        + "asked again on the day you gave.";
  }

  @Override
  public boolean deadlineListedWithTheRequest() {
    return false;
  }

  @Override
  public void check(DelegateExecution execution, Answers checks) {
    answers.checkEvidence(execution, checks);
  }
}
