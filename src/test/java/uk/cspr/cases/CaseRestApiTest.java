package uk.cspr.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;
import uk.cspr.testing.Workflow;

/**
 * Recording a case through {@code POST /engine-rest/process-definition/key/cspr-case/start} and
 * through the API Tasklist's start form uses: bad input is a 400 naming the field, and leaves no
 * case and no reference behind.
 */
@CsprSpringTest
class CaseRestApiTest {

  static final String START = "/engine-rest/process-definition/key/cspr-case/start";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port).basicAuth("coordinator", "coordinator");
  }

  static LocalDate today() {
    return WorkingDays.todayInEngland();
  }

  static String daysAgo(int days) {
    return today().minusDays(days).toString();
  }

  /** A valid incident as a script would send it: typed variables, lists as Json. */
  static Map<String, Object> incident() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("incidentDate", typed(daysAgo(3), "String"));
    v.put("awareDate", typed(daysAgo(2), "String"));
    v.put("incidentType", typed("SERIOUS_HARM", "String"));
    v.put("abuseOrNeglectSuspected", typed(true, "Boolean"));
    v.put("childStatus", typed("CHILD_IN_NEED", "String"));
    v.put("childAge", typed(11, "Integer"));
    v.put("childReferences", typed("[\"LCS-9001-A\"]", "Json"));
    v.put("agencies", typed("[\"police\",\"education\"]", "Json"));
    return v;
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  static Map<String, Object> body(Map<String, Object> variables) {
    return Map.of("variables", variables);
  }

  long cases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();
  }

  @Test
  void aValidIncidentIsRecordedWithAGeneratedReference() {
    Http.Response response = http.postJson(START, body(incident()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String reference = response.json().path("businessKey").asText();
    assertThat(reference).matches("CSPR-" + today().getYear() + "-\\d{4}");
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(response.json().path("id").asText(), "agencies")))
        .containsExactly("police", "education");
  }

  @Test
  void listsMayArriveAsCommaSeparatedStrings() {
    Map<String, Object> variables = incident();
    variables.put("childReferences", typed("LCS-9002-A, LCS-9002-B", "String"));
    variables.put("agencies", typed("health,early-years", "String"));
    Http.Response response = http.postJson(START, body(variables));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(Workflow.jsonStrings(engine.getRuntimeService().getVariable(response.json().path("id").asText(), "childReferences")))
        .containsExactly("LCS-9002-A", "LCS-9002-B");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a missing incident date      | incidentDate            | <missing>                     | String  | Date of the incident is required",
      "a malformed incident date    | incidentDate            | 03/02/2026                    | String  | Date of the incident is not a date: '03/02/2026'",
      "a malformed awareness date   | awareDate               | 2026-02-30                    | String  | Date the local authority became aware is not a date: '2026-02-30'",
      "awareness before the incident| awareDate               | <4 days ago>                  | String  | is before the incident (",
      "awareness in the future      | awareDate               | <tomorrow>                    | String  | Date the local authority became aware (",
      "an incident in the future    | incidentDate            | <tomorrow>                    | String  | is in the future",
      "an incident at year -999999999| incidentDate           | -999999999-01-01              | String  | is not a plausible date (the years 1900 to 2100)",
      "an incident in the year 1    | incidentDate            | 0001-01-01                    | String  | Date of the incident (01/01/0001) is not a plausible date",
      "an incident 26 years ago     | incidentDate            | <26 years ago>                | String  | years ago",
      "awareness 26 years ago       | awareDate               | <26 years ago>                | String  | years ago",
      "an age over 24               | childAge                | 25                            | Integer | Age of the children at the incident is 25, outside 0 to 24",
      "an age beyond an int         | childAge                | 10000000000                   | Long    | is 10000000000, outside 0 to 24",
      "an age of 2^32 + 7           | childAge                | 4294967303                    | Long    | is 4294967303, outside 0 to 24",
      "an age with a fraction       | childAge                | 7.5                           | Double  | Age of the children at the incident is required (whole years",
      "a negative age               | childAge                | -1                            | Integer | is -1, outside 0 to 24",
      "an unknown agency            | agencies                | [\"police\",\"fire-service\"] | Json    | Agencies involved with the child or family has 'fire-service', which is not a known agency",
      "no agency                    | agencies                | []                            | Json    | Agencies involved with the child or family needs at least one agency chosen",
      "no child reference           | childReferences         | []                            | Json    | Give 1 to 4 child references",
      "five child references        | childReferences         | A1,A2,A3,A4,A5                | String  | Give 1 to 4 child references",
      "an unknown incident type     | incidentType            | INJURY                        | String  | The answer to “What happened to the child?” is not one of the answers offered: 'INJURY' (they are DEATH or SERIOUS_HARM)",
      "an unknown child status      | childStatus             | ADOPTED                       | String  | Status of the children at the time is not one of the answers offered: 'ADOPTED'",
      "no answer on abuse or neglect| abuseOrNeglectSuspected | <missing>                     | Boolean | Abuse or neglect is known or suspected is required (true or false)",
      "five children                | children                | <5 children>                  | Json    | Give 1 to 4 children",
      "no children                  | children                | []                            | Json    | Give 1 to 4 children",
      "a child without a reference  | children                | [{\"reference\":\"LCS-1\",\"age\":4,\"status\":\"NONE\"},{\"age\":2,\"status\":\"NONE\"}] | Json | Child reference (child 2) is required",
      "a looked-after child of 19   | children                | [{\"reference\":\"LCS-1\",\"age\":19,\"status\":\"LOOKED_AFTER\"}] | Json | Age at the incident (child 1): a looked-after child is 0 to 17 years old, not 19",
      "a care leaver of 15          | children                | [{\"reference\":\"LCS-1\",\"age\":15,\"status\":\"CARE_LEAVER\"}] | Json | Age at the incident (child 1): a care leaver is 16 to 24 years old, not 15",
      "a child of 19 with no status | children                | [{\"reference\":\"LCS-1\",\"age\":19,\"status\":\"NONE\"}] | Json | Age at the incident (child 1): a child is 0 to 17 years old, not 19",
      "a child's unknown status     | children                | [{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"ADOPTED\"}] | Json | Status at the time (child 1) is not one of the answers offered: 'ADOPTED'",
      "the same child twice         | children                | [{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"NONE\"},{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"NONE\"}] | Json | Child 2 has the same reference as child 1",
      "a child in need of 19, single form | childAge     | 19                            | Integer | Age of the children at the incident: a child in need is 0 to 17 years old, not 19",
      "an unknown place             | incidentLocation        | MOON                          | String  | The answer to “Where did it happen?” is not one of the answers offered: 'MOON' (they are IN_AREA or OUTSIDE_ENGLAND_RESIDENT_HERE or ANOTHER_AUTHORITY)",
      "another authority unnamed    | incidentLocation        | ANOTHER_AUTHORITY             | String  | otherLocalAuthority → The local authority where it happened is required when the incident happened in another local authority's area"})
  void badInputIsA400NamingTheFieldAndLeavesNoCaseBehind(String what, String field, String value, String type, String message) {
    Map<String, Object> variables = incident();
    switch (value) {
      case "<missing>" -> variables.remove(field);
      case "<tomorrow>" -> variables.put(field, typed(today().plusDays(1).toString(), type));
      case "<4 days ago>" -> variables.put(field, typed(daysAgo(4), type));
      case "<26 years ago>" -> variables.put(field, typed(today().minusYears(26).toString(), type));
      case "<5 children>" -> variables.put(field, typed("[" + String.join(",", java.util.Collections.nCopies(5,
          "{\"reference\":\"LCS-1\",\"age\":4,\"status\":\"NONE\"}")) + "]", type));
      default -> variables.put(field, typed(switch (type) {
        case "Integer" -> Integer.valueOf(value);
        case "Long" -> Long.valueOf(value);
        case "Double" -> Double.valueOf(value);
        default -> value;
      }, type));
    }
    long before = cases();

    Http.Response response = http.postJson(START, body(variables));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    // the field a problem concerns is the one sent, a child's place in the list, or one named in the row
    String about = message.contains(" → ") ? message.substring(0, message.indexOf(" → ") + 3)
        : field.equals("children") && !message.startsWith("Give") ? "children[" : field + " → ";
    String said = message.substring(message.indexOf(" → ") < 0 ? 0 : message.indexOf(" → ") + 3);
    assertThat(response.json().path("message").asText()).startsWith("The serious incident was not recorded: ")
        .contains(said).doesNotContain("process definition").doesNotContain("cspr-case:");
    assertThat(problems(response)).as("the field's name beside the message, for scripts")
        .anySatisfy(problem -> assertThat(problem).startsWith(about).contains(said));
    assertThat(response.body()).doesNotContain("at org.").doesNotContain("Exception:");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aDuplicateReferenceIsRefusedAndAMalformedOneToo() {
    Map<String, Object> first = new LinkedHashMap<>(body(incident()));
    first.put("businessKey", "NSCP-REST-0001");
    assertThat(http.postJson(START, first).status()).isEqualTo(200);
    long before = cases();

    Http.Response duplicate = http.postJson(START, first);
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(problems(duplicate)).containsExactly("businessKey → The case reference NSCP-REST-0001 is already used by another case");

    Map<String, Object> malformed = new LinkedHashMap<>(body(incident()));
    malformed.put("businessKey", "NSCP/REST 0002");
    Http.Response refused = http.postJson(START, malformed);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).singleElement().asString().startsWith("businessKey → The case reference 'NSCP/REST 0002' must be");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theTasklistStartFormGetsTheSameMessageAndItsCaseIsRecorded() {
    Http http = new Http(port); // the Tasklist session, not the REST API's Basic authentication
    assertThat(http.loginToWebapp("tasklist", "coordinator", "coordinator")).isEqualTo(200);
    String submit = "/camunda/api/engine/engine/default/process-definition/key/cspr-case/submit-form";
    Map<String, Object> bad = incident();
    bad.put("childAge", typed(30, "Integer"));
    long before = cases();
    Http.Response refused = http.postJson(submit, body(bad));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("The serious incident was not recorded: Age of the children at the incident is 30, outside 0 to 24");
    assertThat(problems(refused)).containsExactly("childAge → Age of the children at the incident is 30, outside 0 to 24");
    assertThat(cases()).isEqualTo(before);

    Http.Response recorded = http.postJson(submit, body(incident()));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().path("businessKey").asText()).startsWith("CSPR-");
  }

  @Test
  void referencesGeneratedAtTheSameTimeAreUnique() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<String>> starts = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        starts.add(() -> {
          Http.Response response = new Http(port).basicAuth("coordinator", "coordinator").postJson(START, body(incident()));
          assertThat(response.status()).as(response.body()).isEqualTo(200);
          return response.json().path("businessKey").asText();
        });
      }
      Set<String> references = new HashSet<>();
      for (Future<String> reference : pool.invokeAll(starts)) {
        references.add(reference.get());
      }
      assertThat(references).hasSize(18).allMatch(r -> r.matches("CSPR-\\d{4}-\\d{4}"));
    } finally {
      pool.shutdown();
    }
  }

  /** The problems a 400 lists beside its message, each as "field → message". */
  static List<String> problems(Http.Response response) {
    List<String> problems = new ArrayList<>();
    response.json().path("problems").forEach(p -> problems.add(p.path("field").asText() + " → " + p.path("message").asText()));
    return problems;
  }
}
