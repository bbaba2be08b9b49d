package uk.cspr.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every task's name starts with its case reference ("CSPR-2026-0007: Notify the Panel of the
 * serious incident"), so three cases' notifications are three different lines in Tasklist and a
 * coordinator finds a case's tasks by typing its reference. The BPMN keeps the plain name, which
 * the diagram shows; the reference is the business key every stage carries. A stage that names
 * its tasks itself with the reference (the agency request) is left as it is.
 */
public class CaseReferenceInTaskNames extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener named = CaseReferenceInTaskNames::name;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, named);
      }
    });
  }

  static void name(DelegateTask task) {
    String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    task.setName(withReference(reference, task.getName()));
  }

  /** The name with the reference in front, unless the stage has already named the task with it. */
  public static String withReference(String reference, String name) {
    if (reference == null || reference.isBlank() || name == null || name.contains(reference)) {
      return name;
    }
    return reference + ": " + name;
  }
}
