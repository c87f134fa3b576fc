package org.keyhaven.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {12, 13, 64, 256})
    void twelveToTwoHundredFiftySixCharactersAreAccepted(int length) {
        assertThatCode(() -> PasswordPolicy.check("alice", password(length))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {0, 1, 11, 257, 10_000})
    void shorterOrLongerPasswordsAreWeak(int length) {
        assertWeak("alice", password(length));
    }

    @Test
    void aMissingPasswordIsWeak() {
        assertWeak("alice", null);
    }

    @Test
    void compositionDoesNotMatterOnlyLength() {
        assertThatCode(() -> PasswordPolicy.check("alice", "aaaaaaaaaaaa".toCharArray())).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("alice", "correct horse battery".toCharArray()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "alice | alice-is-my-password",
        "alice | my-password-alice",
        "alice | my-ALICE-password",
        "alice | my-AlIcE-password",
        "ALICE | my-alice-password",
        "bob.smith | xx-Bob.Smith-xx",
        "jürgen | mein-JÜRGEN-passwort"})
    void aPasswordContainingTheUsernameInAnyCaseIsWeak(String username, String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password.toCharArray()))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD))
                .hasMessageContaining("username");
    }

    @ParameterizedTest(name = "{0} not in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "alice | al1ce-password-ok",
        "alice | a-l-i-c-e-password",
        "alice | alic-e-password-x",
        "a-very-long-username-longer-than-the-password | short-passwd",
        "bob.smith | bob-smith-password"})
    void aPasswordMerelyResemblingTheUsernameIsAccepted(String username, String password) {
        assertThatCode(() -> PasswordPolicy.check(username, password.toCharArray())).doesNotThrowAnyException();
    }

    @Test
    void refusalsNeverQuoteThePassword() {
        char[] secret = "alice-SECRET-MARKER".toCharArray();

        assertThatThrownBy(() -> PasswordPolicy.check("alice", secret)).message().doesNotContain("SECRET-MARKER");
        assertThatThrownBy(() -> PasswordPolicy.check("bob", "short".toCharArray())).message()
                .doesNotContain("short");
    }

    @Test
    void thePasswordArrayIsLeftIntact() {
        char[] password = "a-perfectly-fine-password".toCharArray();

        PasswordPolicy.check("alice", password);

        assertThat(new String(password)).isEqualTo("a-perfectly-fine-password");
    }

    private static char[] password(int length) {
        char[] password = new char[length];
        for (int i = 0; i < length; i++) {
            password[i] = (char) ('k' + i % 7);
        }
        return password;
    }

    private static void assertWeak(String username, char[] password) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD));
    }
}
