package uk.cspr.paneldecision;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;

/** What the chase says: when the rapid review (or the information asked for) went, and since when a response was expected. */
class PanelDecisionMail implements MailContribution {

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, PanelDecision.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    PanelDecision.RESPONSE_EXPECTED_BY.from(execution).ifPresent(on -> model.put("panelResponseExpectedBy", UkDates.longDate(on)));
    String lastSent = PanelDecision.INFORMATION_SENT_ON.from(execution)
        .map(on -> "The information the Panel asked for went to it on " + UkDates.longDate(on))
        .orElseGet(() -> "The rapid review went to the Panel on "
            + UkDates.longDate(PanelDecision.RAPID_REVIEW_SUBMITTED_ON.required(execution)));
    model.put("panelLastSent", lastSent);
  }
}
