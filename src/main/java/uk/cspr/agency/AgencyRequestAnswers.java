package uk.cspr.agency;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.validation.Answers;
import uk.cspr.validation.Problems;

/**
 * The checks of {@code cspr-agency-request}: what a caller asks, what an agency answers, and a
 * coordinator's extension or withdrawal. Each runs as an execution listener, so a refusal rolls
 * the action back and reaches REST and Tasklist as a 400 naming the field.
 */
public class AgencyRequestAnswers {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

  private final WorkingDayCalendar calendar;
  private final AgencyRequestForms forms;

  public AgencyRequestAnswers(WorkingDayCalendar calendar, AgencyRequestForms forms) {
    this.calendar = calendar;
    this.forms = forms;
  }

  /**
   * The request starts: the caller must say which agency, what is asked and by when, and may name
   * the form the agency answers with ({@code requestForm}, one registered as an
   * {@link AgencyRequestForm}); without one it is {@code provide-agency-information}.
   */
  public void requestMade(DelegateExecution execution) {
    // started by a stage's delegate or a script, never by a form: named as the variables they set
    Problems problems = new Problems(Map.of());
    Object agencyId = execution.getVariable(AgencyRequest.AGENCY_ID.name());
    Agency agency = agencyId instanceof String id ? Agency.byId(id).orElse(null) : null;
    if (agency == null) {
      problems.add(AgencyRequest.AGENCY_ID.name(), "'" + agencyId + "' is not a known agency");
    }
    if (AgencyRequest.REQUEST_TEXT.from(execution).filter(text -> !text.isBlank()).isEmpty()) {
      problems.addMessage(AgencyRequest.REQUEST_TEXT.name(), "requestText must say what is asked of the agency");
    }
    LocalDate due = Answers.parseDate(AgencyRequest.RESPONSE_DUE.name(), execution.getVariable(AgencyRequest.RESPONSE_DUE.name()), problems);
    if (due != null && due.isBefore(today())) {
      problems.add(AgencyRequest.RESPONSE_DUE.name(), due, "has already passed");
    }
    Object contact = execution.getVariable(AgencyRequest.CONTACT_EMAIL.name());
    if (contact instanceof String email && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
      problems.add(AgencyRequest.CONTACT_EMAIL.name(), "'" + email + "' is not an e-mail address");
    }
    String form = AgencyRequest.REQUEST_FORM.from(execution).map(String::trim).filter(id -> !id.isEmpty())
        .orElse(AgencyRequest.FORM_PROVIDE_INFORMATION);
    if (forms.find(form).isEmpty()) {
      problems.add(AgencyRequest.REQUEST_FORM.name(), "'" + form + "' is not a form agencies are asked with");
    }
    problems.refuseIfAny("The request to the agency was not made");
    AgencyRequest.REQUEST_FORM.set(execution, form);
    AgencyRequest.AGENCY_NAME.set(execution, AgencyRequest.ORGANISATION_NAME.from(execution)
        .filter(name -> !name.isBlank()).map(String::trim).orElse(agency.displayName()));
    AgencyRequest.EXTENSIONS.set(execution, 0);
    AgencyRequest.RESPONSE_DUE_IN_WORDS.set(execution, UkDates.longDate(due));
  }

  /**
   * {@code provideInformation} completed: the answers held to the form the request asks with, its
   * own rules and its checks across fields.
   */
  public void informationProvided(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution); // the form's own rules: what it requires, its options and lengths
    forms.of(execution).check(execution, answers);
    answers.refuseIfAnyProblem("The agency's information was not recorded");
    AgencyRequest.INFORMATION_PROVIDED_ON.set(execution, today());
  }

  /** {@code manageAgencyRequest} completed: an extension needs a later working day, both a reason. */
  public void requestChanged(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    Object action = execution.getVariable(AgencyRequest.REQUEST_ACTION.name());
    if (AgencyRequest.ACTION_EXTEND.equals(action)) {
      LocalDate current = AgencyRequest.RESPONSE_DUE.required(execution);
      LocalDate extended = answers.date(AgencyRequest.NEW_RESPONSE_DUE.name(), null, null, null);
      if (extended != null && !extended.isAfter(current)) {
        answers.problem(AgencyRequest.NEW_RESPONSE_DUE.name(), extended, "is not after the current due date ("
            + UkDates.asTyped(current) + ")");
      } else if (extended != null && !calendar.isWorkingDay(extended)) {
        answers.problem(AgencyRequest.NEW_RESPONSE_DUE.name(), extended, "is not a working day");
      }
    }
    answers.refuseIfAnyProblem("The request was not changed");
  }

  /**
   * On the way back to waiting: the new due date takes effect, and the timers follow it. The
   * decision is spent, so the next end of the wait (an answer) is not read as another extension.
   */
  public void applyExtension(DelegateExecution execution) {
    LocalDate extended = AgencyRequest.NEW_RESPONSE_DUE.required(execution);
    AgencyRequest.RESPONSE_DUE.set(execution, extended);
    AgencyRequest.RESPONSE_DUE_IN_WORDS.set(execution, UkDates.longDate(extended));
    AgencyRequest.REQUEST_ACTION.remove(execution);
    AgencyRequest.EXTENSIONS.set(execution, AgencyRequest.EXTENSIONS.from(execution).orElse(0) + 1);
  }

  /**
   * Names a task for the list it appears in, where several cases and agencies meet: the diagram
   * keeps the general name, Tasklist shows the case and the agency.
   */
  public void nameTask(DelegateTask task) {
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (AgencyRequest.TASK_PROVIDE_INFORMATION.equals(task.getTaskDefinitionKey())) {
      task.setName(forms.of(task).taskName(caseReference));
    } else {
      task.setName(forms.of(task).trackingTaskName(AgencyRequest.AGENCY_NAME.from(task).orElse("the agency"), caseReference));
    }
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
