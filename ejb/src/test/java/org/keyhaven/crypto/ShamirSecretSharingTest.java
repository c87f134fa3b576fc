package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.crypto.ShamirSecretSharing.Share;

class ShamirSecretSharingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void fieldMultiplicationMatchesFips197() {
        // FIPS-197 section 4.2: {57} x {83} = {c1}; {57} x {13} = {fe}
        assertThat(ShamirSecretSharing.multiply(0x57, 0x83)).isEqualTo(0xC1);
        assertThat(ShamirSecretSharing.multiply(0x57, 0x13)).isEqualTo(0xFE);
        // the AES S-box is built on the inverse: {53} and {ca} are inverses
        assertThat(ShamirSecretSharing.inverse(0x53)).isEqualTo(0xCA);
    }

    @Test
    void everyNonZeroElementTimesItsInverseIsOne() {
        for (int a = 1; a < 256; a++) {
            assertThat(ShamirSecretSharing.multiply(a, ShamirSecretSharing.inverse(a))).as("a = %d", a).isOne();
        }
        assertThat(ShamirSecretSharing.inverse(0)).isZero();
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"2, 2", "3, 2", "5, 3", "7, 7", "16, 2", "16, 5"})
    void everySubsetOfThresholdSharesGivesTheSecretBackAndFewerDoNot(int shares, int threshold) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        List<Share> all = ShamirSecretSharing.split(SecretBytes.copyOf(secretBytes), shares, threshold, RANDOM);
        assertThat(all).extracting(Share::index).containsExactly(range(1, shares).toArray(Integer[]::new));

        for (List<Integer> subset : subsets(shares, threshold)) {
            try (SecretBytes secret = ShamirSecretSharing.combine(pick(all, subset))) {
                assertThat(secret.copy()).as("shares %s", subset).isEqualTo(secretBytes);
            }
        }
        for (List<Integer> subset : subsets(shares, threshold - 1)) {
            if (!subset.isEmpty()) {
                try (SecretBytes guess = ShamirSecretSharing.combine(pick(all, subset))) {
                    assertThat(guess.copy()).as("shares %s", subset).isNotEqualTo(secretBytes);
                }
            }
        }
    }

    @Test
    void aChangedShareGivesAnotherSecret() {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        List<Share> all = ShamirSecretSharing.split(SecretBytes.copyOf(secretBytes), 3, 2, RANDOM);
        byte[] changed = all.get(1).value().copy();
        changed[0] ^= 1;

        try (SecretBytes secret = ShamirSecretSharing.combine(List.of(all.get(0),
                new Share(2, SecretBytes.adopt(changed))))) {
            assertThat(secret.copy()).isNotEqualTo(secretBytes);
        }
    }

    @Test
    void theSharesOfOneSecretDifferFromSplitToSplit() {
        byte[] secretBytes = new byte[32];
        List<Share> first = ShamirSecretSharing.split(SecretBytes.copyOf(secretBytes), 3, 2, RANDOM);
        List<Share> second = ShamirSecretSharing.split(SecretBytes.copyOf(secretBytes), 3, 2, RANDOM);

        assertThat(first.get(0).value().copy()).isNotEqualTo(second.get(0).value().copy())
                .isNotEqualTo(secretBytes);
    }

    @Test
    void badParametersAndRepeatedSharesAreRefused() {
        SecretBytes secret = SecretBytes.copyOf(new byte[32]);
        assertThatThrownBy(() -> ShamirSecretSharing.split(secret, 3, 1, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShamirSecretSharing.split(secret, 2, 3, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShamirSecretSharing.split(secret, 17, 2, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        List<Share> shares = ShamirSecretSharing.split(secret, 3, 2, RANDOM);
        assertThatThrownBy(() -> ShamirSecretSharing.combine(List.of(shares.get(0), shares.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShamirSecretSharing.combine(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Share> pick(List<Share> all, List<Integer> indexes) {
        return indexes.stream().map(index -> all.get(index - 1)).toList();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** Every subset of {1..n} of the size, in order. */
    private static List<List<Integer>> subsets(int n, int size) {
        List<List<Integer>> result = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == size) {
                List<Integer> subset = new ArrayList<>();
                for (int bit = 0; bit < n; bit++) {
                    if ((mask & 1 << bit) != 0) {
                        subset.add(bit + 1);
                    }
                }
                result.add(subset);
            }
        }
        return result;
    }
}
