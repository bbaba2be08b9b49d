package uk.cspr.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mail a process sends has its template in {@code src/main/resources/mail/}, and Camunda Modeler's
 * "Send a mail" element template offers every template and every input the BPMN uses, so a modeller
 * picks a mail rather than types a name that fails as an incident on the first send.
 */
class MailTasksTest {

  static final Pattern INPUT = Pattern.compile("<camunda:inputParameter name=\"(mail[A-Za-z]+)\">([^<]*)</camunda:inputParameter>");

  @Test
  void everyMailTheProcessesSendHasItsTemplateAndIsOfferedInTheModeler() throws IOException {
    Set<String> templates = new TreeSet<>();
    Set<String> inputs = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher m = INPUT.matcher(Files.readString(bpmn));
        while (m.find()) {
          inputs.add(m.group(1));
          if (m.group(1).equals("mailTemplate")) {
            templates.add(m.group(2).trim());
          }
        }
      }
    }
    assertThat(templates).isNotEmpty().allSatisfy(template ->
        assertThat(Path.of("src/main/resources/mail", template + ".txt")).as("the template of mail " + template).exists());

    JsonNode elementTemplate = new ObjectMapper().readTree(Path.of(".camunda/element-templates/send-mail.json").toFile()).get(0);
    Set<String> offered = new TreeSet<>();
    Set<String> bound = new TreeSet<>();
    for (JsonNode property : elementTemplate.path("properties")) {
      bound.add(property.path("binding").path("name").asText());
      if (property.path("label").asText().equals("Template")) {
        property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
      }
    }
    assertThat(offered).as("templates offered in Camunda Modeler").containsAll(templates);
    assertThat(bound).as("inputs the element template sets").containsAll(inputs);
  }
}
