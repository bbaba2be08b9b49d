package uk.cspr.validation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What may be sent with a task, however it arrives (Tasklist, the REST API, a response link): only
 * the fields of the task's form, each a plain value (text, a number, true or false, a Json list),
 * never a serialized object, file or byte array the engine would store and rebuild, and no text
 * the database cannot store (PostgreSQL refuses the NUL character).
 */
public final class SubmittedAnswers {

  private SubmittedAnswers() {}

  /** A problem per field that may not be sent; empty when all may. */
  public static List<Problem> problems(FormSchema form, Map<String, ?> submitted) {
    Problems problems = Problems.labelledBy(form);
    for (String name : submitted.keySet()) {
      Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
      if (!form.variables().contains(name)) {
        problems.addMessage(name, name + " is not a question on this task's form");
      } else if (!plain(value)) {
        problems.add(name, "must be text, a number, true or false, or a list");
      } else if (text(value) != null && text(value).indexOf('\0') >= 0) {
        problems.add(name, "contains a character that is not text (NUL); type or paste it again");
      }
    }
    return problems.list();
  }

  private static boolean plain(Object value) {
    if (value instanceof TypedValue typed) {
      ValueType type = typed.getType();
      if (type == null) {
        return plain(typed.getValue());
      }
      return (type.isPrimitiveValueType() && type != ValueType.BYTES) || "json".equals(type.getName());
    }
    return value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof SpinJsonNode;
  }

  private static String text(Object value) {
    Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
    return plain instanceof String text ? text : plain instanceof SpinJsonNode json ? json.toString() : null;
  }
}
