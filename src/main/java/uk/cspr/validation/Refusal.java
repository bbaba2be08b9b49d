package uk.cspr.validation;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Bad input refused with a message naming each field, thrown from inside the engine (a start
 * listener, a task's complete listener) so that the transaction rolls back and nothing is left
 * behind.
 *
 * <p>It is a REST {@code InvalidRequestException} on purpose: Camunda's REST layer turns every
 * engine exception raised while starting a process or completing a task into a 500, except a
 * {@code RestException}, whose status it keeps. So the same refusal is a 400 with this message
 * from {@code /engine-rest}, from the API Tasklist uses (which shows the message on the form), and
 * a plain exception with the same message for Java callers and tests.
 */
public class Refusal extends InvalidRequestException {

  private final String what;
  private final List<String> problems;

  public Refusal(String what, List<String> problems) {
    super(Status.BAD_REQUEST, what + ": " + String.join("; ", problems));
    this.what = what;
    this.problems = List.copyOf(problems);
  }

  /** What was not done, such as "The serious incident was not recorded". */
  public String what() {
    return what;
  }

  /** The fields the problems concern, without what was entered in them: what a log may say. */
  public List<String> fields() {
    return problems.stream().map(p -> p.contains(":") ? p.substring(0, p.indexOf(':')) : "?").distinct().toList();
  }

  /** Each problem, starting with the name of the field it concerns. */
  public List<String> problems() {
    return problems;
  }
}
