package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.testing.Mails.plainText;
import static uk.cspr.testing.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
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
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Workflow;

/**
 * The Tasklist link in an agency's mail, followed without a login as a mail program does: it
 * opens the task in Tasklist while the request is open, and once it is answered says plainly
 * that nothing more is needed, never Tasklist's "No matching task with id …", and no more than an
 * unknown id is told.
 */
@CsprSpringTest
class TasklistLinkTest {

  static final AtomicInteger requests = new AtomicInteger();
  static final Pattern TASKLIST_LINK = Pattern.compile("http://localhost:8080(/tasks/[^\\s]+)");
  static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail demoSmtpServer;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  record Asked(ProcessInstance request, String tasklistLink) {}

  Asked askThePolice() {
    String reference = "NSCP-TASKLIST-" + requests.incrementAndGet();
    ProcessInstance request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, reference,
        Map.of("agencyId", "police", "responseDue", WorkingDays.todayInEngland().plusDays(14).toString(),
            "requestText", "Your involvement."));
    new Workflow(engine).executeDueJobs(request);
    String mail = plainText(Arrays.stream(demoSmtpServer.getReceivedMessages())
        .filter(m -> subject(m).startsWith(reference + ": request for information")).findFirst().orElseThrow());
    Matcher link = TASKLIST_LINK.matcher(mail);
    assertThat(link.find()).as("a Tasklist link in %s", mail).isTrue();
    return new Asked(request, link.group(1));
  }

  Task task(ProcessInstance request, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  HttpResponse<String> follow(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whileTheRequestIsOpenTheLinkOpensItsTaskInTasklist() throws Exception {
    Asked asked = askThePolice();
    Task task = task(asked.request(), AgencyRequest.TASK_PROVIDE_INFORMATION);
    assertThat(asked.tasklistLink()).isEqualTo("/tasks/" + task.getId());

    HttpResponse<String> opened = follow(asked.tasklistLink());
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location")).hasValue(TASKLIST + task.getId());
  }

  @Test
  void onceAnsweredItSaysNothingMoreIsNeededAsForAnIdThatNeverExisted() throws Exception {
    Asked asked = askThePolice();
    String reference = asked.request().getBusinessKey();
    engine.getTaskService().complete(task(asked.request(), AgencyRequest.TASK_PROVIDE_INFORMATION).getId(),
        Workflow.agencyAnswers());

    HttpResponse<String> answered = follow(asked.tasklistLink());
    assertThat(answered.statusCode()).isEqualTo(404);
    assertThat(answered.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(answered.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answered.body())
        .contains("Nothing more is needed for this request")
        .contains("It has been answered or withdrawn, so there is nothing to open in Tasklist.")
        .contains("href=\"http://localhost:8080/camunda/app/tasklist/\"")
        .contains("safeguarding.partnership@example.org")
        .doesNotContain(reference).doesNotContain("Police").doesNotContain("No matching task");

    HttpResponse<String> unknown = follow("/tasks/no-such-task");
    assertThat(unknown.statusCode()).isEqualTo(answered.statusCode());
    assertThat(unknown.body()).isEqualTo(answered.body());
    // nor does it open any task but an agency request's: a coordinators' task is no agency's to open
    Asked other = askThePolice();
    HttpResponse<String> tracking = follow("/tasks/" + task(other.request(), AgencyRequest.TASK_MANAGE_REQUEST).getId());
    assertThat(tracking.statusCode()).isEqualTo(404);
    assertThat(tracking.body()).isEqualTo(answered.body());
  }

  @Test
  void afterAnExtensionAnEarlierMailsLinkOpensTheRenewedTask() throws Exception {
    Asked asked = askThePolice();
    String later = LocalDate.parse((String) engine.getRuntimeService().getVariable(asked.request().getId(), "responseDue"))
        .plusDays(7).toString();
    while (!new WorkingDays(Calendars.shipped()).isWorkingDay(later)) {
      later = LocalDate.parse(later).plusDays(1).toString();
    }
    engine.getTaskService().complete(task(asked.request(), AgencyRequest.TASK_MANAGE_REQUEST).getId(),
        Map.of("requestAction", "EXTEND", "newResponseDue", later, "changeReason", "Officer on leave"));
    Task renewed = task(asked.request(), AgencyRequest.TASK_PROVIDE_INFORMATION);
    assertThat("/tasks/" + renewed.getId()).isNotEqualTo(asked.tasklistLink());

    HttpResponse<String> opened = follow(asked.tasklistLink());
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location")).hasValue(TASKLIST + renewed.getId());
  }
}
