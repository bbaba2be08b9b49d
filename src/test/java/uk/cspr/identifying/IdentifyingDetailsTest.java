package uk.cspr.identifying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.validation.Problem;

class IdentifyingDetailsTest {

  static final ChildIdentity AMELIA = new ChildIdentity("Amelia Jane Example", List.of("Amy Sample"),
      LocalDate.of(2019, 3, 14), "12 Example Street, Northtown NT1 1AA", "943 476 5919", List.of("Jane Example", "Paul Sample"));

  private JdbcTemplate jdbc;
  private IdentifyingDetails details;
  private IdentityCipher cipher;

  @BeforeEach
  void freshDatabase() throws Exception {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:identity-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    cipher = new IdentityCipher("k1", Map.of("k1", key()));
    details = new IdentifyingDetails(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        cipher, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
  }

  static SecretKey key() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    return generator.generateKey();
  }

  @Test
  void theDatabaseHoldsOnlyCiphertextAndEachReadingIsRecorded() {
    details.record("CSPR-2026-0001", "LCS-1", AMELIA, "coordinator");

    String sealed = jdbc.queryForObject("SELECT sealed FROM cspr_child_identity", String.class);
    assertThat(sealed).startsWith("k1:").doesNotContain("Amelia").doesNotContain("Example").doesNotContain("9434765919")
        .doesNotContain("2019");
    assertThat(details.views("CSPR-2026-0001")).isEmpty();

    assertThat(details.read("CSPR-2026-0001", "LCS-1", "police-lead", "the Police's request, by its response link"))
        .contains(new ChildIdentity("Amelia Jane Example", List.of("Amy Sample"), LocalDate.of(2019, 3, 14),
            "12 Example Street, Northtown NT1 1AA", "9434765919", List.of("Jane Example", "Paul Sample")));
    assertThat(details.views("CSPR-2026-0001")).singleElement().satisfies(view -> {
      assertThat(view.childReference()).isEqualTo("LCS-1");
      assertThat(view.viewedBy()).isEqualTo("police-lead");
      assertThat(view.viewedThrough()).isEqualTo("the Police's request, by its response link");
      assertThat(view.viewedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    });
    assertThat(details.read("CSPR-2026-0001", "LCS-2", "police-lead", "x")).isEmpty();
    assertThat(details.views("CSPR-2026-0001")).hasSize(1);
  }

  @Test
  void aRecordMovedToAnotherChildDoesNotOpen() {
    details.record("CSPR-2026-0001", "LCS-1", AMELIA, "coordinator");
    details.record("CSPR-2026-0001", "LCS-2", new ChildIdentity("Ben Example", null, null, null, null, null), "coordinator");
    jdbc.update("UPDATE cspr_child_identity SET sealed = (SELECT sealed FROM cspr_child_identity WHERE child_reference = "
        + "'LCS-1') WHERE child_reference = 'LCS-2'");

    assertThatThrownBy(() -> details.read("CSPR-2026-0001", "LCS-2", "coordinator", "the case file"))
        .isInstanceOf(IdentityCipher.Unreadable.class);
  }

  @Test
  void recordingAgainReplacesAndErasingForgetsWithItsReasonKept() {
    details.record("CSPR-2026-0001", "LCS-1", AMELIA, "coordinator");
    details.record("CSPR-2026-0001", "LCS-1", new ChildIdentity("Amelia Example", null, null, null, null, null), "coordinator");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cspr_child_identity", Integer.class)).isEqualTo(1);
    assertThat(details.childrenWithDetails("CSPR-2026-0001")).containsExactly("LCS-1");

    assertThat(details.erase("CSPR-2026-0001", "LCS-1", "admin", "Subject access and erasure request of 1 December 2026"))
        .isTrue();
    assertThat(details.read("CSPR-2026-0001", "LCS-1", "coordinator", "the case file")).isEmpty();
    assertThat(details.erasures("CSPR-2026-0001")).singleElement().satisfies(erasure -> {
      assertThat(erasure.erasedBy()).isEqualTo("admin");
      assertThat(erasure.lawfulBasis()).contains("erasure request");
    });
    assertThat(details.erase("CSPR-2026-0001", "LCS-1", "admin", "again")).isFalse();
    assertThat(details.erasures("CSPR-2026-0001")).hasSize(1);
  }

  @Test
  void badDetailsAreRefusedFieldByFieldWithoutQuotingThem() {
    LocalDate incident = LocalDate.of(2026, 11, 20);
    assertThat(AMELIA.problems(incident)).isEmpty();
    assertThat(new ChildIdentity(" ", null, LocalDate.of(2026, 11, 21), null, "9434765918", null).problems(incident))
        .containsExactly(
            new Problem("fullName", "Full name is required"),
            new Problem("dateOfBirth", "Date of birth is after the incident (20/11/2026)"),
            new Problem("nhsNumber", "NHS number is not an NHS number: ten digits whose last is the check digit of the "
                + "nine before it"));
    assertThat(new ChildIdentity("A", null, LocalDate.of(2001, 11, 19), null, null, null).problems(incident))
        .extracting(Problem::message).containsExactly("Date of birth is more than 25 years before the incident");
    // a check digit of 10 is never valid; 0 stands for 11
    assertThat(ChildIdentity.validNhsNumber("9434765919")).isTrue();
    assertThat(ChildIdentity.validNhsNumber("4010232137")).isTrue();
    assertThat(ChildIdentity.validNhsNumber("1234567890")).isFalse();
    assertThat(ChildIdentity.validNhsNumber("94347659")).isFalse();
  }

  @Test
  void theIncidentsPlaceIsSealedToItsCaseReadingsAreRecordedAndItGoesWithTheCase() {
    details.recordPlace("CSPR-2026-0001", new IncidentPlace(" The family home, 12 Example Street "), "coordinator");
    details.record("CSPR-2026-0001", "LCS-1", AMELIA, "coordinator");

    assertThat(jdbc.queryForObject("SELECT sealed FROM cspr_incident_place", String.class)).startsWith("k1:")
        .doesNotContain("Example");
    assertThat(details.recorded("CSPR-2026-0001")).extracting(IdentifyingDetails.Recorded::childReference)
        .containsExactly("LCS-1", null);
    assertThat(details.readPlace("CSPR-2026-0001", "police-lead", "the Police's request, in Tasklist"))
        .contains(new IncidentPlace("The family home, 12 Example Street"));
    assertThat(details.views("CSPR-2026-0001")).singleElement().satisfies(view -> {
      assertThat(view.childReference()).isNull();
      assertThat(view.viewedBy()).isEqualTo("police-lead");
    });
    assertThat(details.readPlace("CSPR-2026-0002", "police-lead", "x")).isEmpty();

    // moved to another case, it does not open
    jdbc.update("INSERT INTO cspr_incident_place (case_reference, sealed, recorded_at, recorded_by) SELECT "
        + "'CSPR-2026-0002', sealed, recorded_at, recorded_by FROM cspr_incident_place");
    assertThatThrownBy(() -> details.readPlace("CSPR-2026-0002", "coordinator", "the case file"))
        .isInstanceOf(IdentityCipher.Unreadable.class);

    assertThat(details.erasePlace("CSPR-2026-0001", "admin", "Erasure request of 2 December 2026")).isTrue();
    assertThat(details.readPlace("CSPR-2026-0001", "coordinator", "the case file")).isEmpty();
    assertThat(details.erasures("CSPR-2026-0001")).singleElement()
        .satisfies(erasure -> assertThat(erasure.childReference()).isNull());

    details.recordPlace("CSPR-2026-0001", new IncidentPlace("A park in Northtown"), "coordinator");
    details.forgetCase("CSPR-2026-0001");
    assertThat(details.recorded("CSPR-2026-0001")).isEmpty();
    assertThat(details.views("CSPR-2026-0001")).isEmpty();
    assertThat(new IncidentPlace(" ").problems()).containsExactly(new Problem("place", "Where the incident happened is required"));
  }
}
