package uk.cspr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for driving the running application as a browser or a script would. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private String cookies = "";
  private String csrfToken;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  /** Sends this header with every request from now on. */
  public Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Http basicAuth(String user, String password) {
    return header("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Raw bytes of a response, for downloads (with the webapp's session, once logged in). */
  public HttpResponse<byte[]> getBytes(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data upload of one file in the field "file", as a browser sends it. */
  public Response postFile(String path, String filename, byte[] content) {
    String boundary = "----cspr" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** A body as it is, with whatever Content-Type header this client was given (a form's, by default). */
  public Response postRaw(String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (!headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return send(request);
  }

  public Response postJson(String path, Object body) {
    return sendJson("POST", path, body);
  }

  public Response putJson(String path, Object body) {
    return sendJson("PUT", path, body);
  }

  private Response sendJson(String method, String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A variable of a process instance as the history API gives it to a coordinator: its type and value. */
  public JsonNode historicVariable(String processInstanceId, String name) {
    Response history = new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))
        .basicAuth("coordinator", "coordinator")
        .get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId + "&variableName=" + name);
    if (history.status() != 200 || history.json().size() != 1) {
      throw new AssertionError("No single historic variable " + name + ": " + history.body());
    }
    return history.json().get(0);
  }

  /** Logs in to a Camunda webapp as its login page does, keeping the session and CSRF token. */
  public int loginToWebapp(String app, String user, String password) {
    HttpResponse<String> page = raw(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
    remember(page);
    Response login = send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    // the login starts a new session, which gets its own CSRF token on its first read
    get("/camunda/api/engine/engine/");
    return login.status();
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    HttpResponse<String> response = raw(request);
    remember(response);
    return new Response(response.statusCode(), response.body());
  }

  private HttpResponse<String> raw(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(HttpResponse<String> response) {
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    var set = response.headers().allValues("Set-Cookie");
    if (!set.isEmpty()) {
      java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
      for (String c : cookies.isEmpty() ? new String[0] : cookies.split("; ")) {
        jar.put(c.substring(0, c.indexOf('=')), c);
      }
      for (String c : set) {
        String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
        jar.put(pair.substring(0, pair.indexOf('=')), pair);
        if (pair.startsWith("XSRF-TOKEN=")) {
          csrfToken = pair.substring("XSRF-TOKEN=".length()); // the webapps' CSRF filter wants it echoed
        }
      }
      cookies = String.join("; ", jar.values());
    }
  }
}
