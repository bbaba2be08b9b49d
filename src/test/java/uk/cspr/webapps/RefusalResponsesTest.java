package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;

class RefusalResponsesTest {

  private final RefusalResponses responses = new RefusalResponses();
  private final Refusal refusal = new Refusal("The request was not changed",
      List.of(new Problem("newResponseDue", "New due date (05/12/2026) is not a working day")));

  @Test
  void theEnginesIdsComeOffAndTheProblemsGoBeside() throws Exception {
    byte[] answer = responses.inPlainWords(("{\"type\":\"InvalidRequestException\",\"message\":\"Cannot submit task form "
        + "5f0c-11f1: " + refusal.getMessage() + "\",\"code\":null}").getBytes(StandardCharsets.UTF_8), refusal);

    JsonNode json = new ObjectMapper().readTree(answer);
    assertThat(json.path("message").asText())
        .isEqualTo("The request was not changed: New due date (05/12/2026) is not a working day");
    assertThat(json.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(json.path("problems").get(0).path("field").asText()).isEqualTo("newResponseDue");
    assertThat(json.path("problems").get(0).path("message").asText()).isEqualTo("New due date (05/12/2026) is not a working day");
  }

  @Test
  void anotherFourHundredIsLeftAsTheApiSaidIt() {
    assertThat(responses.inPlainWords("{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert value\"}"
        .getBytes(StandardCharsets.UTF_8), refusal)).isNull();
    assertThat(responses.inPlainWords("not json".getBytes(StandardCharsets.UTF_8), refusal)).isNull();
  }
}
