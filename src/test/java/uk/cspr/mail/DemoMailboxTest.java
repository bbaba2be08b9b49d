package uk.cspr.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/** A newcomer reads the demo's mail at /dev/mailbox (JSON, the contract's shape) and /dev/mailbox.html. */
@CsprSpringTest
class DemoMailboxTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void everyMessageTheDemoSentIsListedOnceWithItsRecipientsSubjectTextAndTime() {
    var overdueCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("DEMO-2026-0001").processDefinitionKey("cspr-case").singleResult();
    new Workflow(engine).executeDueJobs(overdueCase); // the requests, the reminder and the escalation

    Http http = new Http(port);
    Http.Response mailbox = http.get("/dev/mailbox");
    assertThat(mailbox.status()).isEqualTo(200);
    JsonNode mails = mailbox.json();
    assertThat(mails.isArray()).isTrue();
    JsonNode request = null;
    for (JsonNode mail : mails) {
      assertThat(mail.has("to") && mail.has("subject") && mail.has("text") && mail.has("sentAt")).isTrue();
      if (mail.path("subject").asText().startsWith("DEMO-2026-0001: request for information")
          && mail.path("to").toString().contains("police-lead@example.org")) {
        request = mail;
      }
    }
    assertThat(request).as("the request to the police in %s", mails).isNotNull();
    assertThat(request.path("text").asText()).contains("DEMO-2026-0001");
    assertThat(request.path("links").toString()).contains("/respond/").contains("/tasks/"); // the link and Tasklist's
    // the server keeps a copy per recipient; the mailbox lists each message once
    assertThat(mails.findValuesAsText("messageId")).doesNotHaveDuplicates();

    Http.Response page = http.get("/dev/mailbox.html");
    assertThat(page.status()).isEqualTo(200);
    // it says plainly that a restart empties it, and when it was started, as people in England write it
    assertThat(page.body()).contains("mail sent before the demo last started is gone")
        .containsPattern("since it started \\((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}\\)");
    assertThat(page.body()).contains("Demo mailbox").contains("DEMO-2026-0001: request for information");
  }
}
