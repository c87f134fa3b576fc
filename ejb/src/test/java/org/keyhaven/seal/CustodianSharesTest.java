package org.keyhaven.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ShamirSecretSharing;
import org.keyhaven.crypto.ShamirSecretSharing.Share;

class CustodianSharesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] unsealKey = new byte[32];
    private final List<String> texts;
    private final CustodianShares.Split split;

    CustodianSharesTest() {
        RANDOM.nextBytes(unsealKey);
        List<Share> shares = ShamirSecretSharing.split(SecretBytes.copyOf(unsealKey), 3, 2, RANDOM);
        texts = CustodianShares.format(shares);
        split = CustodianShares.Split.of(shares, 2);
    }

    @Test
    void anyTwoOfThreeSharesGiveTheUnsealKeyBackAndTheFirstAloneGivesNothing() {
        for (int[] pair : new int[][] {{0, 1}, {0, 2}, {2, 1}}) {
            CustodianShares custodians = new CustodianShares(split);
            assertThat(custodians.submit(texts.get(pair[0]))).isNull();
            assertThat(custodians.submittedCount()).isOne();
            try (SecretBytes key = custodians.submit(texts.get(pair[1]))) {
                assertThat(key.copy()).isEqualTo(unsealKey);
            }
            assertThat(custodians.submittedCount()).as("shares are wiped once used").isZero();
        }
    }

    @Test
    void theSplitKeepsOnlyDigestsAndSurvivesItsJson() {
        CustodianShares.Split read = CustodianShares.Split.fromJson(split.toJson());

        assertThat(read).isEqualTo(split);
        assertThat(split.toJson()).doesNotContain(texts.get(0).substring(2)).doesNotContain(texts.get(1).substring(2));
        CustodianShares custodians = new CustodianShares(read);
        custodians.submit(texts.get(1));
        try (SecretBytes key = custodians.submit(texts.get(0))) {
            assertThat(key.copy()).isEqualTo(unsealKey);
        }
    }

    @Test
    void wrongMalformedForeignAndRepeatedSharesAreRefusedAlike() {
        CustodianShares custodians = new CustodianShares(split);
        String changed = texts.get(0).substring(0, 10) + (texts.get(0).charAt(10) == 'a' ? 'b' : 'a')
                + texts.get(0).substring(11);
        List<Share> foreign = ShamirSecretSharing.split(SecretBytes.copyOf(new byte[32]), 3, 2, RANDOM);

        for (String bad : List.of(changed, "garbage", "", "4-" + texts.get(0).substring(2), "0-" + "0".repeat(64),
                CustodianShares.format(foreign).get(0))) {
            assertThatThrownBy(() -> custodians.submit(bad)).as(bad)
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_SHARE))
                    .hasMessage("the share is not accepted: it is malformed, not one of this server's, or submitted"
                            + " already");
        }
        custodians.submit(texts.get(0));
        assertThatThrownBy(() -> custodians.submit(texts.get(0)))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_SHARE));
        assertThat(custodians.submittedCount()).isOne();
        custodians.clear();
        assertThat(custodians.submittedCount()).isZero();
    }

    @Test
    void attemptsAreLimitedPerSourceAndOverallWithinTheWindow() {
        AttemptLimit limit = new AttemptLimit(2, 3, Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2026-11-29T12:00:00Z");

        assertThat(limit.tryAcquire("10.0.0.1", t0)).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1", t0.plusSeconds(1))).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1", t0.plusSeconds(2))).as("third from one source").isFalse();
        assertThat(limit.tryAcquire("10.0.0.2", t0.plusSeconds(3))).isTrue();
        assertThat(limit.tryAcquire("10.0.0.3", t0.plusSeconds(4))).as("fourth overall").isFalse();
        assertThat(limit.tryAcquire("10.0.0.1", t0.plusSeconds(61))).as("after the window").isTrue();
    }
}
