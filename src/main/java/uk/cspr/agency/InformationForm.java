package uk.cspr.agency;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.validation.Answers;

/**
 * The request's own form, {@code provide-agency-information}: an agency's involvement with the
 * child and family, its chronology, its analysis of key practice episodes and any immediate
 * safeguarding concern, as the Panel's guidance asks for a review.
 */
class InformationForm implements AgencyRequestForm {

  @Override
  public String formId() {
    return AgencyRequest.FORM_PROVIDE_INFORMATION;
  }

  @Override
  public String taskName(String caseReference) {
    return "Provide information for case " + caseReference;
  }

  @Override
  public String afterReceipt() {
    return "The coordinators may contact you about the rapid review meeting or with questions.";
  }

  /** Every part the Panel's guidance asks for is required (the form's rules); the dates fit together. */
  @Override
  public void check(DelegateExecution execution, Answers answers) {
    LocalDate today = WorkingDays.todayInEngland();
    LocalDate from = answers.date(AgencyRequest.INVOLVEMENT_FROM.name(), null, null, today);
    if (execution.getVariable(AgencyRequest.INVOLVEMENT_TO.name()) instanceof String to && !to.isBlank()) {
      answers.date(AgencyRequest.INVOLVEMENT_TO.name(), from, "the start of the involvement", today);
    }
    // shown only after a yes, so the form cannot require it: a yes with nothing said is no warning at all
    if ("YES".equals(execution.getVariable(AgencyRequest.IMMEDIATE_CONCERNS_RAISED.name()))
        && AgencyRequest.IMMEDIATE_CONCERNS.from(execution).filter(text -> !text.isBlank()).isEmpty()) {
      answers.problem(AgencyRequest.IMMEDIATE_CONCERNS.name(), "are needed after a yes: say who is at risk and what has "
          + "been done");
    }
  }
}
