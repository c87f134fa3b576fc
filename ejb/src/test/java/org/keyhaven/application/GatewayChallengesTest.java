package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keyhaven.testing.ManualClock;

/** Challenges for proof of possession: random, usable once, for a minute, and never more than the bound. */
class GatewayChallengesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final GatewayChallenges challenges = new GatewayChallenges(clock, GatewayChallenges.LIFETIME, 3);

    @Test
    void theDefaultsAreAMinuteAndTenThousand() {
        assertThat(GatewayChallenges.LIFETIME).isEqualTo(Duration.ofSeconds(60));
        assertThat(GatewayChallenges.MAX_OUTSTANDING).isEqualTo(10_000);
        assertThat(new GatewayChallenges().issue()).hasSize(32);
    }

    @Test
    void aChallengeIsThirtyTwoFreshRandomBytes() {
        byte[] first = challenges.issue();
        byte[] second = challenges.issue();

        assertThat(first).hasSize(32);
        assertThat(second).hasSize(32).isNotEqualTo(first);
    }

    @Test
    void aChallengeIsAcceptedOnceOnly() {
        byte[] challenge = challenges.issue();

        assertThat(challenges.consume(challenge)).isTrue();
        assertThat(challenges.consume(challenge)).isFalse();
    }

    @Test
    void aChallengeIsAcceptedUntilItsMinuteIsOver() {
        byte[] early = challenges.issue();
        byte[] late = challenges.issue();

        clock.advance(Duration.ofSeconds(59));
        assertThat(challenges.consume(early)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(challenges.consume(late)).isFalse();
    }

    @Test
    void aChallengeThatWasNeverIssuedIsRefused() {
        challenges.issue();

        assertThat(challenges.consume(new byte[32])).isFalse();
        assertThat(challenges.consume(null)).isFalse();
        assertThat(challenges.consume(new byte[31])).isFalse();
    }

    @Test
    void theCallersCopyCannotChangeTheRememberedChallenge() {
        byte[] challenge = challenges.issue();
        byte[] kept = challenge.clone();

        challenge[0] ^= 1;

        assertThat(challenges.consume(challenge)).isFalse();
        assertThat(challenges.consume(kept)).isTrue();
    }

    @Test
    void beyondTheBoundTheOldestChallengeIsForgotten() {
        byte[] oldest = challenges.issue();
        byte[] second = challenges.issue();
        byte[] third = challenges.issue();
        byte[] fourth = challenges.issue();

        assertThat(challenges.outstanding()).isEqualTo(3);
        assertThat(challenges.consume(oldest)).isFalse();
        assertThat(challenges.consume(second)).isTrue();
        assertThat(challenges.consume(third)).isTrue();
        assertThat(challenges.consume(fourth)).isTrue();
    }

    @Test
    void expiredChallengesAreForgottenWhenTheNextIsIssued() {
        challenges.issue();
        challenges.issue();
        clock.advance(Duration.ofMinutes(2));

        challenges.issue();

        assertThat(challenges.outstanding()).isEqualTo(1);
    }
}
