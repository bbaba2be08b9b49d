package uk.cspr.identifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong key stops the start, saying which key is needed, rather than showing garbage later. */
class IdentityKeyCheckTest {

  final Installation installation = new Installation();
  final TestKey keyA = TestKey.made();
  final TestKey keyB = TestKey.made();

  @Test
  void aStartWithTheWrongKeyRefusesNamingTheKeyTheDetailsNeed() {
    installation.recordWith(keyA, "CSPR-2026-0042/LCS-1/Amelia Hart");
    installation.startingWith(keyB.asCurrent()).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("sealed with key " + keyA.id() + " (1 record), which is not given")
            .hasMessageContaining("CSPR_IDENTITY_KEY is not the key they were sealed with")
            .hasMessageNotContaining(keyA.base64()).hasMessageNotContaining(keyB.base64()));
    assertThat(installation.checkedKeyIds()).as("nothing sealed with the wrong key").containsExactly(keyA.id());
  }

  @Test
  void aKeyWhoseCheckDoesNotOpenRefusesToStart() {
    // a check that names key B's id but was sealed otherwise: B is not the key that sealed it
    IdentityCipher notB = new IdentityCipher(keyB.id(), Map.of(keyB.id(), IdentityKeys.decode(keyA.base64(), "test")));
    installation.jdbc.update("INSERT INTO cspr_identity_key_check (key_id, sealed) VALUES (?, ?)", keyB.id(),
        notB.seal(IdentityKeyCheck.KNOWN_TEXT, IdentityKeyCheck.BOUND_TO));
    installation.startingWith(keyB.asCurrent()).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("CSPR_IDENTITY_KEY is not the key the identifying details were sealed with"));
    installation.startingWith(keyA.asCurrent(), keyB.asPrevious()).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("A key in CSPR_IDENTITY_PREVIOUS_KEYS (" + keyB.id() + ") is not the key"));
  }

  @Test
  void theDemoToldToStartAfreshWhenItsKeyFileWasLost(@TempDir Path data) {
    installation.recordWith(keyA, "DEMO-2026-0001/LCS-1/Amelia Hart");
    installation.startingWith("cspr.identity.key-file=" + data.resolve("cspr-identity.key")).run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("In the demo, delete the data folder"));
  }
}
