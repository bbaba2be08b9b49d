package uk.cspr.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.ApplicationProcess;
import uk.cspr.testing.Http;

/**
 * A crash on the demo's H2 database: cases acknowledged with a 200 just before the JVM is killed
 * ({@code kill -9}) are there when it starts again. H2 delays writes by half a second unless told
 * not to, which lost the last cases recorded before a crash.
 */
class CrashIT {

  @Test
  void everyCaseAcknowledgedBeforeAKillIsThereAfterTheRestart(@TempDir Path folder) throws Exception {
    // the demo as shipped, its database in ./data of the folder
    String[] arguments = {"--spring.mail.port=" + ApplicationProcess.freePort()};
    List<String> acknowledged = new ArrayList<>();
    try (ApplicationProcess application = new ApplicationProcess(folder, arguments).start()) {
      Http coordinator = new Http(application.port()).basicAuth("coordinator", "coordinator");
      for (int i = 1; i <= 8; i++) {
        String reference = "CRASH-" + i;
        Http.Response started = coordinator.postJson(
            "/engine-rest/process-definition/key/cspr-case/start", incident(reference));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        acknowledged.add(reference);
      }
      application.killHard(); // at once: the last answers are milliseconds old
    }
    try (ApplicationProcess application = new ApplicationProcess(folder, arguments).start()) {
      Http coordinator = new Http(application.port()).basicAuth("coordinator", "coordinator");
      for (String reference : acknowledged) {
        assertThat(coordinator.get("/engine-rest/process-instance?processDefinitionKey=cspr-case&businessKey=" + reference).json().size())
            .as("case %s, acknowledged before the crash", reference)
            .isEqualTo(1);
      }
    }
  }

  static Map<String, Object> incident(String reference) {
    String aware = WorkingDays.todayInEngland().minusDays(1).toString();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("incidentDate", Map.of("value", aware));
    variables.put("awareDate", Map.of("value", aware));
    variables.put("incidentType", Map.of("value", "SERIOUS_HARM"));
    variables.put("abuseOrNeglectSuspected", Map.of("value", true));
    variables.put("childStatus", Map.of("value", "CHILD_IN_NEED"));
    variables.put("childAge", Map.of("value", 7));
    variables.put("childReferences", Map.of("value", "LCS-CRASH-1"));
    variables.put("agencies", Map.of("value", "police, health"));
    return Map.of("businessKey", reference, "variables", variables);
  }
}
