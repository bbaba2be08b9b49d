package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.testing.Http;
import uk.cspr.testing.PlainEngine;

/** The production profile: no demo people, no mailbox, the first administrator from the environment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=production",
    // a database on disk, as production insists (a fresh one each run, see below)
    "spring.datasource.url=jdbc:h2:file:./target/production-profile-test/cspr;WRITE_DELAY=0",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1", "spring.mail.port=2599",
    "CSPR_ADMIN_USER=admin", "CSPR_ADMIN_PASSWORD=Correct-Horse-Battery-9", "CSPR_ADMIN_EMAIL=admin@northshire.example.org",
    // a test's key (base64 of "production-profile-test-key-0032"): production makes none of its own
    "CSPR_IDENTITY_KEY=cHJvZHVjdGlvbi1wcm9maWxlLXRlc3Qta2V5LTAwMzI=",
    "CSPR_PARTNERSHIP_NAME=Northshire Safeguarding Children Partnership",
    "CSPR_COORDINATORS_EMAIL=safeguarding@northshire.example.org", "CSPR_PUBLIC_URL=https://cspr.northshire.example.org"})
class ProductionProfileTest {

  static {
    org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/production-profile-test"));
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired uk.cspr.identifying.IdentityCipher cipher;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void itStartsWithTheGroupsAndTheFirstAdministratorOnlyAndNoMailbox() {
    var identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMINISTRATORS).count()).isEqualTo(1);
    assertThat(identity.createGroupQuery().count()).isEqualTo(Groups.all().size());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero(); // no demo cases

    assertThat(new Http(port).get("/dev/mailbox").status()).isEqualTo(404);
    assertThat(new Http(port).get("/engine-rest/user").status()).isEqualTo(401);
    assertThat(new Http(port).basicAuth("demo", "demo").get("/engine-rest/user").status()).isEqualTo(401);
    assertThat(new Http(port).basicAuth("admin", "Correct-Horse-Battery-9").get("/engine-rest/user").status()).isEqualTo(200);
  }

  @Test
  void browsersAreToldToUseOnlyHttpsOnOurPagesAndPasswordsMeetThePolicy() {
    var page = new Http(port).getBytes("/respond/not-a-real-link");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");

    var identity = engine.getIdentityService();
    var user = identity.newUser("weak-password-test");
    assertThat(identity.checkPasswordAgainstPolicy("weak-password-test", user).isValid()).isFalse();
    assertThat(identity.checkPasswordAgainstPolicy("Correct-Horse-Battery-9", user).isValid()).isTrue();
    user.setPassword("password");
    assertThatThrownBy(() -> identity.saveUser(user)).hasMessageContaining("policy");
  }

  @Test
  void errorsShowNoStackTraceOrServerVersion() {
    var missing = new Http(port).getBytes("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    String body = new String(missing.body());
    assertThat(body).doesNotContain("at org.").doesNotContain("Exception").doesNotContain("Tomcat");
    assertThat(missing.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void childrensIdentifyingDetailsAreSealedWithTheKeyFromTheEnvironmentAndItsCheckIsKept() throws Exception {
    byte[] key = java.util.Base64.getDecoder().decode("cHJvZHVjdGlvbi1wcm9maWxlLXRlc3Qta2V5LTAwMzI=");
    String keyId = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    assertThat(cipher.currentKeyId()).isEqualTo(keyId);
    assertThat(cipher.keys()).containsOnlyKeys(keyId);
    assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .queryForList("SELECT key_id FROM cspr_identity_key_check", String.class)).containsExactly(keyId);
  }

  @Test
  void withoutADatabaseOfItsOwnStartUpStopsSayingWhatToSet() {
    for (String url : new String[] {null, "jdbc:h2:mem:cspr"}) {
      var application = new org.springframework.boot.builder.SpringApplicationBuilder(uk.cspr.CsprApplication.class)
          .profiles("production").properties("spring.main.banner-mode=off");
      if (url != null) {
        application.properties("spring.datasource.url=" + url);
      }
      assertThatThrownBy(() -> application.run())
          .hasMessageContaining("The production profile needs a database")
          .hasMessageContaining(url == null ? "CSPR_DB_URL" : "lost at the next restart");
    }
  }

  @Test
  void withoutAnAdministratorStartUpStopsSayingWhatToSet() {
    ProcessEngine empty = PlainEngine.withCalendar().build();
    try {
      assertThatThrownBy(() -> new FirstAdministrator(null, null, null).postProcessEngineBuild(empty))
          .hasMessageContaining("CSPR_ADMIN_USER");
      assertThatThrownBy(() -> new FirstAdministrator("admin", "short", "a@b.org").postProcessEngineBuild(empty))
          .hasMessageContaining("at least 12 characters");
    } finally {
      empty.close();
    }
  }
}
