package uk.cspr.variables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One process variable, its name and its type, as the stage that owns it declares it, and the one
 * way it is read and written. Dates are ISO {@code yyyy-MM-dd} strings in the engine (what Camunda
 * Forms read and write, and what the contract promises), {@link LocalDate}s in Java; lists are Json
 * arrays, never Java objects a client would have to send back.
 *
 * <pre>
 *   public static final ProcessVariable&lt;LocalDate&gt; AWARE_DATE = ProcessVariable.date("awareDate");
 *   LocalDate aware = AWARE_DATE.required(execution);
 *   NOTIFICATION_DUE.set(execution, aware.plusDays(7));
 * </pre>
 */
public final class ProcessVariable<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, value -> value instanceof String text ? text : null, text -> text);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Boolean flag ? flag : null, flag -> flag);
  }

  public static ProcessVariable<Integer> count(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Number n ? n.intValue() : null, n -> n);
  }

  /** A date held as an ISO string. */
  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(name, value -> isoDate(name, value), LocalDate::toString);
  }

  /** A list of strings held as a Json array (a Java list, as cases recorded before held it, is read too). */
  public static ProcessVariable<List<String>> texts(String name) {
    return new ProcessVariable<>(name, ProcessVariable::strings, ProcessVariable::jsonOf);
  }

  /** Any Json value (a list of objects, say), held as Json. */
  public static ProcessVariable<SpinJsonNode> json(String name) {
    return new ProcessVariable<>(name, value -> value instanceof SpinJsonNode json ? json : null,
        json -> SpinValues.jsonValue(json.toString()).create());
  }

  public String name() {
    return name;
  }

  /** The value where the scope (or a scope above it) holds one of this type. */
  public Optional<T> from(VariableScope scope) {
    return Optional.ofNullable(read.apply(scope.getVariable(name)));
  }

  public Optional<T> from(Map<String, ?> variables) {
    return Optional.ofNullable(read.apply(variables.get(name)));
  }

  /** The value, which the process guarantees is there by now: its absence is a fault, not input. */
  public T required(VariableScope scope) {
    return from(scope).orElseThrow(() -> new IllegalStateException("The process has no " + name + " here"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : write.apply(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** The value as the engine holds it, for maps of variables (starting a process, a called stage's inputs). */
  public Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  private static LocalDate isoDate(String name, Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("The process holds " + name + " as '" + text + "', not an ISO date", e);
      }
    }
    return null;
  }

  private static List<String> strings(Object value) {
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> items.add(element.isString() ? element.stringValue() : element.toString()));
      return items;
    }
    if (value instanceof Collection<?> list) {
      list.forEach(item -> items.add(String.valueOf(item)));
      return items;
    }
    return null;
  }

  private static Object jsonOf(List<String> items) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
