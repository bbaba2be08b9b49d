package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.subject;
import static uk.cspr.testing.Workflow.clockAt;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.casefile.CaseFile;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.FormSchema;
import uk.cspr.validation.Refusal;

/**
 * The agency request asks with the form its caller names ({@code requestForm}), and everything that
 * reads the answer follows that form: the task's form in Tasklist ({@code camunda:formRef="${requestForm}"}
 * with binding {@code deployment}, which Camunda 7.24 evaluates for each task), the form's own rules and
 * the checks registered with it, what a person may send, the receipt and the case file. A caller that
 * names none gets {@code provide-agency-information}, as every request did before.
 */
class AgencyRequestFormTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3195);

  ProcessEngine engine;
  Workflow workflow;
  GreenMail smtp;
  static int requests;

  @BeforeEach
  void parts() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    smtp = workflowEngine.smtp();
  }

  ProcessInstance ask(String agencyId, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of("agencyId", agencyId, "responseDue", "2026-12-09",
        "requestText", "Action 2 of the partners' action plan: revise the A&E information-sharing procedure."));
    variables.putAll(Workflow.with(Map.of(), more));
    return engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, "NSCP-FORM-" + (100 + ++requests), variables);
  }

  Task provideInformation(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).initializeFormKeys().singleResult();
  }

  static Map<String, Object> evidence() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("actionStatus", "COMPLETED");
    answers.put("actionTaken", "The procedure was revised and every A&E nurse briefed.");
    answers.put("actionCompletedOn", "2026-11-20");
    answers.put("actionEvidence", "The revised procedure, and the briefing's attendance list.");
    answers.put("responderName", "Grace Whitfield");
    answers.put("responderRole", "Designated nurse for safeguarding children");
    return answers;
  }

  @Test
  void aRequestAsksWithTheFormItsCallerNamesAndTasklistOpensThatForm() {
    clockAt("2026-11-23T10:00");
    ProcessInstance request = ask("health", "requestForm", "provide-action-evidence");
    Task task = provideInformation(request);
    CamundaFormRef form = task.getCamundaFormRef();
    assertThat(form.getKey()).isEqualTo("provide-action-evidence");
    assertThat(form.getBinding()).isEqualTo("deployment");
    // the form Tasklist (and the response page) renders: the one deployed with this version of the request
    FormSchema deployed = FormSchema.read(engine.getFormService().getDeployedTaskForm(task.getId()));
    assertThat(deployed.json().path("id").asText()).isEqualTo("provide-action-evidence");
    org.camunda.bpm.model.bpmn.instance.UserTask defined = engine.getRepositoryService()
        .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(AgencyRequest.TASK_PROVIDE_INFORMATION);
    assertThat(defined.getCamundaFormRef()).as("the definition names an expression; each task gets its own form")
        .isEqualTo("${requestForm}");
    assertThat(defined.getCamundaFormRefBinding()).isEqualTo("deployment");
    // named for what it asks, as is the coordinators' task that follows it
    assertThat(task.getName()).isEqualTo("Provide evidence of an action for case " + request.getBusinessKey());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult().getName())
        .isEqualTo("Track Health's evidence of an action for case " + request.getBusinessKey());
  }

  @Test
  void withoutARequestFormTheRequestAsksForTheAgencysInformationAsBefore() {
    clockAt("2026-11-23T10:00");
    ProcessInstance request = ask("police");
    Task task = provideInformation(request);
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo(AgencyRequest.FORM_PROVIDE_INFORMATION);
    assertThat(engine.getRuntimeService().getVariable(request.getId(), "requestForm")).isEqualTo("provide-agency-information");
    assertThat(task.getName()).isEqualTo("Provide information for case " + request.getBusinessKey());
    // its own questions are asked of it, not another form's
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), evidence()))
        .isInstanceOf(Refusal.class).hasMessageContaining("Your agency's involvement with the child and family is required");
    engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers());
    assertThat(workflow.caseVariable(request, "informationProvidedOn")).isEqualTo("2026-11-23");
  }

  @Test
  void aFormNobodyRegisteredIsRefusedAndNoRequestIsMade() {
    clockAt("2026-11-23T10:00");
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgencyRequest.KEY).count();
    assertThatThrownBy(() -> ask("police", "requestForm", "sign-off-final-report"))
        .isInstanceOf(Refusal.class).hasMessageContaining("requestForm 'sign-off-final-report' is not a form agencies are asked with");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgencyRequest.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void theAnswerIsCheckedAgainstTheFormTheRequestAskedWith() {
    clockAt("2026-11-23T10:00");
    ProcessInstance request = ask("health", "requestForm", "provide-action-evidence");
    Task task = provideInformation(request);
    // the other form's answers are not this form's: its own required question is missing
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers()))
        .isInstanceOf(Refusal.class).hasMessageContaining("The answer to “Is the action complete?” is required")
        .satisfies(refusal -> assertThat(((Refusal) refusal).fields()).doesNotContain("involvementFrom", "involvement"));
    // and the checks registered with the form run: not yet complete needs why, and a working day after today
    Map<String, Object> notYet = new HashMap<>(Map.of("actionStatus", "NOT_YET", "actionExpectedOn", "2026-11-21",
        "responderName", "Grace Whitfield", "responderRole", "Designated nurse"));
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), notYet))
        .isInstanceOf(Refusal.class).hasMessageContaining("Why it is not complete yet is required")
        .hasMessageContaining("When it will be complete (21/11/2026) is not after today");
    assertThat(provideInformation(request)).as("nothing recorded: the task stays open").isNotNull();
    engine.getTaskService().complete(task.getId(), evidence());
    assertThat(workflow.caseVariable(request, "actionTaken")).isEqualTo("The procedure was revised and every A&E nurse briefed.");
  }

  @Test
  void whatAPersonMaySendFollowsTheFormOfEachRequestOfTheSameDefinition() {
    clockAt("2026-11-23T10:00");
    ProcessInstance information = ask("health");
    ProcessInstance evidence = ask("health", "requestForm", "provide-action-evidence");
    engine.getIdentityService().setAuthentication("health-lead", List.of("agency-health"));
    try {
      // the first request's form is what the guard knows of this definition's task first
      engine.getTaskService().complete(provideInformation(information).getId(), Workflow.agencyAnswers());
      Task task = provideInformation(evidence);
      Map<String, Object> otherForms = new HashMap<>(evidence());
      otherForms.put("involvement", "Health visiting from birth.");
      assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), otherForms))
          .isInstanceOf(Refusal.class).hasMessageContaining("involvement is not a question on this task's form");
      engine.getTaskService().complete(task.getId(), evidence());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(workflow.caseVariable(evidence, "informationProvidedOn")).isEqualTo("2026-11-23");
  }

  @Test
  void theReceiptAndTheCaseFileSayTheQuestionsOfTheFormAnswered() {
    clockAt("2026-11-23T10:00");
    ProcessInstance request = ask("early-years", "requestForm", "confirm-learning-dissemination");
    workflow.executeDueJobs(request);
    Map<String, Object> confirmed = new HashMap<>();
    confirmed.put("disseminationMethods", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"BRIEFING\",\"TRAINING\"]").create());
    confirmed.put("disseminationDetails", "Every nursery and childminder through the early years safeguarding forum.");
    confirmed.put("practitionersReached", 140);
    confirmed.put("disseminatedOn", "2026-11-18");
    confirmed.put("responderName", "Fatima Noor");
    confirmed.put("responderRole", "Early years safeguarding adviser");
    engine.getTaskService().complete(provideInformation(request).getId(), confirmed);
    workflow.executeDueJobs(request);

    MimeMessage receipt = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).equals(request.getBusinessKey() + ": thank you: your information has been received"))
        .findFirst().orElseThrow();
    assertThat(plainText(receipt).replace("\r\n", "\n"))
        .contains("- How the learning was shared\n- Which teams, settings or services, and what was shared\n"
            + "- How many practitioners it reached\n- When the learning was shared\n- Your name\n- Your role\n")
        .contains("when they review the learning's impact")
        .doesNotContain("Summary chronology").doesNotContain("rapid review meeting")
        .doesNotContain("Every nursery and childminder");

    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    CaseFile file;
    try {
      file = workflowEngine.caseFiles().file(request.getBusinessKey());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    CaseFile.Section section = file.sections().stream().filter(s -> s.kind().equals("agency-request")).findFirst().orElseThrow();
    assertThat(section.title()).isEqualTo("Request to Early years and childcare: the learning's dissemination");
    assertThat(section.answers()).extracting(CaseFile.Fact::label, CaseFile.Fact::text).contains(
        org.assertj.core.groups.Tuple.tuple("How the learning was shared",
            "Briefings (team meetings, seven-minute briefings); Training, single or multi-agency"),
        org.assertj.core.groups.Tuple.tuple("How many practitioners it reached", "140"),
        org.assertj.core.groups.Tuple.tuple("When the learning was shared", "Wednesday 18 November 2026"));
    // the stage that asked lists this deadline in its own terms
    assertThat(file.deadlines()).noneMatch(d -> d.processInstanceId().equals(request.getId()));
  }
}
