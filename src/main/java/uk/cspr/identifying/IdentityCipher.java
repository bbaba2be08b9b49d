package uk.cspr.identifying;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals identifying details with AES-256-GCM: a fresh 96-bit nonce each time, and the case and
 * child they belong to as associated data, so a sealed record copied to another child does not
 * open. A sealed text is {@code <key id>:<base64 of nonce and ciphertext>}; records sealed with an
 * older key still open while that key is given, until they are sealed again with the current one.
 */
public final class IdentityCipher {

  /** Details that do not open: a wrong key, or a record altered or moved. */
  public static class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param currentKeyId the key new records are sealed with
   * @param keys every key that may open a record, by id, the current one among them
   */
  public IdentityCipher(String currentKeyId, Map<String, SecretKey> keys) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("The current key " + currentKeyId + " is not among the keys");
    }
    this.currentKeyId = currentKeyId;
    this.keys = new LinkedHashMap<>(keys);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  public Map<String, SecretKey> keys() {
    return java.util.Collections.unmodifiableMap(keys);
  }

  public String seal(String plain, String boundTo) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return currentKeyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
          .put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Identifying details cannot be sealed", e);
    }
  }

  public String open(String sealed, String boundTo) {
    int colon = sealed.indexOf(':');
    SecretKey key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
    if (key == null) {
      throw new Unreadable("Sealed with a key that is not given (" + (colon < 0 ? "none" : sealed.substring(0, colon)) + ")", null);
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Unreadable("Identifying details do not open with key " + sealed.substring(0, colon), e);
    }
  }

  /** The key id a sealed text names. */
  public static String keyIdOf(String sealed) {
    int colon = sealed.indexOf(':');
    return colon < 0 ? "" : sealed.substring(0, colon);
  }
}
