package uk.cspr.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.cspr.validation.Problem;
import uk.cspr.validation.Refusal;

/**
 * A refused submission answered in the person's words. The engine's REST API puts its own ids in
 * front of a refusal's message ("Cannot instantiate process definition cspr-case:1:317a…: …",
 * "Cannot submit task form 5f0c…: …") and Tasklist shows that on the form. Where the 400 is a
 * {@link Refusal} raised while answering this request, its message goes back as it was written,
 * with the problems field by field beside it ({@code problems: [{field, message}]}) for a script
 * to act on, on {@code /engine-rest} and on Tasklist's {@code /camunda/api/engine} alike. Any other
 * answer passes unchanged.
 */
public class RefusalResponses implements Filter {

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = ((HttpServletRequest) request).getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      chain.doFilter(request, response); // reads refuse nothing, and a document download is not held in memory
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper((HttpServletResponse) response);
    Refusal.forgetRaised();
    try {
      chain.doFilter(request, answer);
      Optional<Refusal> refusal = Refusal.lastRaised();
      if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST && refusal.isPresent()) {
        byte[] plain = inPlainWords(answer.getContentAsByteArray(), refusal.get());
        if (plain != null) {
          answer.resetBuffer();
          answer.getOutputStream().write(plain);
        }
      }
      answer.copyBodyToResponse();
    } finally {
      Refusal.forgetRaised();
    }
  }

  /** The REST API's error with the refusal's own message and its problems; null when the answer is about something else. */
  byte[] inPlainWords(byte[] body, Refusal refusal) {
    try {
      JsonNode error = json.readTree(body);
      if (!(error instanceof ObjectNode object) || !object.path("message").asText("").endsWith(refusal.getMessage())) {
        return null;
      }
      object.put("message", refusal.getMessage());
      ArrayNode problems = object.putArray("problems");
      for (Problem problem : refusal.problems()) {
        problems.addObject().put("field", problem.field()).put("message", problem.message());
      }
      return json.writeValueAsBytes(object);
    } catch (IOException notJson) {
      return null;
    }
  }
}
