package uk.cspr.cases;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.mail.MailContribution;
import uk.cspr.partnership.Partnership;
import uk.cspr.timescales.Timescales;

/** What the case's own mails say: its dates, and where its case file is. */
class CaseMail implements MailContribution {

  private final Partnership partnership;
  private final WorkingDayCalendar calendar;
  private final Timescales timescales;

  CaseMail(Partnership partnership, WorkingDayCalendar calendar, Timescales timescales) {
    this.partnership = partnership;
    this.calendar = calendar;
    this.timescales = timescales;
  }

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, CaseProcess.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    CaseProcess.AWARE_DATE.from(execution).ifPresent(date -> model.put("awareDate", UkDates.longDate(date)));
    // counted from the notification, it is not set until then: the 15th working day from awareness meanwhile
    CaseProcess.RAPID_REVIEW_DUE.from(execution)
        .or(() -> CaseProcess.AWARE_DATE.from(execution).map(aware -> calendar.addWorkingDays(aware, timescales.rapidReviewWorkingDays())))
        .ifPresent(date -> model.put("rapidReviewDue", UkDates.longDate(date)));
    CaseProcess.AGENCY_RESPONSE_DUE.from(execution).ifPresent(date -> model.put("agencyResponseDue", UkDates.longDate(date)));
    model.put("caseFileUrl", partnership.cockpitProcessInstanceUrl(execution.getProcessInstanceId()));
  }
}
