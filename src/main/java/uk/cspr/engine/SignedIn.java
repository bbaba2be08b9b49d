package uk.cspr.engine;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/**
 * Who is signed in to the engine as a task completes, for the stages to record who did it: the
 * engine's answer is a class of its internals, kept here so the stages stay on its public API.
 * Empty when nobody is (a response or reviewer's link, whose token is its key).
 */
public final class SignedIn {

  private SignedIn() {}

  public static Optional<String> userId(IdentityService identity) {
    var person = identity.getCurrentAuthentication();
    return person == null ? Optional.empty() : Optional.ofNullable(person.getUserId());
  }
}
