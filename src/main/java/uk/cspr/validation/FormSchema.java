package uk.cspr.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a Camunda Form lets a person answer: its fields' keys, which are required, and the process
 * variables a submission of it can write. A form is the whole of what its task may be answered
 * with, so these are what the server holds a submission to, whichever way it arrives.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A field's own rules, as form-js enforces them in the browser: the same rules on the server.
   *
   * @param options the values a radio, select or checklist offers; empty for free fields
   * @param description the hint the form shows under the field, if any
   */
  public record Field(String key, String type, boolean required, boolean conditional, Integer minLength,
      Integer maxLength, String pattern, Double min, Double max, java.util.List<String> options, String description) {}

  private final JsonNode schema;
  private final java.util.List<Field> fields = new java.util.ArrayList<>();
  private final Set<String> keys = new LinkedHashSet<>();
  private final Set<String> required = new LinkedHashSet<>();
  private final Set<String> variables = new LinkedHashSet<>();
  private final java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, java.util.Map<String, String>> optionLabels = new java.util.HashMap<>();

  private FormSchema(JsonNode schema) {
    this.schema = schema;
    collect(schema.path("components"), true);
  }

  public static FormSchema of(JsonNode schema) {
    return new FormSchema(schema);
  }

  public static FormSchema read(InputStream form) {
    try (InputStream in = form) {
      return new FormSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a deployed form", e);
    }
  }

  public JsonNode json() {
    return schema;
  }

  /** The fields a submission answers at its top level, with their rules (fields inside a group or list are not). */
  public java.util.List<Field> fields() {
    return Collections.unmodifiableList(fields);
  }

  /** Every field's key. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(keys);
  }

  /** Keys of the fields that must be answered (a field shown only on a condition is not counted). */
  public Set<String> required() {
    return Collections.unmodifiableSet(required);
  }

  /** Each field's label as the form shows it (a date field's date label), by key, in form order. */
  public java.util.Map<String, String> labels() {
    return Collections.unmodifiableMap(labels);
  }

  /** What the form shows for one of a field's options ("Death" for DEATH); the value itself if it offers none. */
  public String optionLabel(String key, String value) {
    return optionLabels.getOrDefault(key, java.util.Map.of()).getOrDefault(value, value);
  }

  /** A form shipped with the application ({@code forms/<id>.form}), as it is deployed. */
  public static FormSchema shipped(String formId) {
    InputStream form = FormSchema.class.getResourceAsStream("/forms/" + formId + ".form");
    if (form == null) {
      throw new IllegalStateException("No form " + formId + " in forms/");
    }
    return read(form);
  }

  /**
   * The process variables a submission of this form writes: each top-level field's key, and the
   * first part of a dotted key or of a group's or dynamic list's {@code path}, where form-js nests
   * the fields inside it.
   */
  public Set<String> variables() {
    return Collections.unmodifiableSet(variables);
  }

  private void collect(JsonNode components, boolean topLevel) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String path = component.path("path").asText("");
      if (!key.isEmpty()) {
        keys.add(key);
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        labels.putIfAbsent(key, label.isBlank() ? key : label);
        component.path("values").forEach(option -> optionLabels.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>())
            .putIfAbsent(option.path("value").asText(), option.path("label").asText(option.path("value").asText())));
        if (topLevel) {
          variables.add(firstSegment(key));
          fields.add(field(component, key));
        }
        if (component.path("validate").path("required").asBoolean(false)
            && component.path("conditional").path("hide").isMissingNode()) {
          required.add(key);
        }
      }
      if (topLevel && !path.isEmpty()) {
        variables.add(firstSegment(path));
      }
      collect(component.path("components"), topLevel && path.isEmpty());
    }
  }

  private static Field field(JsonNode component, String key) {
    JsonNode validate = component.path("validate");
    java.util.List<String> options = new java.util.ArrayList<>();
    component.path("values").forEach(value -> options.add(value.path("value").asText()));
    return new Field(key, component.path("type").asText(""), validate.path("required").asBoolean(false),
        !component.path("conditional").path("hide").isMissingNode(),
        validate.has("minLength") ? validate.path("minLength").asInt() : null,
        validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
        validate.hasNonNull("pattern") && !validate.path("pattern").asText().isEmpty() ? validate.path("pattern").asText() : null,
        validate.has("min") ? validate.path("min").asDouble() : null,
        validate.has("max") ? validate.path("max").asDouble() : null,
        java.util.List.copyOf(options),
        component.path("description").asText("").isBlank() ? null : component.path("description").asText().trim());
  }

  private static String firstSegment(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }
}
