package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.cspr.testing.Workflow.clockAt;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.testing.Workflow;
import static uk.cspr.testing.Mails.html;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;
import uk.cspr.testing.WorkflowEngine;
import uk.cspr.validation.Refusal;

/** One request to one agency, against a real SMTP server, with the engine clock moved. */
class AgencyRequestProcessTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3129);

  ProcessEngine engine;
  Workflow workflow;
  GreenMail smtp;
  static int requests; // across tests: each request its own case reference, so one test never runs another's jobs

  @BeforeEach
  void parts() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    smtp = workflowEngine.smtp();
  }

  ProcessInstance ask(String agencyId, String responseDue, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "agencyId", agencyId, "responseDue", responseDue,
        "requestText", "Your agency's involvement, a summary chronology and any immediate concerns."));
    variables.putAll(Workflow.with(Map.of(), more));
    return engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, "NSCP-2026-" + (100 + ++requests), variables);
  }

  Task provideInformation(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  Task manageRequest(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
  }

  List<MimeMessage> mailsAbout(ProcessInstance request, String subjectPart) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(request.getBusinessKey() + ":") && subject(m).contains(subjectPart)).toList();
  }

  @Test
  void theRequestArrivesAndTheAnswerIsAcknowledgedAndReported() throws Exception {
    clockAt("2025-12-22T10:00");
    ProcessInstance request = ask("health", "2026-01-06");
    assertThat(request).isWaitingAt("Task_SendRequest"); // mail leaves in a job of its own
    assertThat(smtp.getReceivedMessages()).isEmpty();
    workflow.executeDueJobs(request);

    List<MimeMessage> asked = mailsAbout(request, "request for information");
    assertThat(asked).hasSize(1);
    MimeMessage mail = asked.get(0);
    assertThat(recipients(mail)).containsExactly("health-lead@example.org");
    assertThat(mail.getSubject()).isEqualTo(request.getBusinessKey() + ": request for information, due Tuesday 6 January 2026");
    assertThat(mail.getMessageID()).isEqualTo("<" + request.getId() + ".1@localhost>");
    Task task = provideInformation(request);
    assertThat(plainText(mail)).contains("Health").contains("any immediate concerns")
        .containsPattern("http://localhost:8080/respond/[A-Za-z0-9_-]{43}\\s")
        .contains("http://localhost:8080/tasks/" + task.getId()); // ours: Tasklist's task while open, else a plain page
    assertThat(html(mail)).contains("<p>").contains("<a href=\"http://localhost:8080/respond/");
    // the link is stored only as its hash
    String token = plainText(mail).replaceAll("(?s).*/respond/([A-Za-z0-9_-]{43}).*", "$1");
    assertThat(workflowEngine.responseLinks().hashesFor(request.getId())).hasSize(1).doesNotContain(token)
        .allSatisfy(h -> assertThat(h).hasSize(64));

    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-01-06T23:59:59Z"));
    assertThat(task.getName()).isEqualTo("Provide information for case " + request.getBusinessKey());
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
        .containsExactlyInAnyOrder("agency-health", "cspr-coordinators");
    assertThat(manageRequest(request).getName()).isEqualTo("Track the request to Health for case " + request.getBusinessKey());

    clockAt("2025-12-30T14:00");
    engine.getTaskService().createAttachment("application/pdf", task.getId(), request.getId(), "health-chronology.pdf",
        "attached by health-lead; 30 bytes", new java.io.ByteArrayInputStream("%PDF-1.4\n% chronology\n%%EOF\n".getBytes()));
    engine.getTaskService().complete(task.getId(), Workflow.agencyAnswers());
    assertThat(manageRequest(request)).as("the coordinators' tracking task closes by itself").isNull();
    workflow.executeDueJobs(request);

    assertThat(request).isEnded().hasPassed(AgencyRequest.END_INFORMATION_RECEIVED);
    MimeMessage receipt = mailsAbout(request, "thank you").get(0);
    assertThat(recipients(receipt)).containsExactly("health-lead@example.org");
    // a receipt: when, the questions answered in the form's words and the documents' names; never the answers
    String receiptText = plainText(receipt).replace("\r\n", "\n"); // as written, not as SMTP carries it
    assertThat(receiptText).contains(request.getBusinessKey() + ", sent on Tuesday 30 December 2025")
        .contains("- Your agency's involvement with the child and family\n- Involvement from\n- Summary chronology\n"
            + "- Analysis of key practice episodes\n- Do you have immediate safeguarding concerns about this child or any "
            + "other child?\n- Your name\n- Your role\n")
        .doesNotContain("Race, culture and other inequalities").doesNotContain("Involvement to")
        .contains("Documents attached:\n- health-chronology.pdf\n");
    Workflow.agencyAnswers().values().stream().map(String::valueOf).filter(answer -> !answer.equals("NO"))
        .forEach(answer -> assertThat(receiptText).as("the receipt repeats no answer").doesNotContain(answer));
    assertThat(recipients(mailsAbout(request, "Health has provided its information").get(0)))
        .containsExactlyInAnyOrder("demo@example.org", "coordinator@example.org");
    assertThat(workflow.caseVariable(request, "informationProvidedOn")).isEqualTo("2025-12-30");
    assertThat(workflow.caseVariable(request, "keyPracticeEpisodes"))
        .isEqualTo("The second attendance was not shared with the health visitor.");
  }

  @Test
  void aNamedOrganisationIsAskedAtItsOwnAddress() {
    clockAt("2025-12-22T10:00");
    ProcessInstance request = ask("education", "2026-01-06",
        "organisationName", "Northshire Academy Trust", "contactEmail", "dsl@northshire-academy.example.org");
    workflow.executeDueJobs(request);
    MimeMessage mail = mailsAbout(request, "request for information").get(0);
    assertThat(recipients(mail)).containsExactly("dsl@northshire-academy.example.org");
    assertThat(plainText(mail)).contains("asks Northshire Academy Trust for information");
  }

  @Test
  void theAgencyIsRemindedAndEscalatedAt9OnWorkingDaysAcrossEaster() {
    // due Thursday 2 April 2026; Good Friday 3 and Easter Monday 6 April are bank holidays
    clockAt("2026-03-25T10:00");
    ProcessInstance request = ask("police", "2026-04-02");
    workflow.executeDueJobs(request);

    clockAt("2026-03-31T08:59");
    workflow.executeDueJobs(request);
    assertThat(mailsAbout(request, "reminder")).isEmpty();
    clockAt("2026-03-31T09:00"); // two working days before
    workflow.executeDueJobs(request);
    assertThat(mailsAbout(request, "reminder")).hasSize(1);
    assertThat(recipients(mailsAbout(request, "reminder").get(0))).containsExactly("police-lead@example.org");

    clockAt("2026-04-06T09:00"); // Easter Monday
    workflow.executeDueJobs(request);
    assertThat(mailsAbout(request, "overdue")).isEmpty();
    clockAt("2026-04-07T09:00"); // the first working day after the deadline
    workflow.executeDueJobs(request);
    List<MimeMessage> overdue = mailsAbout(request, "overdue");
    assertThat(overdue).isNotEmpty();
    assertThat(recipients(overdue.get(0))).containsExactlyInAnyOrder("police-lead@example.org", "demo@example.org",
        "coordinator@example.org");
    // overdue is visible: a token waits at "Overdue" in Cockpit, the task is past its due date in Tasklist
    assertThat(request).isWaitingAt(AgencyRequest.WAIT_OVERDUE, AgencyRequest.TASK_PROVIDE_INFORMATION);
    assertThat(provideInformation(request).getDueDate()).isBefore(new java.util.Date(Instant.parse("2026-04-07T08:00:00Z").toEpochMilli()));
  }

  @Test
  void aCoordinatorExtendsTheRequestAndTheTimersFollow() {
    clockAt("2026-03-25T10:00");
    ProcessInstance request = ask("police", "2026-04-02");
    workflow.executeDueJobs(request);
    // what Tasklist's lists show beside the request, since they show a variable as it is stored
    assertThat(workflow.caseVariable(request, "responseDueInWords")).isEqualTo("Thursday 2 April 2026");

    assertThatThrownBy(() -> engine.getTaskService().complete(manageRequest(request).getId(),
        Map.of("requestAction", "EXTEND", "newResponseDue", "2026-04-03")))
        .isInstanceOf(Refusal.class).hasMessageContaining("Reason is required")
        .hasMessageContaining("New due date (03/04/2026) is not a working day");
    assertThatThrownBy(() -> engine.getTaskService().complete(manageRequest(request).getId(),
        Map.of("requestAction", "EXTEND", "newResponseDue", "2026-04-01", "changeReason", "Staff absence")))
        .isInstanceOf(Refusal.class).hasMessageContaining("New due date (01/04/2026) is not after the current due date (02/04/2026)");

    engine.getTaskService().complete(manageRequest(request).getId(),
        Map.of("requestAction", "EXTEND", "newResponseDue", "2026-04-15", "changeReason", "The officer in the case is on leave"));
    workflow.executeDueJobs(request);

    assertThat(provideInformation(request).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-04-15T22:59:59Z"));
    assertThat(workflow.caseVariable(request, "responseDue")).isEqualTo("2026-04-15");
    assertThat(workflow.caseVariable(request, "responseDueInWords")).isEqualTo("Wednesday 15 April 2026");
    assertThat(workflow.caseVariable(request, "extensions")).isEqualTo(1);
    assertThat(timer(request, "Timer_AgencyReminder").getDuedate().toInstant()).isEqualTo(Instant.parse("2026-04-13T08:00:00Z"));
    assertThat(timer(request, "Timer_AgencyOverdue").getDuedate().toInstant()).isEqualTo(Instant.parse("2026-04-16T08:00:00Z"));
    MimeMessage extended = mailsAbout(request, "now due Wednesday 15 April 2026").get(0);
    assertThat(plainText(extended)).contains("The officer in the case is on leave");

    clockAt("2026-04-07T09:00"); // the old escalation date passes quietly
    workflow.executeDueJobs(request);
    assertThat(mailsAbout(request, "overdue")).isEmpty();

    // the extension is spent: the agency's answer ends the request, it does not extend it again
    engine.getTaskService().complete(provideInformation(request).getId(), Workflow.agencyAnswers());
    workflow.executeDueJobs(request);
    assertThat(request).isEnded().hasPassed(AgencyRequest.END_INFORMATION_RECEIVED);
    assertThat(workflow.caseVariable(request, "extensions")).isEqualTo(1);
  }

  @Test
  void aCoordinatorWithdrawsTheRequestAndTheAgencyIsTold() {
    clockAt("2026-03-25T10:00");
    ProcessInstance request = ask("probation", "2026-04-02");
    workflow.executeDueJobs(request);
    engine.getTaskService().complete(manageRequest(request).getId(),
        Map.of("requestAction", "WITHDRAW", "changeReason", "Probation had no involvement with the family"));
    assertThat(provideInformation(request)).isNull();
    workflow.executeDueJobs(request);

    assertThat(request).isEnded().hasPassed(AgencyRequest.END_REQUEST_WITHDRAWN);
    MimeMessage withdrawn = mailsAbout(request, "withdrawn").get(0);
    assertThat(recipients(withdrawn)).containsExactly("probation-lead@example.org");
    assertThat(plainText(withdrawn)).contains("Probation had no involvement with the family");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getId()).count()).isZero();
  }

  @Test
  void aMailRepeatedAfterTheNodeDiedOnceItHadLeftCarriesALinkThatWorksAsDoesTheFirst() throws Exception {
    clockAt("2026-03-25T10:00");
    ProcessInstance request = ask("education", "2026-04-02");
    java.util.concurrent.atomic.AtomicBoolean dieOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
    workflowEngine.afterMailSent(() -> {
      if (dieOnce.getAndSet(false)) {
        throw new IllegalStateException("the node died after the mail had left"); // its transaction never commits
      }
    });
    Job send = engine.getManagementService().createJobQuery().processInstanceId(request.getId())
        .activityId("Task_SendRequest").singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId())).hasMessageContaining("node died");
    clockAt("2026-03-25T10:11"); // the job is tried again ten minutes later
    workflow.executeDueJobs(request);

    List<MimeMessage> sent = mailsAbout(request, "request for information");
    assertThat(sent).hasSize(2); // at least once: the same mail, the same Message-ID, a link each
    assertThat(sent.get(0).getMessageID()).isEqualTo(sent.get(1).getMessageID());
    for (MimeMessage mail : sent) {
      String token = plainText(mail).replaceAll("(?s).*/respond/([A-Za-z0-9_-]{43}).*", "$1");
      ResponseLinks.Resolution link = workflowEngine.responseLinks().resolve(token);
      assertThat(link.refused()).as("the link in %s", mail.getMessageID()).isNull();
      assertThat(link.task().getId()).isEqualTo(provideInformation(request).getId());
    }
  }

  @Test
  void withTheSmtpServerDownTheMailIsRetriedThenAnIncidentAndAfterRecoveryItGoes() {
    clockAt("2026-03-25T10:00");
    ProcessInstance request = ask("housing", "2026-04-02");
    smtp.stop();
    try {
      for (int attempt = 1; attempt <= 4; attempt++) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).activityId("Task_SendRequest").singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isNotNull();
        clockAt("2026-03-25T10:" + (10 * attempt + 1)); // each retry waits 10 minutes
      }
      Job failed = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).activityId("Task_SendRequest").singleResult();
      assertThat(failed.getRetries()).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isEqualTo(1);
      assertThat(failed.getExceptionMessage()).containsIgnoringCase("mail");
    } finally {
      smtp.start();
    }
    Job failed = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).activityId("Task_SendRequest").singleResult();
    clockAt("2026-03-25T10:32"); // a minute after the last failure, which left the job due ten minutes after it
    assertThat(failed.getDuedate()).isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    // what "Retry" in Cockpit does, as the coordinator who clicks it: the mail goes now, not ten minutes on
    engine.getIdentityService().setAuthentication("coordinator", List.of("cspr-coordinators"));
    try {
      engine.getManagementService().setJobRetries(failed.getId(), 1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    workflow.executeDueJobs(request);
    assertThat(mailsAbout(request, "request for information")).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(provideInformation(request)).isNotNull();
  }

  @Test
  void aRequestWithoutAKnownAgencyOrADueDateIsRefused() {
    clockAt("2026-03-25T10:00");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, "NSCP-2026-999",
        Map.of("agencyId", "fire-service", "requestText", "x", "responseDue", "2026-03-20")))
        .isInstanceOf(Refusal.class).hasMessageContaining("agencyId 'fire-service' is not a known agency")
        .hasMessageContaining("responseDue (20/03/2026) has already passed");
  }

  @Test
  void noMailOfACaseCarriesTheChildsReference() {
    clockAt("2025-12-22T10:00");
    ProcessInstance caseInstance = workflow.recordCase(Workflow.with(Workflow.panelIncident("2025-12-22"),
        "childReferences", "LCS-7734-Q"));
    workflow.executeDueJobs(caseInstance);
    clockAt("2026-01-07T09:00"); // reminders and escalations of the notification and the requests
    workflow.executeDueJobs(caseInstance);
    List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(caseInstance.getBusinessKey())).toList();
    assertThat(mails).hasSizeGreaterThan(6);
    assertThat(mails).allSatisfy(m -> assertThat(m.getSubject() + plainText(m) + html(m)).doesNotContain("LCS-7734-Q"));
  }

  private Job timer(ProcessInstance request, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(request.getId())
        .activityId(activityId).timers().singleResult();
  }
}
