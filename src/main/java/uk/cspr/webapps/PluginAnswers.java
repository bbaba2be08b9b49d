package uk.cspr.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.casefile.CaseFiles;

/** How the plugins' resources answer: JSON never cached, and a refusal as its status and a message for people. */
final class PluginAnswers {

  private static final Logger log = LoggerFactory.getLogger("uk.cspr.refused");

  private final ObjectMapper json;

  PluginAnswers(ObjectMapper json) {
    this.json = json;
  }

  Response answer(Supplier<Response> response) {
    try {
      return response.get();
    } catch (CaseFiles.Refused refused) {
      return message(refused.status, refused.getMessage());
    } catch (AgencyDocuments.RefusedDocument refused) {
      return message(refused.status, refused.getMessage());
    } catch (IdentityRecords.Refused refused) {
      if (refused.problems.isEmpty()) {
        return message(refused.status, refused.getMessage());
      }
      // the fields alone, as the identifying details API logs a refusal
      log.warn("Refused: {} ({})", refused.problems.stream().map(uk.cspr.validation.Problem::field).toList(),
          refused.status);
      return json(refused.status, Map.of("message", refused.getMessage(), "problems", refused.problems));
    }
  }

  Response message(int status, String message) {
    log.warn("Refused: {} ({})", message, status);
    return json(status, Map.of("message", message));
  }

  Response json(Object body) {
    return json(200, body);
  }

  Response json(int status, Object body) {
    return Response.status(status).type("application/json").entity(write(body))
        .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }
}
