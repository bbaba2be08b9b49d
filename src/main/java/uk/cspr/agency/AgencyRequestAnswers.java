package uk.cspr.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.validation.Answers;
import uk.cspr.validation.Refusal;

/**
 * The checks of {@code cspr-agency-request}: what a caller asks, what an agency answers, and a
 * coordinator's extension or withdrawal. Each runs as an execution listener, so a refusal rolls
 * the action back and reaches REST and Tasklist as a 400 naming the field.
 */
public class AgencyRequestAnswers {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
  static final int LONG_ANSWER = Answers.LONG_ANSWER;

  private final WorkingDayCalendar calendar;

  public AgencyRequestAnswers(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The request starts: the caller must say which agency, what is asked and by when. */
  public void requestMade(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Object agencyId = execution.getVariable(AgencyRequest.VAR_AGENCY_ID);
    Agency agency = agencyId instanceof String id ? Agency.byId(id).orElse(null) : null;
    if (agency == null) {
      problems.add("agencyId: '" + agencyId + "' is not a known agency");
    }
    if (!(execution.getVariable(AgencyRequest.VAR_REQUEST_TEXT) instanceof String text) || text.isBlank()) {
      problems.add("requestText: say what is asked of the agency");
    }
    LocalDate due = Answers.parseDate(AgencyRequest.VAR_RESPONSE_DUE, execution.getVariable(AgencyRequest.VAR_RESPONSE_DUE), problems);
    if (due != null && due.isBefore(today())) {
      problems.add("responseDue: " + due + " has already passed");
    }
    Object contact = execution.getVariable(AgencyRequest.VAR_CONTACT_EMAIL);
    if (contact instanceof String email && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
      problems.add("contactEmail: '" + email + "' is not an e-mail address");
    }
    if (!problems.isEmpty()) {
      throw new Refusal("The request to the agency was not made", problems);
    }
    Object organisation = execution.getVariable(AgencyRequest.VAR_ORGANISATION_NAME);
    execution.setVariable(AgencyRequest.VAR_AGENCY_NAME,
        organisation instanceof String name && !name.isBlank() ? name.trim() : agency.displayName());
    execution.setVariable(AgencyRequest.VAR_EXTENSIONS, 0);
  }

  /** {@code provideInformation} completed: every part the Panel's guidance asks for is required. */
  public void informationProvided(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    answers.text("involvement", LONG_ANSWER);
    LocalDate from = answers.date("involvementFrom", null, null, today());
    if (execution.getVariable("involvementTo") instanceof String to && !to.isBlank()) {
      answers.date("involvementTo", from, "the start of the involvement", today());
    }
    answers.text("chronologySummary", LONG_ANSWER);
    answers.text("keyPracticeEpisodes", LONG_ANSWER);
    answers.text("immediateSafeguardingConcerns", LONG_ANSWER);
    answers.text("responderName", 200);
    answers.text("responderRole", 200);
    answers.refuseIfAnyProblem("The agency's information was not recorded");
    execution.setVariable(AgencyRequest.VAR_INFORMATION_PROVIDED_ON, today().toString());
  }

  /** {@code manageAgencyRequest} completed: an extension needs a later working day, both a reason. */
  public void requestChanged(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Answers answers = new Answers(execution);
    Object action = execution.getVariable(AgencyRequest.VAR_REQUEST_ACTION);
    answers.text(AgencyRequest.VAR_CHANGE_REASON, 2000);
    if (AgencyRequest.ACTION_EXTEND.equals(action)) {
      LocalDate current = LocalDate.parse((String) execution.getVariable(AgencyRequest.VAR_RESPONSE_DUE));
      LocalDate extended = answers.date(AgencyRequest.VAR_NEW_RESPONSE_DUE, null, null, null);
      if (extended != null && !extended.isAfter(current)) {
        answers.problem("newResponseDue: " + extended + " is not after the current due date (" + current + ")");
      } else if (extended != null && !calendar.isWorkingDay(extended)) {
        answers.problem("newResponseDue: " + extended + " is not a working day");
      }
    } else if (!AgencyRequest.ACTION_WITHDRAW.equals(action)) {
      answers.problem("requestAction: choose EXTEND or WITHDRAW");
    }
    answers.refuseIfAnyProblem("The request was not changed");
  }

  /**
   * On the way back to waiting: the new due date takes effect, and the timers follow it. The
   * decision is spent, so the next end of the wait (an answer) is not read as another extension.
   */
  public void applyExtension(DelegateExecution execution) {
    execution.setVariable(AgencyRequest.VAR_RESPONSE_DUE, execution.getVariable(AgencyRequest.VAR_NEW_RESPONSE_DUE));
    execution.removeVariable(AgencyRequest.VAR_REQUEST_ACTION);
    Object extensions = execution.getVariable(AgencyRequest.VAR_EXTENSIONS);
    execution.setVariable(AgencyRequest.VAR_EXTENSIONS, (extensions instanceof Integer n ? n : 0) + 1);
  }

  /**
   * Names a task for the list it appears in, where several cases and agencies meet: the diagram
   * keeps the general name, Tasklist shows the case and the agency.
   */
  public void nameTask(DelegateTask task) {
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (AgencyRequest.TASK_PROVIDE_INFORMATION.equals(task.getTaskDefinitionKey())) {
      task.setName("Provide information for case " + caseReference);
    } else {
      task.setName("Track the request to " + task.getVariable(AgencyRequest.VAR_AGENCY_NAME) + " for case " + caseReference);
    }
  }

  private static LocalDate today() {
    return WorkingDays.todayInEngland();
  }
}
