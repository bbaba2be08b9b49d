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
      "a missing incident date      | incidentDate            | <missing>                     | String  | incidentDate: is required",
      "a malformed incident date    | incidentDate            | 03/02/2026                    | String  | incidentDate: '03/02/2026' is not a date",
      "a malformed awareness date   | awareDate               | 2026-02-30                    | String  | awareDate: '2026-02-30' is not a date",
      "awareness before the incident| awareDate               | <4 days ago>                  | String  | awareDate:",
      "awareness in the future      | awareDate               | <tomorrow>                    | String  | awareDate:",
      "an incident in the future    | incidentDate            | <tomorrow>                    | String  | incidentDate:",
      "an incident at year -999999999| incidentDate           | -999999999-01-01              | String  | incidentDate: -999999999-01-01 is not a plausible date",
      "an incident in the year 1    | incidentDate            | 0001-01-01                    | String  | incidentDate: 0001-01-01 is not a plausible date",
      "an incident 26 years ago     | incidentDate            | <26 years ago>                | String  | years ago",
      "awareness 26 years ago       | awareDate               | <26 years ago>                | String  | years ago",
      "an age over 24               | childAge                | 25                            | Integer | childAge: 25 is outside 0 to 24",
      "an age beyond an int         | childAge                | 10000000000                   | Long    | childAge: 10000000000 is outside 0 to 24",
      "an age of 2^32 + 7           | childAge                | 4294967303                    | Long    | childAge: 4294967303 is outside 0 to 24",
      "an age with a fraction       | childAge                | 7.5                           | Double  | childAge: is required (whole years",
      "a negative age               | childAge                | -1                            | Integer | childAge: -1 is outside 0 to 24",
      "an unknown agency            | agencies                | [\"police\",\"fire-service\"] | Json    | agencies: 'fire-service' is not a known agency",
      "no agency                    | agencies                | []                            | Json    | agencies: choose at least one",
      "no child reference           | childReferences         | []                            | Json    | childReferences: give 1 to 4",
      "five child references        | childReferences         | A1,A2,A3,A4,A5                | String  | childReferences: give 1 to 4",
      "an unknown incident type     | incidentType            | INJURY                        | String  | incidentType: 'INJURY' is not one of DEATH or SERIOUS_HARM",
      "an unknown child status      | childStatus             | ADOPTED                       | String  | childStatus: 'ADOPTED' is not one of",
      "no answer on abuse or neglect| abuseOrNeglectSuspected | <missing>                     | Boolean | abuseOrNeglectSuspected: is required",
      "five children                | children                | <5 children>                  | Json    | children: give 1 to 4 children",
      "no children                  | children                | []                            | Json    | children: give 1 to 4 children",
      "a child without a reference  | children                | [{\"reference\":\"LCS-1\",\"age\":4,\"status\":\"NONE\"},{\"age\":2,\"status\":\"NONE\"}] | Json | children[2].reference: is required",
      "a looked-after child of 19   | children                | [{\"reference\":\"LCS-1\",\"age\":19,\"status\":\"LOOKED_AFTER\"}] | Json | children[1].age: a looked-after child is 0 to 17 years old, not 19",
      "a care leaver of 15          | children                | [{\"reference\":\"LCS-1\",\"age\":15,\"status\":\"CARE_LEAVER\"}] | Json | children[1].age: a care leaver is 16 to 24 years old, not 15",
      "a child of 19 with no status | children                | [{\"reference\":\"LCS-1\",\"age\":19,\"status\":\"NONE\"}] | Json | children[1].age: a child is 0 to 17 years old, not 19",
      "a child's unknown status     | children                | [{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"ADOPTED\"}] | Json | children[1].status: 'ADOPTED' is not one of",
      "the same child twice         | children                | [{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"NONE\"},{\"reference\":\"LCS-1\",\"age\":9,\"status\":\"NONE\"}] | Json | children[2].reference: child 2 has the same reference as child 1",
      "a child in need of 19, single form | childAge     | 19                            | Integer | childAge: a child in need is 0 to 17 years old, not 19",
      "an unknown place             | incidentLocation        | MOON                          | String  | incidentLocation: 'MOON' is not one of IN_AREA or OUTSIDE_ENGLAND_RESIDENT_HERE or ANOTHER_AUTHORITY",
      "another authority unnamed    | incidentLocation        | ANOTHER_AUTHORITY             | String  | otherLocalAuthority: name the local authority where the incident happened"})
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
    assertThat(response.json().path("message").asText()).contains(message).contains(field);
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
    assertThat(duplicate.json().path("message").asText()).contains("businessKey").contains("NSCP-REST-0001 is already used");

    Map<String, Object> malformed = new LinkedHashMap<>(body(incident()));
    malformed.put("businessKey", "NSCP/REST 0002");
    Http.Response refused = http.postJson(START, malformed);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("businessKey");
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
    assertThat(refused.json().path("message").asText()).contains("childAge: 30 is outside 0 to 24");
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
}
