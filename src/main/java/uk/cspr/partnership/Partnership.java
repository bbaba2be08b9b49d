package uk.cspr.partnership;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The safeguarding partnership this installation serves, in {@code cspr.partnership.*}. Held in
 * configuration, never in code or BPMN, so a service hosting several partnerships can come later
 * without rewriting the stages. Mails and the response pages read it.
 *
 * @param name the partnership's public name, e.g. "Northshire Safeguarding Children Partnership"
 * @param localAuthority the local authority whose area the partnership covers
 * @param coordinatorsEmail the business unit's shared mailbox: agencies reply and ask here
 * @param coordinatorsPhone the business unit's phone, shown where a link cannot be used
 * @param publicUrl where users reach this application; links in mails start with it
 */
@ConfigurationProperties("cspr.partnership")
public record Partnership(
    String name, String localAuthority, String coordinatorsEmail, String coordinatorsPhone, URI publicUrl) {

  public Partnership {
    List<String> missing = new ArrayList<>();
    if (name == null || name.isBlank()) missing.add("cspr.partnership.name");
    if (coordinatorsEmail == null || !coordinatorsEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      missing.add("cspr.partnership.coordinators-email (an e-mail address)");
    }
    if (publicUrl == null || !publicUrl.isAbsolute()) {
      missing.add("cspr.partnership.public-url (an absolute URL such as https://cspr.example.org)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("The partnership is not configured: set " + String.join(", ", missing));
    }
  }

  /** A process instance in Cockpit, where its "Case file" tab shows the case it belongs to. */
  public String cockpitProcessInstanceUrl(String processInstanceId) {
    return publicUrl.resolve("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime").toString();
  }

  /** Tasklist, where people with an account find their tasks. */
  public String tasklistUrl() {
    return publicUrl.resolve("/camunda/app/tasklist/").toString();
  }
}
