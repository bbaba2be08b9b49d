package uk.cspr.cases;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import uk.cspr.validation.Refusal;

/**
 * Case references: {@code CSPR-<year>-<nnnn>} from a database sequence when none is supplied, and
 * one register of every reference in use, whose primary key refuses a duplicate on any node.
 *
 * <p>Both run on the engine's own data source, inside the transaction that starts the case, so a
 * case refused later in that transaction releases its reference (a generated number is simply
 * skipped, as sequences do).
 */
public class CaseReferences {

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public CaseReferences(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    // the sequence and the table are Flyway's (db/migration); only reading the next number differs
    this.postgres = "PostgreSQL".equalsIgnoreCase(productName(dataSource));
  }

  /** The next generated reference, numbered across all nodes; the year is the year it is recorded. */
  public String next(LocalDate today) {
    Long number = jdbc.queryForObject(
        postgres ? "SELECT nextval('cspr_case_number')" : "SELECT NEXT VALUE FOR cspr_case_number", Long.class);
    return String.format("CSPR-%d-%04d", today.getYear(), number);
  }

  /**
   * Registers the reference for a case being started.
   *
   * @throws Refusal when another case already uses it
   */
  public void claim(String reference, String processInstanceId, LocalDate today) {
    try {
      jdbc.update("INSERT INTO cspr_case_reference (reference, process_instance_id, recorded_on) VALUES (?, ?, ?)",
          reference, processInstanceId, java.sql.Date.valueOf(today));
    } catch (DuplicateKeyException e) {
      throw Refusal.of("The serious incident was not recorded", "businessKey",
          "The case reference " + reference + " is already used by another case");
    }
  }

  private static String productName(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database holds the case references", e);
    }
  }
}
