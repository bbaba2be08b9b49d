package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;

/**
 * An agency request's documents in Tasklist, through the Tasklist plugin's resources with the
 * webapp's own login and CSRF token, as the "Documents" tab calls them: whoever may answer the
 * request attaches as the response link does, with its checks and messages, and removes what they
 * attached while it is open; nobody else attaches anything.
 */
@CsprSpringTest
class TaskDocumentsTest {

  static final AtomicInteger requests = new AtomicInteger();
  static final byte[] PDF = "%PDF-1.4\n% the police chronology\n%%EOF\n".getBytes();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** A request to the police, asked alone, and its open task. */
  Task askThePolice() {
    String reference = "NSCP-DOCS-" + requests.incrementAndGet();
    String due = WorkingDays.todayInEngland().plusDays(14).toString();
    var request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY, reference,
        Map.of("agencyId", "police", "responseDue", due, "requestText", "Your involvement, please."));
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  Http webapp(String app, String user) {
    Http http = new Http(port);
    assertThat(http.loginToWebapp(app, user, user)).isEqualTo(200);
    return http;
  }

  static String documentsOf(String taskId) {
    return "/camunda/api/tasklist/plugin/cspr-case-file/default/tasks/" + taskId + "/documents";
  }

  static String message(Http.Response response) {
    return response.json().path("message").asText();
  }

  @Test
  void theAgencyAttachesListsDownloadsAndRemovesItsDocumentsInTasklist() {
    Task task = askThePolice();
    Http police = webapp("tasklist", "police-lead");

    Http.Response attached = police.postFile(documentsOf(task.getId()), "chronology.pdf", PDF);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(message(attached)).isEqualTo("chronology.pdf is attached. It is kept with the case and goes to the "
        + "partnership with your answers.");
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).extracting(Attachment::getName)
        .containsExactly("chronology.pdf");

    Http.Response list = police.get(documentsOf(task.getId()));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("maxDocumentSize").asText()).isEqualTo("10 MB");
    JsonNode listed = list.json().path("documents").get(0);
    assertThat(listed.path("name").asText()).isEqualTo("chronology.pdf");
    assertThat(listed.path("removable").asBoolean()).isTrue();
    assertThat(police.getBytes(listed.path("download").asText()).body()).isEqualTo(PDF);

    Http.Response removed = police.delete(documentsOf(task.getId()) + "/" + listed.path("id").asText());
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(message(removed)).isEqualTo("chronology.pdf is removed from this request.");
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).isEmpty();
    assertThat(police.delete(documentsOf(task.getId()) + "/" + listed.path("id").asText()).status()).isEqualTo(404);
  }

  @Test
  void aDocumentIsCheckedAsTheResponseLinkChecksItWithTheSameMessages() {
    Task task = askThePolice();
    Http police = webapp("tasklist", "police-lead");
    String documents = documentsOf(task.getId());

    Http.Response renamed = police.postFile(documents, "report.pdf", "<html>hello</html>".getBytes());
    assertThat(renamed.status()).isEqualTo(415);
    assertThat(message(renamed)).isEqualTo("The document report.pdf is not a PDF, Word (.doc, .docx) or OpenDocument "
        + "text (.odt) file (its name and content must agree). Save it as one of those and attach it again.");
    assertThat(police.postFile(documents, "empty.pdf", new byte[0]).status()).isEqualTo(400);

    byte[] justTooLarge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, justTooLarge, 0, PDF.length);
    Http.Response large = police.postFile(documents, "big.pdf", justTooLarge);
    assertThat(large.status()).isEqualTo(413);
    assertThat(message(large)).isEqualTo("The document big.pdf is larger than 10 MB. Send a smaller file, or split it.");
    Http.Response huge = police.postFile(documents, "huge.pdf", new byte[11 * 1024 * 1024]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(message(huge)).isEqualTo("The document is larger than 10 MB. Send a smaller file, or split it.");

    for (int i = 1; i <= 10; i++) {
      assertThat(police.postFile(documents, "part-" + i + ".pdf", PDF).status()).isEqualTo(201);
    }
    Http.Response eleventh = police.postFile(documents, "part-11.pdf", PDF);
    assertThat(eleventh.status()).isEqualTo(409);
    assertThat(message(eleventh)).contains("already has 10 documents");
    assertThat(police.getBytes(documents).headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void onlyWhoeverMayAnswerTheRequestAttachesToIt() {
    Task task = askThePolice();
    String documents = documentsOf(task.getId());

    // another agency, and a partner, cannot see the police's request
    for (String outsider : new String[] {"health-lead", "police-partner"}) {
      Http other = webapp("tasklist", outsider);
      Http.Response refused = other.postFile(documents, "theirs.pdf", PDF);
      assertThat(refused.status()).as(outsider).isEqualTo(403);
      assertThat(message(refused)).isEqualTo("You may not see this task, so you cannot attach documents to it.");
      assertThat(other.get(documents).status()).as(outsider).isEqualTo(403);
    }
    // a manager reads every task but answers none (and has no Tasklist)
    Http manager = webapp("cockpit", "manager");
    assertThat(manager.postFile(documents, "manager.pdf", PDF).status()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).isEmpty();

    // the coordinators are candidates of every request too, and may answer it on the agency's behalf
    Http coordinator = webapp("tasklist", "coordinator");
    Http.Response byCoordinator = coordinator.postFile(documents, "notes.pdf", PDF);
    assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(201);
    // what one person attached, another does not remove
    Http police = webapp("tasklist", "police-lead");
    JsonNode listed = police.get(documents).json().path("documents").get(0);
    assertThat(listed.path("removable").asBoolean()).isFalse();
    Http.Response notTheirs = police.delete(documents + "/" + listed.path("id").asText());
    assertThat(notTheirs.status()).isEqualTo(403);
    assertThat(message(notTheirs)).startsWith("You can remove only a document you attached yourself.");
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).hasSize(1);

    // a task that is no agency's request takes none, and an unknown one is not there
    Task tracking = engine.getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
    Http.Response notARequest = coordinator.postFile(documentsOf(tracking.getId()), "notes.pdf", PDF);
    assertThat(notARequest.status()).isEqualTo(404);
    assertThat(message(notARequest)).isEqualTo("Documents go with an agency's request for information or the reviewer's "
        + "report; this task takes none.");
    assertThat(police.get(documentsOf("no-such-task")).status()).isEqualTo(404);
    // and the webapp's login is needed at all
    assertThat(new Http(port).get(documents).status()).isIn(401, 403);
  }

  @Test
  void anAnsweredRequestTakesNoMoreDocumentsAndKeepsThoseItHas() {
    Task task = askThePolice();
    Http police = webapp("tasklist", "police-lead");
    String documents = documentsOf(task.getId());
    assertThat(police.postFile(documents, "chronology.pdf", PDF).status()).isEqualTo(201);
    String id = police.get(documents).json().path("documents").get(0).path("id").asText();
    engine.getTaskService().complete(task.getId(), uk.cspr.testing.Workflow.agencyAnswers());

    Http.Response late = police.postFile(documents, "late.pdf", PDF);
    assertThat(late.status()).isEqualTo(410);
    assertThat(message(late)).startsWith("This request has been answered or withdrawn");
    assertThat(police.get(documents).status()).isEqualTo(410);
    assertThat(police.delete(documents + "/" + id).status()).isEqualTo(410);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).extracting(Attachment::getName)
        .containsExactly("chronology.pdf");
  }
}
