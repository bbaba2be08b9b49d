package uk.cspr.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.agency.AgencyRequestForm;
import uk.cspr.validation.Answers;

/**
 * {@code confirm-learning-dissemination}: an agency asked how the learning reached its practitioners
 * (briefings, training, supervision, reflective sessions), how many and when. Each agency's
 * confirmation is a deadline of this stage, listed by it.
 */
class DisseminationForm implements AgencyRequestForm {

  private final LearningAnswers answers;

  DisseminationForm(LearningAnswers answers) {
    this.answers = answers;
  }

  @Override
  public String formId() {
    return Learning.FORM_DISSEMINATION;
  }

  @Override
  public String taskName(String caseReference) {
    return "Confirm how the learning reached your practitioners, case " + caseReference;
  }

  @Override
  public String trackingTaskName(String agencyName, String caseReference) {
    return "Track " + agencyName + "'s confirmation of the learning for case " + caseReference;
  }

  @Override
  public String requestTitle(String agencyName) {
    return "Request to " + agencyName + ": the learning's dissemination";
  }

  @Override
  public String afterReceipt() {
    return "The partners read it with the other agencies' confirmations when they review the learning's impact.";
  }

  @Override
  public boolean deadlineListedWithTheRequest() {
    return false;
  }

  @Override
  public void check(DelegateExecution execution, Answers checks) {
    answers.checkDissemination(checks);
  }
}
