package uk.cspr.agency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.validation.Answers;

/**
 * A form an agency may be asked to answer with ({@code requestForm} of {@code cspr-agency-request}),
 * and what goes with it that the form itself cannot say: how Tasklist names the agency's task, what
 * its receipt says comes next, whether the request's own due date is listed among the case's
 * deadlines, and the checks across its fields. The agency request registers its own form
 * ({@code provide-agency-information}); a stage that asks with a form of its own registers a bean of
 * this type beside it, and the request refuses a form nobody registered.
 */
public interface AgencyRequestForm {

  /** The form's id, as in {@code forms/<id>.form}. */
  String formId();

  /** The agency's task as Tasklist lists it, where several cases and agencies meet. */
  String taskName(String caseReference);

  /** The coordinators' task that follows the request (extend or withdraw it), as Tasklist lists it. */
  default String trackingTaskName(String agencyName, String caseReference) {
    return "Track the request to " + agencyName + " for case " + caseReference;
  }

  /** How the case file and its timeline name a request asked with this form. */
  default String requestTitle(String agencyName) {
    return "Request to " + agencyName;
  }

  /** The sentence of the receipt that says what happens next. */
  String afterReceipt();

  /**
   * Whether the case file lists the request's due date among the case's deadlines; false where the
   * stage that asked lists the deadline in its own terms (an action's due date, say).
   */
  default boolean deadlineListedWithTheRequest() {
    return true;
  }

  /**
   * The answers checked beyond the form's own rules (which {@code answers} has already applied):
   * a date against today, a field shown only after a choice. Each problem goes to {@code answers}.
   */
  void check(DelegateExecution execution, Answers answers);
}
