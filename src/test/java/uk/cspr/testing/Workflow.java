package uk.cspr.testing;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.cases.CaseProcess;

/** The language process tests speak: record a case, find its tasks, move the clock, run what is due. */
public final class Workflow {

  private final ProcessEngine engine;

  public Workflow(ProcessEngine engine) {
    this.engine = engine;
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** A serious incident that goes to the Panel: a child on a protection plan died, abuse suspected. */
  public static Map<String, Object> panelIncident(String awareDate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("incidentDate", awareDate);
    variables.put("awareDate", awareDate);
    variables.put("incidentType", "DEATH");
    variables.put("abuseOrNeglectSuspected", true);
    variables.put("childStatus", "CHILD_PROTECTION_PLAN");
    variables.put("childAge", 3);
    variables.put("childReferences", "LCS-0001-X");
    variables.put("agencies", "police, health");
    return variables;
  }

  /** A complete answer from an agency, as its form submits it. */
  public static Map<String, Object> agencyAnswers() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("involvement", "Health visiting from birth; two A&E attendances.");
    answers.put("involvementFrom", "2024-03-01");
    answers.put("chronologySummary", "2024-03-01 new birth visit; 2025-06-10 A&E attendance; 2025-11-02 A&E attendance.");
    answers.put("keyPracticeEpisodes", "The second attendance was not shared with the health visitor.");
    answers.put("immediateConcernsRaised", "NO");
    answers.put("responderName", "Grace Whitfield");
    answers.put("responderRole", "Designated nurse for safeguarding children");
    return answers;
  }

  /** The rapid review meeting's record, as its form submits it: the criteria met and a local review decided. */
  public static Map<String, Object> rapidReviewMeeting(String meetingOn) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("rapidReviewMeetingOn", meetingOn);
    answers.put("reviewCriteriaMet", "YES");
    answers.put("factsEstablished", "Two A&E attendances were not shared with the health visitor.");
    answers.put("safeguardingActions", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[{\"action\":\"Strategy discussion for the sibling\",\"owner\":\"Children's social care\"}]").create());
    answers.put("learningIdentified", "Information sharing between A&E and health visiting.");
    answers.put("parallelProceedings", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[\"POLICE_INVESTIGATION\",\"CHILD_DEATH_REVIEW\"]").create());
    answers.put("partnersDecision", "LOCAL_REVIEW");
    answers.put("partnersDecisionOn", meetingOn);
    answers.put("partnersDecisionReasons", "Multi-agency learning about information sharing.");
    answers.put("mayBeOfNationalImportance", "NO");
    return answers;
  }

  /** The case's rapid review met, signed off by the three partners and sent to the Panel (the Panel already notified). */
  public void sendTheRapidReviewToThePanel(ProcessInstance caseInstance, String meetingOn, String submittedOn) {
    engine.getTaskService().complete(task(caseInstance, "recordRapidReviewMeeting").getId(), rapidReviewMeeting(meetingOn));
    for (String[] partner : List.of(new String[] {"partner-local-authority", "Helen Marsh", "LEAD_PARTNER"},
        new String[] {"partner-icb", "Samuel Adeyemi", "DELEGATED_PARTNER"},
        new String[] {"partner-police", "Claire Douglas", "LEAD_PARTNER"})) {
      Task signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
          .taskDefinitionKey("signOffRapidReview").taskCandidateGroup(partner[0]).singleResult();
      engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "SIGN_OFF", "signatoryName", partner[1],
          "signatoryRole", partner[2]));
    }
    executeDueJobs(caseInstance);
    complete(caseInstance, "submitRapidReview", "rapidReviewSubmittedOn", submittedOn, "familyToldOfDecisionOn",
        submittedOn, "familyToldOfDecisionBy", "Priya Shah, coordinator");
    executeDueJobs(caseInstance);
  }

  /** Narrative text of exactly this length, shaped like a chronology, with characters beyond ASCII. */
  public static String longAnswer(int length) {
    StringBuilder text = new StringBuilder();
    for (int day = 1; text.length() < length; day++) {
      text.append("2025-").append(String.format("%02d", 1 + day % 12)).append(" contact ").append(day)
          .append(": home visit, concerns noted – café, naïve, £50.\n");
    }
    return text.substring(0, length);
  }

  /** The strings of a Json array variable; fails if the variable is anything but Json. */
  public static List<String> jsonStrings(Object variable) {
    if (!(variable instanceof org.camunda.spin.json.SpinJsonNode json) || !json.isArray()) {
      throw new AssertionError("Not a Json array: " + variable);
    }
    return json.elements().stream().map(org.camunda.spin.json.SpinJsonNode::stringValue).toList();
  }

  public static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>(base);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return variables;
  }

  public ProcessInstance recordCase(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(CaseProcess.KEY, variables);
  }

  /** A case recorded as the coordinators record one: through the start form of the newest case definition. */
  public ProcessInstance recordThroughTheStartForm(Map<String, Object> variables) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CaseProcess.KEY)
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, variables);
  }

  /** The instance of a stage the case called. */
  public ProcessInstance stage(ProcessInstance caseInstance, String stageKey) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey(stageKey).singleResult();
  }

  /** The case's open task with this key, in the case or any stage it called. */
  public Task task(ProcessInstance caseInstance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult();
  }

  public List<String> openTaskKeys(ProcessInstance caseInstance) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseInstance.getBusinessKey())
        .list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public void complete(ProcessInstance caseInstance, String taskKey, Object... keysAndValues) {
    Task task = task(caseInstance, taskKey);
    if (task == null) {
      throw new AssertionError("Case " + caseInstance.getBusinessKey() + " has no open task " + taskKey
          + "; open: " + openTaskKeys(caseInstance));
    }
    engine.getTaskService().complete(task.getId(), with(Map.of(), keysAndValues));
  }

  /** A document attached to the case's open task with this key, as the coordinators attach one in its Documents tab. */
  public void attach(ProcessInstance caseInstance, String taskKey, String name) {
    Task task = task(caseInstance, taskKey);
    engine.getTaskService().createAttachment("application/pdf", task.getId(), task.getProcessInstanceId(), name,
        "attached by coordinator; 40 bytes", new java.io.ByteArrayInputStream("%PDF-1.4\n% a report\n%%EOF\n".getBytes()));
  }

  public Object caseVariable(ProcessInstance caseInstance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(caseInstance.getId()).variableName(name).singleResult().getValue();
  }

  /** Sets the engine clock to this time in England. */
  public static void clockAt(String londonDateTime) {
    ClockUtil.setCurrentTime(Date.from(
        LocalDateTime.parse(londonDateTime).atZone(WorkingDayCalendar.LONDON).toInstant()));
  }

  /** Executes the jobs now due for this case and the stages it called, as the job executor would. */
  public int executeDueJobs(ProcessInstance caseInstance) {
    int executed = 0;
    List<Job> due;
    do {
      due = engine.getManagementService().createJobQuery().executable().list().stream()
          .filter(job -> belongsTo(job, caseInstance)).toList();
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    } while (!due.isEmpty());
    return executed;
  }

  private boolean belongsTo(Job job, ProcessInstance caseInstance) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(job.getProcessInstanceId()).singleResult();
    return instance != null && caseInstance.getBusinessKey().equals(instance.getBusinessKey());
  }

  public boolean passed(ProcessInstance instance, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId(activityId).finished().count() > 0;
  }
}
