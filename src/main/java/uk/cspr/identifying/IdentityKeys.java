package uk.cspr.identifying;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys as given in configuration, turned into a cipher. A refusal says what is wrong with a
 * key and never shows it, not even as the cause: the base64 decoder's message quotes the
 * character it could not read.
 */
final class IdentityKeys {

  static final int KEY_BYTES = 32;
  static final String HOW_TO_MAKE_ONE = "make one with: openssl rand -base64 32";

  private IdentityKeys() {}

  /**
   * The current key first, then the previous ones.
   *
   * @param production whether the demo's own key file is out of the question
   */
  static IdentityCipher cipher(IdentityKeyProperties properties, boolean production) {
    SecretKey current = decode(currentKey(properties, production), properties.keyGiven()
        ? "CSPR_IDENTITY_KEY" : "The demo key file " + properties.keyFile().toAbsolutePath().normalize());
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keys.put(idOf(current), current);
    List<String> previous = properties.previousKeys();
    for (int i = 0; i < previous.size(); i++) {
      SecretKey key = decode(previous.get(i), "Key " + (i + 1) + " of " + previous.size() + " in CSPR_IDENTITY_PREVIOUS_KEYS");
      keys.putIfAbsent(idOf(key), key);
    }
    return new IdentityCipher(idOf(current), keys);
  }

  private static String currentKey(IdentityKeyProperties properties, boolean production) {
    if (properties.keyGiven()) {
      return properties.key();
    }
    if (production) {
      throw new IllegalStateException("The production profile needs CSPR_IDENTITY_KEY, the key that seals children's "
          + "identifying details: base64 of 32 random bytes (" + HOW_TO_MAKE_ONE + "), kept apart from the database "
          + "and its backups. Production never makes a key of its own, as details sealed with a key nobody kept are lost.");
    }
    if (properties.keyFile() == null) {
      throw new IllegalStateException("No key for children's identifying details: set CSPR_IDENTITY_KEY to base64 of "
          + "32 random bytes (" + HOW_TO_MAKE_ONE + ")");
    }
    return DemoKeyFile.readOrMake(properties.keyFile());
  }

  static SecretKey decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalStateException(source + " is not base64: " + HOW_TO_MAKE_ONE);
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(source + " is " + bytes.length + " bytes, not " + KEY_BYTES + ": " + HOW_TO_MAKE_ONE);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /**
   * The id a sealed record names its key by: the first 8 hex characters of the key's SHA-256. It
   * tells the keys in use apart without an operator naming them, and gives nothing of the key away.
   */
  static String idOf(SecretKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  static String newKey() {
    byte[] key = new byte[KEY_BYTES];
    new java.security.SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
