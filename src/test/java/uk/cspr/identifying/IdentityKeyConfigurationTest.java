package uk.cspr.identifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key comes from: the environment, the demo's own file, or nowhere, and then no start. */
class IdentityKeyConfigurationTest {

  final Installation installation = new Installation();

  @Test
  void theKeyGivenSealsAndIsNamedByAnIdDerivedFromItNeverByItself() {
    String key = IdentityKeys.newKey();
    installation.startingWith("cspr.identity.key=" + key).run(started -> {
      assertThat(started).hasSingleBean(IdentityCipher.class);
      IdentityCipher cipher = started.getBean(IdentityCipher.class);
      assertThat(cipher.currentKeyId()).matches("[0-9a-f]{8}")
          .isEqualTo(IdentityKeys.idOf(IdentityKeys.decode(key, "test")));
      assertThat(key).doesNotContain(cipher.currentKeyId());
      assertThat(cipher.open(cipher.seal("Amelia Hart", "CSPR-2026-0042/LCS-1"), "CSPR-2026-0042/LCS-1"))
          .isEqualTo("Amelia Hart");
      assertThat(installation.checkedKeyIds()).containsExactly(cipher.currentKeyId());
    });
  }

  @Test
  void theDemoMakesItsOwnKeyOnceReadableByThisUserOnlyAndSaysWhereNeverWhat(@TempDir Path data) throws Exception {
    Path keyFile = data.resolve("data/cspr-identity.key");
    String[] madeAt = new String[1];
    List<String> log;
    try (LogLines lines = new LogLines()) {
      installation.startingWith("cspr.identity.key-file=" + keyFile).run(started -> {
        assertThat(started).hasNotFailed();
        madeAt[0] = started.getBean(IdentityCipher.class).currentKeyId();
      });
      log = lines.lines();
    }

    assertThat(keyFile).exists();
    String key = Files.readString(keyFile).trim();
    assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }
    assertThat(log).anySatisfy(line -> assertThat(line)
        .contains("Made a demo key").contains(keyFile.toAbsolutePath().normalize().toString()));
    assertThat(log).noneSatisfy(line -> assertThat(line).contains(key));

    installation.startingWith("cspr.identity.key-file=" + keyFile).run(again ->
        assertThat(again.getBean(IdentityCipher.class).currentKeyId()).as("the same key after a restart").isEqualTo(madeAt[0]));
    assertThat(Files.readString(keyFile).trim()).isEqualTo(key);
  }

  @Test
  void productionRefusesToStartWithoutTheKeyAndMakesNoneOfItsOwn(@TempDir Path data) {
    Path keyFile = data.resolve("cspr-identity.key");
    installation.startingWith("spring.profiles.active=production", "cspr.identity.key-file=" + keyFile).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("The production profile needs CSPR_IDENTITY_KEY")
            .hasMessageContaining("openssl rand -base64 32"));
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void outsideTheDemoWithoutAKeyFileTheKeyMustBeGiven() {
    installation.startingWith().run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("set CSPR_IDENTITY_KEY"));
  }

  @Test
  void aMalformedKeyRefusesToStartSayingWhatIsWrongWithoutShowingIt() {
    String notBase64 = "my-secret-key!!";
    String tooShort = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());
    installation.startingWith("cspr.identity.key=" + notBase64).run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("CSPR_IDENTITY_KEY is not base64")
            .hasMessageNotContaining(notBase64).hasNoCause());
    installation.startingWith("cspr.identity.key=" + tooShort).run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("CSPR_IDENTITY_KEY is 16 bytes, not 32")
            .hasMessageNotContaining(tooShort));
    installation.startingWith("cspr.identity.key=" + IdentityKeys.newKey(),
        "cspr.identity.previous-keys=" + IdentityKeys.newKey() + "," + tooShort).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("Key 2 of 2 in CSPR_IDENTITY_PREVIOUS_KEYS is 16 bytes, not 32")
            .hasMessageNotContaining(tooShort));
  }

  @Test
  void aDemoKeyFileSpoiltRefusesToStartNamingTheFile(@TempDir Path data) throws Exception {
    Path keyFile = Files.writeString(data.resolve("cspr-identity.key"), "not a key\n");
    installation.startingWith("cspr.identity.key-file=" + keyFile).run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("The demo key file " + keyFile)
            .hasMessageContaining("is not base64"));
  }

  @Test
  void thePropertiesNeverPrintTheKey() {
    String key = IdentityKeys.newKey();
    var properties = new IdentityKeyProperties(key, List.of(IdentityKeys.newKey()), null);
    assertThat(properties.toString()).doesNotContain(key).contains("(given)").contains("1 given");
  }
}
