package uk.cspr.agency;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.partnership.Partnership;

/**
 * The pages in {@code respond/} that agency staff reach without logging in: the response page,
 * and the page that says why a link opens nothing. Filled by Mustache: values HTML-escaped, a
 * missing one an error.
 */
public final class Pages {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final Mustache.Compiler PAGES = Mustache.compiler().strictSections(true).emptyStringIsFalse(true);

  private Pages() {}

  /** The partnership's name and the coordinators' contact, which every page shows. */
  public static Map<String, Object> common(Partnership partnership) {
    Map<String, Object> model = new HashMap<>();
    model.put("partnershipName", partnership.name());
    model.put("coordinatorsEmail", partnership.coordinatorsEmail());
    model.put("coordinatorsPhone", partnership.coordinatorsPhone() == null ? "" : partnership.coordinatorsPhone());
    model.put("tasklistUrl", partnership.tasklistUrl());
    model.put("offerTasklist", false);
    return model;
  }

  /**
   * Why there is nothing to open here, with the coordinators' contact, and nothing of the request:
   * no case reference, no agency, nothing asked.
   *
   * @param offerTasklist whether to point to Tasklist, where people with an account find their other requests
   */
  public static ResponseEntity<String> nothingToOpen(Partnership partnership, int status, String title, String explanation,
      boolean offerTasklist) {
    Map<String, Object> model = common(partnership);
    model.put("title", title);
    model.put("explanation", explanation);
    model.put("offerTasklist", offerTasklist);
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
        .body(fill("refused.html", model));
  }

  /** A refusal or failure as the pages' scripts read it: a message for the person and the problems by field. */
  public static ResponseEntity<Map<String, Object>> problem(int status, String message, java.util.List<uk.cspr.validation.Problem> problems) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("message", message);
    body.put("problems", problems);
    return ResponseEntity.status(status).header("Cache-Control", "no-store").body(body);
  }

  /** JSON inside a script element: nothing in it can close the element. */
  public static String scriptJson(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String fill(String page, Map<String, Object> model) {
    return PAGES.compile(load(page)).execute(model);
  }

  private static String load(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/respond/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
