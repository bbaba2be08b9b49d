package uk.cspr.engine;

import java.lang.reflect.Field;

/** Reading what an engine command was given, for the interceptors that hold people's commands to our rules. */
public final class EngineCommands {

  private EngineCommands() {}

  /**
   * A field of an engine command. Camunda's commands keep what they were given in fields without
   * getters; reading one that is not there fails closed, so an engine upgrade that renames it
   * refuses the command rather than letting it through unchecked.
   */
  @SuppressWarnings("unchecked")
  public static <V> V field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + ": the checks on it cannot run, so the command is refused");
  }
}
