package uk.cspr.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import uk.cspr.calendar.WorkingDays;

/**
 * Runs as the case starts, whatever started it (the Tasklist start form, the REST API, Java):
 * checks what was recorded, refuses bad input naming each field, gives the case its reference,
 * and stores the lists in one shape. A refusal rolls the start back: no case is left behind.
 */
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

    // one shape, whichever form the lists arrived in: Json arrays, never Java objects, so no form
    // or client ever has to send an object variable back (see EngineHardening); the single-child
    // fields, if that is how it was recorded, give way to the list
    CaseProcess.CHILDREN.set(execution, org.camunda.spin.Spin.JSON(incident.children().stream().map(child -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("reference", child.reference());
      entry.put("age", child.age());
      entry.put("status", child.status().name());
      return entry;
    }).toList()));
    CaseProcess.CHILD_REFERENCES.set(execution, incident.childReferences());
    CaseProcess.CHILD_AGE.remove(execution);
    CaseProcess.CHILD_STATUS.remove(execution);
    CaseProcess.AGENCIES.set(execution, incident.agencies());
    CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.set(execution, incident.abuseOrNeglectSuspected());
    CaseProcess.INCIDENT_DATE.set(execution, incident.incidentDate());
    CaseProcess.AWARE_DATE.set(execution, incident.awareDate());
    CaseProcess.INCIDENT_LOCATION.set(execution, incident.incidentLocation().name());
    if (incident.otherLocalAuthority() != null) {
      CaseProcess.OTHER_LOCAL_AUTHORITY.set(execution, incident.otherLocalAuthority());
    } else {
      CaseProcess.OTHER_LOCAL_AUTHORITY.remove(execution);
    }
    CaseProcess.NOTIFICATION_ROUTE.set(execution, incident.route().name());
    CaseProcess.DFE_AND_OFSTED_MUST_BE_NOTIFIED.set(execution, incident.dfeAndOfstedMustBeNotified());
  }
}
