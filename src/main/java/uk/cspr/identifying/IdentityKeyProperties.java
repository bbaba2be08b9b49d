package uk.cspr.identifying;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that seal children's identifying details ({@code cspr.identity.*}). Each key is base64
 * of 32 random bytes ({@code openssl rand -base64 32}) and comes from the environment, never the
 * repository. The values are checked where the keys are made ({@link IdentityKeyConfiguration}),
 * not here: a refused binding would print the value it was given, and that is the key.
 *
 * @param key the key new details are sealed with ({@code CSPR_IDENTITY_KEY})
 * @param previousKeys keys details may still be sealed with, until a start seals them again with the
 *     current one ({@code CSPR_IDENTITY_PREVIOUS_KEYS}, comma-separated)
 * @param keyFile where the demo keeps the key it made itself when none is given; never used in production
 */
@ConfigurationProperties("cspr.identity")
public record IdentityKeyProperties(String key, List<String> previousKeys, Path keyFile) {

  public IdentityKeyProperties {
    previousKeys = previousKeys == null ? List.of()
        : previousKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).toList();
  }

  boolean keyGiven() {
    return key != null && !key.isBlank();
  }

  /** A record's own toString would write the keys into any log or error that prints the properties. */
  @Override
  public String toString() {
    return "IdentityKeyProperties[key=" + (keyGiven() ? "(given)" : "(none)") + ", previousKeys=("
        + previousKeys.size() + " given), keyFile=" + keyFile + "]";
  }
}
