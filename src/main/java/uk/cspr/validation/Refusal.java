package uk.cspr.validation;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Bad input refused with a message for the person, naming each field by its label, thrown from
 * inside the engine (a start listener, a task's complete listener) so that the transaction rolls
 * back and nothing is left behind.
 *
 * <p>It is a REST {@code InvalidRequestException} on purpose: Camunda's REST layer turns every
 * engine exception raised while starting a process or completing a task into a 500, except a
 * {@code RestException}, whose status it keeps. So the same refusal is a 400 from
 * {@code /engine-rest} and from the API Tasklist uses (which shows the message on the form), and a
 * plain exception with the same message for Java callers and tests. The REST layer puts the
 * engine's ids in front of the message; {@code webapps.RefusalResponses} takes them off again and
 * adds the problems, field by field, for scripts.
 */
public class Refusal extends InvalidRequestException {

  private static final ThreadLocal<Refusal> LAST_RAISED = new ThreadLocal<>();

  private final String what;
  private final List<Problem> problems;

  public Refusal(String what, List<Problem> problems) {
    super(Status.BAD_REQUEST, what + ": " + String.join("; ", problems.stream().map(Problem::message).toList()));
    this.what = what;
    this.problems = List.copyOf(problems);
    LAST_RAISED.set(this);
  }

  /** A refusal of one field. */
  public static Refusal of(String what, String field, String message) {
    return new Refusal(what, List.of(new Problem(field, message)));
  }

  /**
   * The refusal last made on this thread since {@link #forgetRaised()}: a web request's answer can
   * say it whole, whatever the REST layer has wrapped it in by then.
   */
  public static Optional<Refusal> lastRaised() {
    return Optional.ofNullable(LAST_RAISED.get());
  }

  public static void forgetRaised() {
    LAST_RAISED.remove();
  }

  /** What was not done, such as "The serious incident was not recorded". */
  public String what() {
    return what;
  }

  /** The fields the problems concern, without what was entered in them: what a log may say. */
  public List<String> fields() {
    return problems.stream().map(Problem::field).distinct().toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
