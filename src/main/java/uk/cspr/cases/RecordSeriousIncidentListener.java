package uk.cspr.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDays;

/**
 * Runs as the case starts, whatever started it (the Tasklist start form, the REST API, Java):
 * checks what was recorded, refuses bad input naming each field, gives the case its reference,
 * and stores the lists in one shape. A refusal rolls the start back: no case is left behind.
 */
@Component("recordSeriousIncidentListener")
public class RecordSeriousIncidentListener implements ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

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

    // one shape, whichever form the lists arrived in: Json arrays of strings, never Java objects,
    // so no form or client ever has to send an object variable back (see EngineHardening)
    execution.setVariable(CaseProcess.VAR_CHILD_REFERENCES, jsonList(incident.childReferences()));
    execution.setVariable(CaseProcess.VAR_AGENCIES, jsonList(incident.agencies()));
    execution.setVariable(CaseProcess.VAR_CHILD_AGE, incident.childAge());
    execution.setVariable(CaseProcess.VAR_ABUSE_OR_NEGLECT_SUSPECTED, incident.abuseOrNeglectSuspected());
    execution.setVariable(CaseProcess.VAR_INCIDENT_DATE, incident.incidentDate().toString());
    execution.setVariable(CaseProcess.VAR_AWARE_DATE, incident.awareDate().toString());
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_ROUTE, incident.route().name());
    execution.setVariable(CaseProcess.VAR_DFE_AND_OFSTED_NOTIFICATION_REQUIRED, incident.dfeAndOfstedNotificationRequired());
  }

  static JsonValue jsonList(List<String> items) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
