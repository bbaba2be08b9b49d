package uk.cspr.mail;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a stage adds to the mails it sends: the values its templates may use and, where the BPMN
 * asks for them, recipients of its own (an agency's contact). {@code mail/} knows only the case
 * reference, the partnership and the groups named in the BPMN; every stage's own words stay in
 * its own package.
 */
public interface MailContribution {

  /** Whether the mail this execution sends is this stage's: typically, by its process definition ({@link #sentBy}). */
  boolean appliesTo(DelegateExecution execution);

  /** Whether the execution belongs to a definition of the process with this key. */
  static boolean sentBy(DelegateExecution execution, String processKey) {
    return execution.getProcessDefinitionId().startsWith(processKey + ":");
  }

  /**
   * Adds to the model (values by the names templates use) and the recipients' addresses. Only
   * what a template may print belongs in the model: never a child's reference, name or details.
   */
  void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses);
}
