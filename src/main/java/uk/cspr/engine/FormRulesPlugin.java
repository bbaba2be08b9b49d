package uk.cspr.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import uk.cspr.validation.FormRules;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;

/**
 * Every user task with a Camunda Form holds its answers to the form's own rules as it completes
 * ({@link FormRules}), whoever completes it and however: a stage's own end listener checks them
 * with its Java rules in one refusal, and this, the task's last end listener, checks a task that
 * has none. A refusal rolls the completion back; the task stays open.
 */
public class FormRulesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener enforce = execution -> {
      if (execution.isCanceled() || FormRules.checkedAt(execution)) {
        return;
      }
      List<Problem> problems = FormRules.problemsAt(execution);
      if (!problems.isEmpty()) {
        throw new Refusal("The answers were not recorded", problems);
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_END, enforce);
      }
    });
  }
}
