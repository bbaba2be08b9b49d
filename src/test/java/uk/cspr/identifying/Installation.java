package uk.cspr.identifying;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One installation's database, with the application's migrations, started again and again with
 * the keys an operator gives it; read directly, as anyone holding a copy of the database would.
 */
final class Installation {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IdentityKeyProperties.class)
  @Import(IdentityKeyConfiguration.class)
  static class KeysOnly {}

  final DataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

  Installation() {
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  /** A start with these properties, e.g. {@code cspr.identity.key=…}. */
  ApplicationContextRunner startingWith(String... properties) {
    return new ApplicationContextRunner().withUserConfiguration(KeysOnly.class)
        .withBean(DataSource.class, () -> dataSource).withPropertyValues(properties);
  }

  /** A start with the key that records each child given as {@code case/child/full name}. */
  void recordWith(TestKey key, String... children) {
    startingWith(key.asCurrent()).run(started -> {
      for (String child : children) {
        String[] parts = child.split("/");
        record(started.getBean(IdentityCipher.class), parts[0], parts[1], parts[2]);
      }
    });
  }

  /** A child's details as the store keeps them: JSON, sealed and bound to the case and child. */
  void record(IdentityCipher cipher, String caseReference, String childReference, String fullName) {
    String details = "{\"fullName\":\"" + fullName + "\",\"dateOfBirth\":\"2019-03-14\"}";
    jdbc.update("INSERT INTO cspr_child_identity (case_reference, child_reference, sealed, recorded_at, recorded_by) "
        + "VALUES (?, ?, ?, ?, ?)", caseReference, childReference, cipher.seal(details, caseReference + "/" + childReference),
        Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")), "coordinator");
  }

  /** A start with the key that records where the case's incident happened. */
  void recordPlaceWith(TestKey key, String caseReference, String place) {
    startingWith(key.asCurrent()).run(started -> jdbc.update("INSERT INTO cspr_incident_place (case_reference, sealed, "
        + "recorded_at, recorded_by) VALUES (?, ?, ?, ?)", caseReference, started.getBean(IdentityCipher.class)
        .seal("{\"place\":\"" + place + "\"}", IdentifyingDetails.placeBoundTo(caseReference)),
        Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")), "coordinator"));
  }

  String sealedPlace(String caseReference) {
    return jdbc.queryForObject("SELECT sealed FROM cspr_incident_place WHERE case_reference = ?", String.class,
        caseReference);
  }

  String sealed(String caseReference, String childReference) {
    return jdbc.queryForObject("SELECT sealed FROM cspr_child_identity WHERE case_reference = ? AND child_reference = ?",
        String.class, caseReference, childReference);
  }

  List<String> everySealed() {
    return jdbc.queryForList("SELECT sealed FROM cspr_child_identity ORDER BY child_reference", String.class);
  }

  List<String> checkedKeyIds() {
    return jdbc.queryForList("SELECT key_id FROM cspr_identity_key_check ORDER BY key_id", String.class);
  }
}
