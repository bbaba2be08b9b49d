package uk.cspr.identifying;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The children's identifying details, each sealed in our own table, never in the engine: so no
 * REST call, Cockpit view, history entry or mail template can reach them. Every reading is
 * recorded (who, when, through what), for the coordinators, Ofsted and the ICO to ask about.
 * Whoever calls decides who may read; this only keeps, records and forgets.
 */
public class IdentifyingDetails {

  /** A reading of a child's details (or, with no child, of the incident's place), as the case file lists it. */
  public record View(String childReference, String viewedBy, String viewedThrough, Instant viewedAt) {}

  /** Details erased on a lawful request (a child's, or with no child the incident's place), as the case file lists it. */
  public record Erasure(String childReference, String erasedBy, Instant erasedAt, String lawfulBasis) {}

  /** Details kept (a child's, or with no child the incident's place): who recorded them and when, never what. */
  public record Recorded(String childReference, String recordedBy, Instant recordedAt) {}

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IdentityCipher cipher;
  private final Clock clock;

  public IdentifyingDetails(DataSource dataSource, TransactionTemplate transaction, IdentityCipher cipher, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = transaction;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** The sealed record's binding: a record moved to another child or case does not open. */
  public static String boundTo(String caseReference, String childReference) {
    return caseReference + "/" + childReference;
  }

  /** The incident's place is bound to the case alone; a child's reference never has a space, so no child's binding is the same. */
  public static String placeBoundTo(String caseReference) {
    return caseReference + "/the incident's place";
  }

  /** Keeps (or replaces) a child's details. */
  public void record(String caseReference, String childReference, ChildIdentity details, String recordedBy) {
    String sealed = cipher.seal(json(details), boundTo(caseReference, childReference));
    Timestamp now = Timestamp.from(clock.instant());
    transaction.executeWithoutResult(status -> {
      int updated = jdbc.update("UPDATE cspr_child_identity SET sealed = ?, recorded_at = ?, recorded_by = ? "
          + "WHERE case_reference = ? AND child_reference = ?", sealed, now, recordedBy, caseReference, childReference);
      if (updated == 0) {
        jdbc.update("INSERT INTO cspr_child_identity (case_reference, child_reference, sealed, recorded_at, recorded_by) "
            + "VALUES (?, ?, ?, ?, ?)", caseReference, childReference, sealed, now, recordedBy);
      }
    });
  }

  /** Keeps (or replaces) where the incident happened. */
  public void recordPlace(String caseReference, IncidentPlace place, String recordedBy) {
    String sealed = cipher.seal(json(place), placeBoundTo(caseReference));
    Timestamp now = Timestamp.from(clock.instant());
    transaction.executeWithoutResult(status -> {
      int updated = jdbc.update("UPDATE cspr_incident_place SET sealed = ?, recorded_at = ?, recorded_by = ? "
          + "WHERE case_reference = ?", sealed, now, recordedBy, caseReference);
      if (updated == 0) {
        jdbc.update("INSERT INTO cspr_incident_place (case_reference, sealed, recorded_at, recorded_by) "
            + "VALUES (?, ?, ?, ?)", caseReference, sealed, now, recordedBy);
      }
    });
  }

  /** Where the incident happened, the reading recorded; empty (and nothing recorded) where it is not kept. */
  public Optional<IncidentPlace> readPlace(String caseReference, String viewedBy, String viewedThrough) {
    List<String> sealed = jdbc.queryForList("SELECT sealed FROM cspr_incident_place WHERE case_reference = ?",
        String.class, caseReference);
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    IncidentPlace place = parse(cipher.open(sealed.get(0), placeBoundTo(caseReference)), IncidentPlace.class);
    viewed(caseReference, null, viewedBy, viewedThrough);
    return Optional.of(place);
  }

  /** What is kept for the case, children first then the incident's place (no child): who recorded it and when. */
  public List<Recorded> recorded(String caseReference) {
    List<Recorded> recorded = new java.util.ArrayList<>(jdbc.query("SELECT child_reference, recorded_by, recorded_at "
        + "FROM cspr_child_identity WHERE case_reference = ? ORDER BY child_reference", (rs, n) -> new Recorded(
        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), caseReference));
    recorded.addAll(jdbc.query("SELECT recorded_by, recorded_at FROM cspr_incident_place WHERE case_reference = ?",
        (rs, n) -> new Recorded(null, rs.getString(1), rs.getTimestamp(2).toInstant()), caseReference));
    return recorded;
  }

  /** Forgets where the incident happened on a lawful request, recorded as a child's erasure is. False where it was not kept. */
  public boolean erasePlace(String caseReference, String erasedBy, String lawfulBasis) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      int erased = jdbc.update("DELETE FROM cspr_incident_place WHERE case_reference = ?", caseReference);
      if (erased > 0) {
        jdbc.update("INSERT INTO cspr_identity_erasure (case_reference, child_reference, erased_by, erased_at, "
            + "lawful_basis) VALUES (?, NULL, ?, ?, ?)", caseReference, erasedBy, Timestamp.from(clock.instant()),
            lawfulBasis);
      }
      return erased > 0;
    }));
  }

  /** A child's details, the reading recorded; empty (and nothing recorded) where none are kept. */
  public Optional<ChildIdentity> read(String caseReference, String childReference, String viewedBy, String viewedThrough) {
    List<String> sealed = jdbc.queryForList("SELECT sealed FROM cspr_child_identity WHERE case_reference = ? "
        + "AND child_reference = ?", String.class, caseReference, childReference);
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    ChildIdentity details = parse(cipher.open(sealed.get(0), boundTo(caseReference, childReference)),
        ChildIdentity.class);
    viewed(caseReference, childReference, viewedBy, viewedThrough);
    return Optional.of(details);
  }

  private void viewed(String caseReference, String childReference, String viewedBy, String viewedThrough) {
    jdbc.update("INSERT INTO cspr_identity_view (case_reference, child_reference, viewed_by, viewed_through, viewed_at) "
        + "VALUES (?, ?, ?, ?, ?)", caseReference, childReference, viewedBy, viewedThrough, Timestamp.from(clock.instant()));
  }

  /** The children of the case with details kept: what a manager may know, that they exist. */
  public List<String> childrenWithDetails(String caseReference) {
    return jdbc.queryForList("SELECT child_reference FROM cspr_child_identity WHERE case_reference = ? "
        + "ORDER BY child_reference", String.class, caseReference);
  }

  /** Every reading of the case's details, newest first. */
  public List<View> views(String caseReference) {
    return jdbc.query("SELECT child_reference, viewed_by, viewed_through, viewed_at FROM cspr_identity_view "
        + "WHERE case_reference = ? ORDER BY viewed_at DESC, id DESC", (rs, n) -> new View(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), caseReference);
  }

  public List<Erasure> erasures(String caseReference) {
    return jdbc.query("SELECT child_reference, erased_by, erased_at, lawful_basis FROM cspr_identity_erasure "
        + "WHERE case_reference = ? ORDER BY erased_at, id", (rs, n) -> new Erasure(rs.getString(1), rs.getString(2),
        rs.getTimestamp(3).toInstant(), rs.getString(4)), caseReference);
  }

  /**
   * Forgets a child's details on a lawful request, recording who, when and why; the case's
   * pseudonymous history stays for its statutory period. False where none were kept.
   */
  public boolean erase(String caseReference, String childReference, String erasedBy, String lawfulBasis) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      int erased = jdbc.update("DELETE FROM cspr_child_identity WHERE case_reference = ? AND child_reference = ?",
          caseReference, childReference);
      if (erased > 0) {
        jdbc.update("INSERT INTO cspr_identity_erasure (case_reference, child_reference, erased_by, erased_at, "
            + "lawful_basis) VALUES (?, ?, ?, ?, ?)", caseReference, childReference, erasedBy,
            Timestamp.from(clock.instant()), lawfulBasis);
      }
      return erased > 0;
    }));
  }

  /** Forgets every child's details of the case and its incident's place, as its retention ends (the views and erasures go with them). */
  public int forgetCase(String caseReference) {
    return Optional.ofNullable(transaction.execute(status -> {
      jdbc.update("DELETE FROM cspr_identity_view WHERE case_reference = ?", caseReference);
      jdbc.update("DELETE FROM cspr_identity_erasure WHERE case_reference = ?", caseReference);
      jdbc.update("DELETE FROM cspr_incident_place WHERE case_reference = ?", caseReference);
      return jdbc.update("DELETE FROM cspr_child_identity WHERE case_reference = ?", caseReference);
    })).orElse(0);
  }

  /**
   * The cases anything is kept of here: children's details, the incident's place, their readings or
   * erasures. A case whose details were all erased is still listed, by its erasures, so that these
   * too go with its retention.
   */
  public List<String> casesKept() {
    return jdbc.queryForList("SELECT case_reference FROM cspr_child_identity UNION SELECT case_reference "
        + "FROM cspr_incident_place UNION SELECT case_reference FROM cspr_identity_view UNION SELECT "
        + "case_reference FROM cspr_identity_erasure ORDER BY case_reference", String.class);
  }

  private static String json(Object details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Identifying details cannot be written as JSON", e);
    }
  }

  private static <T> T parse(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Identifying details opened but are not the details' JSON", e);
    }
  }
}
