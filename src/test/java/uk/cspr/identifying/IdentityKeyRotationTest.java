package uk.cspr.identifying;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A new key replaces an old one by restarting: once with both, then with the new alone. Read from
 * the table itself, which holds ciphertext only.
 */
class IdentityKeyRotationTest {

  final Installation installation = new Installation();
  final TestKey keyA = TestKey.made();
  final TestKey keyB = TestKey.made();

  @Test
  void anInstallationMovesFromOneKeyToAnotherByRestartingAndThenNeedsOnlyTheNewOne() {
    installation.recordWith(keyA, "CSPR-2026-0042/LCS-1/Amelia Hart", "CSPR-2026-0042/LCS-2/Oliver Hart",
        "CSPR-2026-0043/LCS-7/Noah Price");
    installation.recordPlaceWith(keyA, "CSPR-2026-0042", "Hart family home, Example Street");
    assertThat(installation.everySealed()).allSatisfy(sealed -> assertThat(sealed).startsWith(keyA.id() + ":"));

    try (LogLines log = new LogLines()) {
      installation.startingWith(keyB.asCurrent(), keyA.asPrevious()).run(started ->
          assertThat(started).hasNotFailed());
      assertThat(log.lines()).contains("4 records of identifying details sealed again with the current key "
          + keyB.id() + "; the previous keys may now be removed from CSPR_IDENTITY_PREVIOUS_KEYS");
      assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains("Hart"));
    }
    assertThat(installation.everySealed()).hasSize(3).allSatisfy(sealed -> assertThat(sealed)
        .startsWith(keyB.id() + ":").doesNotContain("Hart").doesNotContain("Price").doesNotContain("2019-03-14"));
    assertThat(installation.sealedPlace("CSPR-2026-0042")).startsWith(keyB.id() + ":").doesNotContain("Hart");
    assertThat(installation.checkedKeyIds()).containsExactlyInAnyOrder(keyA.id(), keyB.id());

    IdentityCipher keyBAlone = IdentityKeys.cipher(new IdentityKeyProperties(keyB.base64(), null, null), false);
    assertThat(keyBAlone.keys()).containsOnlyKeys(keyB.id());
    assertThat(keyBAlone.open(installation.sealed("CSPR-2026-0042", "LCS-1"), "CSPR-2026-0042/LCS-1"))
        .contains("\"fullName\":\"Amelia Hart\"");
    assertThat(keyBAlone.open(installation.sealed("CSPR-2026-0043", "LCS-7"), "CSPR-2026-0043/LCS-7"))
        .contains("Noah Price");
    assertThat(keyBAlone.open(installation.sealedPlace("CSPR-2026-0042"),
        IdentifyingDetails.placeBoundTo("CSPR-2026-0042"))).contains("Hart family home");

    installation.startingWith(keyB.asCurrent()).run(started -> assertThat(started).hasNotFailed());
    installation.startingWith(keyA.asCurrent()).run(started ->
        assertThat(started).getFailure().rootCause()
            .hasMessageContaining("sealed with key " + keyB.id() + " (4 records), which is not given")
            .hasMessageContaining("Add that key to CSPR_IDENTITY_PREVIOUS_KEYS"));
  }

  @Test
  void aRecordThatDoesNotOpenWithItsOwnKeyIsNotSealedAgainAndNothingIsChanged() {
    installation.recordWith(keyA, "CSPR-2026-0042/LCS-1/Amelia Hart", "CSPR-2026-0042/LCS-2/Oliver Hart");
    // one child's record copied over another's: its binding no longer matches
    installation.jdbc.update("UPDATE cspr_child_identity SET sealed = ? WHERE child_reference = 'LCS-2'",
        installation.sealed("CSPR-2026-0042", "LCS-1"));
    var before = installation.everySealed();

    installation.startingWith(keyB.asCurrent(), keyA.asPrevious()).run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining(
            "The identifying details of child LCS-2 of case CSPR-2026-0042 do not open with key " + keyA.id()));
    assertThat(installation.everySealed()).isEqualTo(before);
  }
}
