package uk.cspr.identifying;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new key replaces an old one by a restart: with the new key in {@code CSPR_IDENTITY_KEY} and the
 * old in {@code CSPR_IDENTITY_PREVIOUS_KEYS}, every child's details sealed with the old are sealed
 * again with the new, bound to the same case and child, and the old key may then be dropped.
 *
 * <p>All in one transaction, so a start that fails part-way leaves every record as it was, still
 * opening with the keys that sealed it.
 */
final class IdentityKeyRotation {

  private static final Logger log = LoggerFactory.getLogger(IdentityKeyRotation.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  IdentityKeyRotation(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * @return how many records (a child's details, an incident's place) were sealed again
   * @throws IllegalStateException when a record does not open with the key it names: it was altered, or moved
   *     to another case or child, and is left for a person to look at rather than sealed again as it is
   */
  int sealAgainWithTheCurrentKey(IdentityCipher cipher) {
    List<String> previous = cipher.keys().keySet().stream().filter(id -> !id.equals(cipher.currentKeyId())).toList();
    if (previous.isEmpty()) {
      return 0;
    }
    int sealedAgain = transaction.execute(status -> {
      int count = 0;
      for (String keyId : previous) {
        // the children first and each record on its own, so no more than one child's details are in memory
        List<Map<String, Object>> children = jdbc.queryForList("SELECT case_reference, child_reference "
            + "FROM cspr_child_identity WHERE sealed LIKE ?", keyId + ":%");
        for (Map<String, Object> child : children) {
          count += sealAgain(cipher, (String) child.get("case_reference"), (String) child.get("child_reference"));
        }
        for (String caseReference : jdbc.queryForList("SELECT case_reference FROM cspr_incident_place "
            + "WHERE sealed LIKE ?", String.class, keyId + ":%")) {
          count += sealAgain(cipher, caseReference, null);
        }
      }
      return count;
    });
    if (sealedAgain > 0) {
      log.info("{} {} of identifying details sealed again with the current key {}; the previous keys may now "
          + "be removed from CSPR_IDENTITY_PREVIOUS_KEYS", sealedAgain, sealedAgain == 1 ? "record" : "records",
          cipher.currentKeyId());
    } else {
      log.info("No identifying details are sealed with the previous keys: they may be removed from "
          + "CSPR_IDENTITY_PREVIOUS_KEYS");
    }
    return sealedAgain;
  }

  /** A child's details, or with no child the case's incident's place. */
  private int sealAgain(IdentityCipher cipher, String caseReference, String childReference) {
    boolean place = childReference == null;
    // the binding the details were sealed with, as IdentifyingDetails binds them
    String boundTo = place ? IdentifyingDetails.placeBoundTo(caseReference)
        : IdentifyingDetails.boundTo(caseReference, childReference);
    String table = place ? "cspr_incident_place" : "cspr_child_identity";
    String where = place ? " WHERE case_reference = ?" : " WHERE case_reference = ? AND child_reference = ?";
    Object[] keys = place ? new Object[] {caseReference} : new Object[] {caseReference, childReference};
    List<String> found = jdbc.queryForList("SELECT sealed FROM " + table + where, String.class, keys);
    if (found.isEmpty()) {
      return 0; // erased since the list was read
    }
    String sealed = found.get(0);
    String details;
    try {
      details = cipher.open(sealed, boundTo);
    } catch (IdentityCipher.Unreadable altered) {
      // its cause says only that the tag did not match, which this says in words
      throw new IllegalStateException("The identifying details of " + (place ? "the incident's place"
          : "child " + childReference) + " of case " + caseReference + " do not open with key "
          + IdentityCipher.keyIdOf(sealed) + ", which sealed them: the record was altered or moved from another "
          + "case or child. Nothing was sealed again.");
    }
    // only if unchanged since it was read: details written meanwhile, by a node still on the old key, are kept as
    // written and sealed again at the next start
    Object[] arguments = new Object[keys.length + 2];
    arguments[0] = cipher.seal(details, boundTo);
    System.arraycopy(keys, 0, arguments, 1, keys.length);
    arguments[arguments.length - 1] = sealed;
    return jdbc.update("UPDATE " + table + " SET sealed = ?" + where + " AND sealed = ?", arguments);
  }
}
