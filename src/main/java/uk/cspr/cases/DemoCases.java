package uk.cspr.cases;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.calendar.WorkingDays;

/**
 * Cases in realistic states, so a newcomer finds work waiting: a notification overdue (its
 * escalation goes out as the demo starts), one on time, a decision not to notify waiting to be
 * recorded, and two children in one notification. Dates are relative to today; each case is created once, by its reference.
 */
@Component
@Profile("demo")
public class DemoCases {

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final ProcessEngine engine;
  private final WorkingDayCalendar calendar;

  DemoCases(ProcessEngine engine, WorkingDayCalendar calendar) {
    this.engine = engine;
    this.calendar = calendar;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    LocalDate today = WorkingDays.todayInEngland();
    // aware 9 working days ago: the notification was due 4 working days ago
    start("DEMO-2026-0001", today, -9, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "DEATH",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_PROTECTION_PLAN",
        CaseProcess.CHILD_AGE.name(), 1,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-4471-A",
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, police"));
    // aware yesterday (a working day): the notification is due in 4 working days
    start("DEMO-2026-0002", today, -1, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILD_STATUS.name(), "CHILD_IN_NEED",
        CaseProcess.CHILD_AGE.name(), 14,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-5120-B, LCS-5121-C",
        CaseProcess.AGENCIES.name(), "education, police, health, youth-justice"));
    // a looked-after child seriously harmed, no abuse or neglect suspected: not notifiable
    start("DEMO-2026-0003", today, -2, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "SERIOUS_HARM",
        CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), false,
        CaseProcess.CHILD_STATUS.name(), "LOOKED_AFTER",
        CaseProcess.CHILD_AGE.name(), 15,
        CaseProcess.CHILD_REFERENCES.name(), "LCS-3302-D",
        CaseProcess.AGENCIES.name(), "childrens-social-care, education"));
    // two children, each counted: a care leaver of 19 died (DfE and Ofsted) and neglect of her baby is
    // suspected (the Panel): one notification through the online system covers both
    start("DEMO-2026-0004", today, -3, Map.of(
        CaseProcess.INCIDENT_TYPE.name(), "DEATH", CaseProcess.ABUSE_OR_NEGLECT_SUSPECTED.name(), true,
        CaseProcess.CHILDREN.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"reference\": \"LCS-6610-E\", "
            + "\"age\": 19, \"status\": \"CARE_LEAVER\"}, {\"reference\": \"LCS-6611-F\", \"age\": 0, "
            + "\"status\": \"CHILD_IN_NEED\"}]").create(),
        CaseProcess.AGENCIES.name(), "childrens-social-care, health, housing"));
  }

  private void start(String reference, LocalDate today, int awareWorkingDaysAgo, Map<String, Object> details) {
    boolean exists = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKey(reference).count() > 0;
    if (exists) {
      return;
    }
    LocalDate aware = calendar.addWorkingDays(today, awareWorkingDaysAgo);
    var variables = new java.util.HashMap<String, Object>(details);
    variables.put(CaseProcess.AWARE_DATE.name(), aware.toString());
    variables.put(CaseProcess.INCIDENT_DATE.name(), aware.minusDays(1).toString());
    engine.getRuntimeService().startProcessInstanceByKey(CaseProcess.KEY, reference, variables);
    log.info("Demo case {} recorded (aware {})", reference, aware);
  }
}
