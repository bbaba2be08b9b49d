package uk.cspr.cases;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDays;

/**
 * Runs as the case starts, whatever started it (the Tasklist start form, the REST API, Java):
 * checks what was recorded, refuses bad input naming each field, gives the case its reference,
 * and stores the lists in one shape. A refusal rolls the start back: no case is left behind.
 */
@Component("recordSeriousIncidentListener")
public class RecordSeriousIncidentListener implements ExecutionListener {

  private final SeriousIncidentValidator validator;
  private final CaseReferences references;

  public RecordSeriousIncidentListener(SeriousIncidentValidator validator, CaseReferences references) {
    this.validator = validator;
    this.references = references;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = WorkingDays.todayInEngland();
    SeriousIncident incident = validator.validate(execution.getVariables(), today);

    String reference = execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      reference = references.next(today);
      execution.setProcessBusinessKey(reference);
    } else {
      validator.checkCaseReference(reference);
    }
    references.claim(reference, execution.getProcessInstanceId(), today);

    // one shape, whichever form the lists arrived in: Lists of strings (serialised as JSON)
    execution.setVariable(CaseProcess.VAR_CHILD_REFERENCES, incident.childReferences());
    execution.setVariable(CaseProcess.VAR_AGENCIES, incident.agencies());
    execution.setVariable(CaseProcess.VAR_CHILD_AGE, incident.childAge());
    execution.setVariable(CaseProcess.VAR_ABUSE_OR_NEGLECT_SUSPECTED, incident.abuseOrNeglectSuspected());
    execution.setVariable(CaseProcess.VAR_INCIDENT_DATE, incident.incidentDate().toString());
    execution.setVariable(CaseProcess.VAR_AWARE_DATE, incident.awareDate().toString());
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_ROUTE, incident.route().name());
    execution.setVariable(CaseProcess.VAR_DFE_AND_OFSTED_NOTIFICATION_REQUIRED, incident.dfeAndOfstedNotificationRequired());
  }
}
