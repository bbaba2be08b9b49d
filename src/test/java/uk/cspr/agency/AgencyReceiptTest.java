package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.recipients;
import static uk.cspr.testing.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * The agency's receipt, whichever way it answers: through the response link in its mail, or in
 * Tasklist with the documents tab. Either way the mail to its contact lists the questions it
 * answered, in the form's words, and the names of the documents it attached, and repeats none of
 * its answers.
 */
@CsprSpringTest
class AgencyReceiptTest {

  static final AtomicInteger requests = new AtomicInteger();
  static final Pattern LINK = Pattern.compile("http://localhost:8080(/respond/[A-Za-z0-9_-]{43})");
  static final byte[] PDF = "%PDF-1.4\n% a chronology\n%%EOF\n".getBytes();
  /** What the police answer: each text its own, so the receipt can be searched for any of them. */
  static final Map<String, Object> ANSWERS = Map.of(
      "involvement", "Two domestic incidents attended at the family home.",
      "involvementFrom", "2025-01-06",
      "chronologySummary", "2025-01-06 first incident; 2025-09-14 second incident.",
      "keyPracticeEpisodes", "The second incident was not shared with health.",
      "inequalitiesConsidered", "The mother's first language is Polish; no interpreter was used.",
      "immediateConcernsRaised", "YES",
      "immediateSafeguardingConcerns", "The 7-year-old sibling lives with the same adults.",
      "responderName", "Mark Bennett",
      "responderRole", "Detective inspector");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;

  ProcessInstance askThePolice() {
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY,
        "NSCP-RECEIPT-" + requests.incrementAndGet(), Map.of("agencyId", "police",
            "responseDue", WorkingDays.todayInEngland().plusDays(14).toString(), "requestText", "Your involvement."));
    new Workflow(engine).executeDueJobs(request);
    return request;
  }

  Task openTask(ProcessInstance request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  MimeMessage mail(ProcessInstance request, String subjectPart) {
    return Arrays.stream(demoSmtpServer.getReceivedMessages())
        .filter(m -> subject(m).startsWith(request.getBusinessKey() + ": " + subjectPart)).findFirst().orElseThrow();
  }

  static Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    ANSWERS.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** The receipt the police's contact got, once the acknowledgement has been sent. */
  String receipt(ProcessInstance request) {
    new Workflow(engine).executeDueJobs(request);
    MimeMessage receipt = mail(request, "thank you: your information has been received");
    assertThat(recipients(receipt)).containsExactly("police-lead@example.org");
    return plainText(receipt).replace("\r\n", "\n"); // as it was written, not as SMTP carries it
  }

  static void isAReceiptOfQuestionsAndDocuments(String receipt, ProcessInstance request, String... documents) {
    assertThat(receipt).contains(request.getBusinessKey() + ", sent on "
        + UkDates.longDate(WorkingDays.todayInEngland()) + ".");
    assertThat(receipt).contains("Questions answered:\n"
        + "- Your agency's involvement with the child and family\n"
        + "- Involvement from\n"
        + "- Summary chronology\n"
        + "- Analysis of key practice episodes\n"
        + "- Race, culture and other inequalities\n"
        + "- Do you have immediate safeguarding concerns about this child or any other child?\n"
        + "- Immediate safeguarding concerns\n"
        + "- Your name\n"
        + "- Your role\n");
    assertThat(receipt).contains("Documents attached:\n- " + String.join("\n- ", documents) + "\n");
    ANSWERS.values().stream().map(String::valueOf).filter(answer -> !answer.equals("YES"))
        .forEach(answer -> assertThat(receipt).as("the receipt repeats no answer").doesNotContain(answer));
  }

  @Test
  void anAgencyAnsweringThroughTheLinkGetsAReceiptOfWhatItSent() {
    ProcessInstance request = askThePolice();
    Matcher link = LINK.matcher(plainText(mail(request, "request for information")));
    assertThat(link.find()).isTrue();
    Http page = new Http(port);
    assertThat(page.postFile(link.group(1) + "/documents", "police-chronology.pdf", PDF).status()).isEqualTo(201);
    assertThat(page.postFile(link.group(1) + "/documents", "incident-log.pdf", PDF).status()).isEqualTo(201);
    Http.Response sent = page.postJson(link.group(1), variables());
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);

    isAReceiptOfQuestionsAndDocuments(receipt(request), request, "police-chronology.pdf", "incident-log.pdf");
  }

  @Test
  void anAgencyAnsweringInTasklistGetsTheSameReceipt() {
    ProcessInstance request = askThePolice();
    Task task = openTask(request);
    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "police-lead", "police-lead")).isEqualTo(200);
    Http.Response attached = tasklist.postFile("/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/"
        + task.getId() + "/documents", "police-chronology.pdf", PDF);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    Http.Response answered = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        variables());
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);

    isAReceiptOfQuestionsAndDocuments(receipt(request), request, "police-chronology.pdf");
  }

  @Test
  void aReceiptWithoutDocumentsSaysSo() {
    ProcessInstance request = askThePolice();
    engine.getTaskService().complete(openTask(request).getId(), Workflow.agencyAnswers());
    assertThat(receipt(request)).contains("Documents attached:\n- none\n");
  }
}
