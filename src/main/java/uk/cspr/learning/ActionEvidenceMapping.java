package uk.cspr.learning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What an action's agency request gives back: its end (answered or withdrawn) goes into the action's
 * own record, never into variables the other actions' requests share. Its inputs are the call
 * activity's {@code camunda:in} mappings, in the BPMN where Modeler shows them.
 */
class ActionEvidenceMapping implements DelegateVariableMapping {

  private final LearningAnswers answers;

  ActionEvidenceMapping(LearningAnswers answers) {
    this.answers = answers;
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    // nothing beyond the camunda:in mappings
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    answers.requestEnded(superExecution, subInstance);
  }
}
