package uk.cspr.engine;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Text longer than the engine's text column (4,000 characters, on H2 and PostgreSQL alike) kept
 * whole, as the same String variable: an agency's chronology or analysis runs to many thousands
 * of characters. Registered before the engine's own string serializer, it takes only what that
 * one cannot store, and keeps it in the variable's byte array instead; every reader (the REST
 * API, Cockpit, Tasklist, history, our own listeners) still gets a String of that name, because
 * the engine finds the serializer by the name stored with the variable.
 */
public class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

  /** The name stored with each long variable; changing it would make stored ones unreadable. */
  public static final String NAME = "cspr-long-text";
  /** The width of the TEXT_ columns of the engine's variable and history tables. */
  public static final int TEXT_COLUMN = 4000;

  public LongTextSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    // Java's length counts UTF-16 units, never fewer than the characters a database column counts
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }
}
