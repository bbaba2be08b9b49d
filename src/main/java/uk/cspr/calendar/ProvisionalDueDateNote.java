package uk.cspr.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A task whose due date rests on bank holidays computed by rule, beyond the published calendar,
 * says so in its description, where the person doing it reads what is asked: the date may move
 * when gov.uk publishes the year's bank holidays.
 */
public class ProvisionalDueDateNote extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final BankHolidays bankHolidays;

  public ProvisionalDueDateNote(BankHolidays bankHolidays) {
    this.bankHolidays = bankHolidays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener note = this::note;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, note);
      }
    });
  }

  static final String NOTE_START = "This due date counts bank holidays worked out by rule";

  /** The description without the note, once the due date rests on published bank holidays again. */
  public static String withoutNote(String description) {
    if (description == null || !description.contains(NOTE_START)) {
      return description;
    }
    String without = description.substring(0, description.indexOf(NOTE_START)).stripTrailing();
    return without.isEmpty() ? null : without;
  }

  void note(DelegateTask task) {
    if (task.getDueDate() == null) {
      return;
    }
    LocalDate due = task.getDueDate().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    if (bankHolidays.isProvisional(due)) {
      String note = NOTE_START + ", beyond those gov.uk has published "
          + "(to " + bankHolidays.lastDay().format(LONG_DATE) + "): it may move when the year's bank holidays are "
          + "published.";
      task.setDescription(task.getDescription() == null ? note : task.getDescription() + "\n\n" + note);
    }
  }
}
