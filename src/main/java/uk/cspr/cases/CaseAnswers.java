package uk.cspr.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.validation.Answers;

/** Checks the case's own task answers as they are completed (the user tasks' end listeners). */
public class CaseAnswers {

  /**
   * {@code recordNotNotifiableDecision}: Ofsted asks about decisions not to notify as well as
   * notifications, so the reason, who decided and when are all required.
   */
  public void notNotifiableDecision(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not answered
    }
    Answers answers = new Answers(execution);
    answers.dateSinceAwareness(CaseProcess.NOT_NOTIFIABLE_DECIDED_ON.name(), CaseProcess.AWARE_DATE.required(execution));
    answers.refuseIfAnyProblem("The decision not to notify was not recorded");
  }

  /**
   * {@code passToAnotherAuthority}: the hand-over is the record that the duty was met, by the
   * authority whose duty it is; whom, when and by whom are all required.
   */
  public void passedToAnotherAuthority(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.dateSinceAwareness(CaseProcess.PASSED_ON_ON.name(), CaseProcess.AWARE_DATE.required(execution));
    answers.refuseIfAnyProblem("The hand-over to the other authority was not recorded");
  }
}
