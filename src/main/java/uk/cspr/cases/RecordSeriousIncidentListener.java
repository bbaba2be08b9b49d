package uk.cspr.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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

    // one shape, whichever form the lists arrived in: Json arrays, never Java objects, so no form
    // or client ever has to send an object variable back (see EngineHardening); the single-child
    // fields, if that is how it was recorded, give way to the list
    execution.setVariable(CaseProcess.VAR_CHILDREN, json(incident.children().stream().map(child -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("reference", child.reference());
      entry.put("age", child.age());
      entry.put("status", child.status().name());
      return entry;
    }).toList()));
    execution.setVariable(CaseProcess.VAR_CHILD_REFERENCES, json(incident.childReferences()));
    execution.removeVariable(CaseProcess.VAR_CHILD_AGE);
    execution.removeVariable(CaseProcess.VAR_CHILD_STATUS);
    execution.setVariable(CaseProcess.VAR_AGENCIES, json(incident.agencies()));
    execution.setVariable(CaseProcess.VAR_ABUSE_OR_NEGLECT_SUSPECTED, incident.abuseOrNeglectSuspected());
    execution.setVariable(CaseProcess.VAR_INCIDENT_DATE, incident.incidentDate().toString());
    execution.setVariable(CaseProcess.VAR_AWARE_DATE, incident.awareDate().toString());
    execution.setVariable(CaseProcess.VAR_INCIDENT_LOCATION, incident.incidentLocation().name());
    if (incident.otherLocalAuthority() != null) {
      execution.setVariable(CaseProcess.VAR_OTHER_LOCAL_AUTHORITY, incident.otherLocalAuthority());
    } else {
      execution.removeVariable(CaseProcess.VAR_OTHER_LOCAL_AUTHORITY);
    }
    execution.setVariable(CaseProcess.VAR_NOTIFICATION_ROUTE, incident.route().name());
    execution.setVariable(CaseProcess.VAR_DFE_AND_OFSTED_MUST_BE_NOTIFIED, incident.dfeAndOfstedMustBeNotified());
  }

  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
