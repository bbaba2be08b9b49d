package uk.cspr.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;
import uk.cspr.servlet.RequestWithBody;

/**
 * Lets a task be sent back as it was read. Tasklist changes a task's follow-up or due date by
 * sending the whole task back ({@code PUT /task/{id}}), and the engine's REST API refuses every
 * task that has a Camunda Form, as all of ours do: {@code TaskDto.camundaFormRef} is an interface
 * Jackson cannot build ("Cannot construct instance of CamundaFormRef"). The property cannot be
 * changed through that call anyway (the engine copies the form reference from the process model,
 * and {@code TaskDto.updateTask} ignores it), so it is dropped from the body before the REST API
 * reads it, on {@code /engine-rest} and on Tasklist's {@code /camunda/api/engine}. Leaving it out
 * on the client is no way round: the call replaces the task, and a body without the tenant would
 * clear it. Who may change a task is still the engine's decision (coordinators may; agencies,
 * partners and managers get 403).
 */
public class TaskSentBackAsRead implements Filter {

  /** The property the REST API cannot read back. */
  static final String FORM_REFERENCE = "camundaFormRef";
  /** A task, not its variables, identity links or form: the last segment is the task's id. */
  private static final Pattern TASK = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/?$");
  /** A task's JSON is a few kilobytes; a longer body is left for the REST API to judge. */
  private static final int LARGEST_TASK = 256 * 1024;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (!"PUT".equals(http.getMethod()) || !TASK.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = http.getInputStream().readNBytes(LARGEST_TASK + 1);
    chain.doFilter(new RequestWithBody(http, withoutFormReference(body)), response);
  }

  byte[] withoutFormReference(byte[] body) {
    if (body.length > LARGEST_TASK) {
      return body;
    }
    try {
      JsonNode task = json.readTree(body);
      if (task instanceof ObjectNode object && object.has(FORM_REFERENCE)) {
        object.remove(FORM_REFERENCE);
        return json.writeValueAsBytes(object);
      }
    } catch (IOException notJson) {
      // the REST API answers it with its own 400
    }
    return body;
  }
}
