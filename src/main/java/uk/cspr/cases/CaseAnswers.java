package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.WorkingDays;
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
    answers.text(CaseProcess.VAR_NOT_NOTIFIABLE_REASON, Answers.LONG_ANSWER);
    answers.text(CaseProcess.VAR_NOT_NOTIFIABLE_DECIDED_BY, 200);
    dateSinceAwareness(answers, execution, CaseProcess.VAR_NOT_NOTIFIABLE_DECIDED_ON);
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
    answers.text(CaseProcess.VAR_PASSED_ON_TO, 200);
    dateSinceAwareness(answers, execution, CaseProcess.VAR_PASSED_ON_ON);
    answers.text(CaseProcess.VAR_PASSED_ON_BY, 200);
    answers.refuseIfAnyProblem("The hand-over to the other authority was not recorded");
  }

  /**
   * A date answered about the case: nothing about it can be done before the local authority
   * became aware of the incident, nor in the future.
   */
  public static LocalDate dateSinceAwareness(Answers answers, DelegateExecution execution, String name) {
    LocalDate aware = LocalDate.parse((String) execution.getVariable(CaseProcess.VAR_AWARE_DATE));
    return answers.date(name, aware, "the date the local authority became aware", WorkingDays.todayInEngland());
  }
}
