package uk.cspr.identifying;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start, before any details are read: the keys given are the keys the details were sealed with.
 * A wrong key would otherwise show nothing until a coordinator opens a child's details, and then
 * only an error; an operator who gives the wrong key, or drops an old one too soon, is told at once
 * what to give instead.
 *
 * <p>{@code cspr_identity_key_check} holds a known text sealed with each key that has been current,
 * so a key is tried even where it seals no child's details yet.
 */
final class IdentityKeyCheck {

  static final String KNOWN_TEXT = "This key seals children's identifying details";
  static final String BOUND_TO = "key-check";

  private final JdbcTemplate jdbc;

  IdentityKeyCheck(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * @param demoKey whether the current key is the demo's own, which a lost key file replaced
   * @throws IllegalStateException when a key does not open what it sealed, or details are sealed with a key not given
   */
  void check(IdentityCipher cipher, boolean demoKey) {
    String orStartAfresh = demoKey
        ? " In the demo, delete the data folder (its database and key) to start afresh." : "";
    for (String keyId : cipher.keys().keySet()) {
      for (String sealed : jdbc.queryForList("SELECT sealed FROM cspr_identity_key_check WHERE key_id = ?",
          String.class, keyId)) {
        if (!opens(cipher, keyId, sealed)) {
          throw new IllegalStateException((keyId.equals(cipher.currentKeyId()) ? "CSPR_IDENTITY_KEY"
              : "A key in CSPR_IDENTITY_PREVIOUS_KEYS (" + keyId + ")")
              + " is not the key the identifying details were sealed with: the check sealed with key " + keyId
              + " does not open with it." + orStartAfresh);
        }
      }
    }
    Map<String, Integer> notGiven = keysNotGiven(cipher);
    if (!notGiven.isEmpty()) {
      throw new IllegalStateException("Identifying details are sealed with "
          + notGiven.entrySet().stream().map(e -> "key " + e.getKey() + " (" + e.getValue()
              + (e.getValue() == 1 ? " record)" : " records)"))
              .collect(Collectors.joining(", "))
          + ", which is not given: CSPR_IDENTITY_KEY is not the key they were sealed with, or an old key was dropped "
          + "before a start had sealed them again. Add that key to CSPR_IDENTITY_PREVIOUS_KEYS (comma-separated, the "
          + "current key staying in CSPR_IDENTITY_KEY) and start again: the details are then sealed with the current key."
          + orStartAfresh);
    }
    addCheckFor(cipher);
  }

  private static boolean opens(IdentityCipher cipher, String keyId, String sealed) {
    try {
      return IdentityCipher.keyIdOf(sealed).equals(keyId) && KNOWN_TEXT.equals(cipher.open(sealed, BOUND_TO));
    } catch (IdentityCipher.Unreadable wrongKey) {
      return false;
    }
  }

  /** How many records (children's details, incidents' places) each key not given seals; ordinarily none. */
  private Map<String, Integer> keysNotGiven(IdentityCipher cipher) {
    Map<String, Integer> notGiven = new TreeMap<>();
    for (String table : List.of("cspr_child_identity", "cspr_incident_place")) {
      StringBuilder sql = new StringBuilder("SELECT SUBSTRING(sealed FROM 1 FOR 41) FROM " + table + " WHERE 1 = 1");
      Object[] prefixes = cipher.keys().keySet().stream().map(id -> id + ":%").toArray();
      for (int i = 0; i < prefixes.length; i++) {
        sql.append(" AND sealed NOT LIKE ?");
      }
      // the key id and no more: the rest is ciphertext, of no use here
      jdbc.query(sql.toString(), row -> {
        notGiven.merge(IdentityCipher.keyIdOf(row.getString(1)), 1, Integer::sum);
      }, prefixes);
    }
    return notGiven;
  }

  private void addCheckFor(IdentityCipher cipher) {
    String keyId = cipher.currentKeyId();
    Integer checks = jdbc.queryForObject("SELECT COUNT(*) FROM cspr_identity_key_check WHERE key_id = ?",
        Integer.class, keyId);
    if (checks != null && checks > 0) {
      return;
    }
    try {
      jdbc.update("INSERT INTO cspr_identity_key_check (key_id, sealed) VALUES (?, ?)", keyId,
          cipher.seal(KNOWN_TEXT, BOUND_TO));
    } catch (DuplicateKeyException anotherNodeStartingWithTheSameKey) {
      // another node starting with the same key added it first
    }
  }
}
