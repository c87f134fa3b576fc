package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.client.GrantSpecTest.KEY_ID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** How a grant names its keys, and which keys a target covers. */
class GrantTargetTest {

    private static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    @ParameterizedTest
    @CsvSource({"key_id,KEY_ID", "KEY_ID,KEY_ID", "key-id,KEY_ID", "Key-Id,KEY_ID", "' key_id ',KEY_ID",
            "name,NAME", "NAME,NAME", "'\tname\n',NAME",
            "name_prefix,NAME_PREFIX", "name-prefix,NAME_PREFIX", "NAME-PREFIX,NAME_PREFIX", "Name_Prefix,NAME_PREFIX"})
    void parsesItsNamesInAnyCaseWithHyphenOrUnderscore(String text, GrantTarget expected) {
        assertThat(GrantTarget.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "id", "keyid", "prefix", "name prefix", "nameprefix", "names", "key_id_",
            "na\u0000me"})
    void anUnknownKindIsAnInvalidRequestNamingTheKnownOnes(String text) {
        assertThatThrownBy(() -> GrantTarget.parse(text)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).endsWith("known: key_id, name, name_prefix");
        });
    }

    @Test
    void trimmingAlsoDropsSurroundingControlCharacters() {
        // String.trim() removes every character up to U+0020, not only blanks
        assertThat(GrantTarget.parse("\u0000name\u001f")).isEqualTo(GrantTarget.NAME);
    }

    @Test
    void nullIsAnUnknownKind() {
        assertThatThrownBy(() -> GrantTarget.parse(null)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theRefusalEchoesOnlyPrintableAscii() {
        assertThatThrownBy(() -> GrantTarget.parse("name\r\n\u0007" + "x".repeat(60)))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.getMessage()).contains("name???").doesNotContain("\r", "\n", "\u0007")
                            .doesNotContain("x".repeat(40));
                    assertThat(e.getMessage().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
                });
    }

    @Test
    void aKeyIdTargetCoversExactlyThatKeyWhateverTheCaseOfItsId() {
        assertThat(GrantTarget.KEY_ID.covers(KEY_ID, KEY_ID, "payments")).isTrue();
        assertThat(GrantTarget.KEY_ID.covers(KEY_ID, KEY_ID.toUpperCase(), "payments")).isTrue();
        assertThat(GrantTarget.KEY_ID.covers(KEY_ID.toUpperCase(), KEY_ID, "payments")).isTrue();
        assertThat(GrantTarget.KEY_ID.covers(KEY_ID, OTHER_ID, "payments")).isFalse();
    }

    @Test
    void aKeyIdTargetIgnoresTheKeyName() {
        assertThat(GrantTarget.KEY_ID.covers(KEY_ID, OTHER_ID, KEY_ID)).isFalse();
        assertThat(GrantTarget.KEY_ID.covers("payments", OTHER_ID, "payments")).isFalse();
    }

    @Test
    void aNameTargetCoversOnlyTheExactNameCaseSensitively() {
        assertThat(GrantTarget.NAME.covers("payments", OTHER_ID, "payments")).isTrue();
        assertThat(GrantTarget.NAME.covers("payments", OTHER_ID, "Payments")).isFalse();
        assertThat(GrantTarget.NAME.covers("payments", OTHER_ID, "payments-2")).isFalse();
        assertThat(GrantTarget.NAME.covers("payments", OTHER_ID, "payment")).isFalse();
        assertThat(GrantTarget.NAME.covers("payments", OTHER_ID, " payments")).isFalse();
    }

    @Test
    void aNameTargetIgnoresTheKeyId() {
        assertThat(GrantTarget.NAME.covers(OTHER_ID, OTHER_ID, "payments")).isFalse();
    }

    @Test
    void aPrefixTargetCoversEveryNameStartingWithItCaseSensitively() {
        assertThat(GrantTarget.NAME_PREFIX.covers("team-a/", OTHER_ID, "team-a/payments")).isTrue();
        assertThat(GrantTarget.NAME_PREFIX.covers("team-a/", OTHER_ID, "team-a/")).isTrue();
        assertThat(GrantTarget.NAME_PREFIX.covers("team-a/", OTHER_ID, "team-a")).isFalse();
        assertThat(GrantTarget.NAME_PREFIX.covers("team-a/", OTHER_ID, "Team-A/payments")).isFalse();
        assertThat(GrantTarget.NAME_PREFIX.covers("team-a/", OTHER_ID, "x-team-a/payments")).isFalse();
    }

    @Test
    void aPrefixIsPlainTextNotAPattern() {
        assertThat(GrantTarget.NAME_PREFIX.covers("team.*", OTHER_ID, "team-a")).isFalse();
        assertThat(GrantTarget.NAME_PREFIX.covers("team.*", OTHER_ID, "team.*x")).isTrue();
        assertThat(GrantTarget.NAME_PREFIX.covers("team%", OTHER_ID, "team-a")).isFalse();
        assertThat(GrantTarget.NAME_PREFIX.covers("team_", OTHER_ID, "teamx")).isFalse();
    }

    @Test
    void aPrefixIsMatchedAgainstTheNameNotTheId() {
        assertThat(GrantTarget.NAME_PREFIX.covers("9a8b", OTHER_ID, "payments")).isFalse();
    }
}
