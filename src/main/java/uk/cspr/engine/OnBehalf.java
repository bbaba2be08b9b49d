package uk.cspr.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work done for the logged-in person without their own permission checks, once what they may see
 * or do has been established with them: the engine then acts as our server code, and the person's
 * authentication is put back afterwards.
 */
public final class OnBehalf {

  private OnBehalf() {}

  public static <T> T of(IdentityService identity, Supplier<T> work) {
    Authentication person = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (person != null) {
        identity.setAuthentication(person);
      }
    }
  }
}
