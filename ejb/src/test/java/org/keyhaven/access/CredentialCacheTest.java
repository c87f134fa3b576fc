package org.keyhaven.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The login cache, with its TTL taken from a system property that every test here restores. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class CredentialCacheTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final LoginResult ALICE = new LoginResult(LoginResult.Status.SUCCESS, "alice",
            Set.of(Roles.CRYPTO_OFFICER));

    private final CredentialCache cache = new CredentialCache();
    private String savedTtl;

    @BeforeEach
    void saveTtl() {
        savedTtl = System.getProperty(CredentialCache.TTL_PROPERTY);
        System.clearProperty(CredentialCache.TTL_PROPERTY);
    }

    @AfterEach
    void restoreTtl() {
        if (savedTtl == null) {
            System.clearProperty(CredentialCache.TTL_PROPERTY);
        } else {
            System.setProperty(CredentialCache.TTL_PROPERTY, savedTtl);
        }
    }

    @Test
    void theRightPasswordHitsTheCache() {
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plusSeconds(1))).contains(ALICE);
    }

    @Test
    void anyOtherPasswordMisses() {
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        for (String wrong : new String[] {"", "correct hors", "correct horse ", "Correct horse", "correct horse\u0000"}) {
            assertThat(cache.lookup("alice", wrong.toCharArray(), T0)).as(wrong).isEmpty();
        }
        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0)).contains(ALICE);
    }

    @Test
    void anotherUserWithTheSamePasswordMisses() {
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        assertThat(cache.lookup("bob", "correct horse".toCharArray(), T0)).isEmpty();
        assertThat(cache.lookup("Alice", "correct horse".toCharArray(), T0)).isEmpty();
    }

    @Test
    void entriesExpireAfterSixtySecondsByDefault() {
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plusSeconds(60))).contains(ALICE);
        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plusSeconds(60).plusNanos(1))).isEmpty();
    }

    @Test
    void theTtlComesFromTheSystemPropertyAtTheTimeOfPut() {
        System.setProperty(CredentialCache.TTL_PROPERTY, "5");
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);
        System.setProperty(CredentialCache.TTL_PROPERTY, "3600");

        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plusSeconds(5))).contains(ALICE);
        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plus(Duration.ofMillis(5_001)))).isEmpty();
    }

    @Test
    void aTtlOfZeroCachesForNoLongerThanTheSameInstant() {
        System.setProperty(CredentialCache.TTL_PROPERTY, "0");
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0.plusNanos(1))).isEmpty();
    }

    @Test
    void invalidateDropsTheUsersEntryOnly() {
        LoginResult bob = new LoginResult(LoginResult.Status.SUCCESS, "bob", Set.of(Roles.AUDITOR));
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);
        cache.put("bob", "battery staple".toCharArray(), bob, T0);

        cache.invalidate("alice");

        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0)).isEmpty();
        assertThat(cache.lookup("bob", "battery staple".toCharArray(), T0)).contains(bob);
        cache.invalidate("nobody");
    }

    @Test
    void aNewPutReplacesTheOldPassword() {
        cache.put("alice", "old password!".toCharArray(), ALICE, T0);
        cache.put("alice", "new password!".toCharArray(), ALICE, T0.plusSeconds(1));

        assertThat(cache.lookup("alice", "old password!".toCharArray(), T0.plusSeconds(2))).isEmpty();
        assertThat(cache.lookup("alice", "new password!".toCharArray(), T0.plusSeconds(2))).contains(ALICE);
    }

    @Test
    void aFreshCacheKnowsNobody() {
        assertThat(cache.lookup("alice", "correct horse".toCharArray(), T0)).isEmpty();
    }

    @Test
    void twoCachesDoNotShareEntries() {
        cache.put("alice", "correct horse".toCharArray(), ALICE, T0);

        assertThat(new CredentialCache().lookup("alice", "correct horse".toCharArray(), T0)).isEmpty();
    }

    @Test
    void thePasswordArraysAreLeftToTheCaller() {
        char[] password = "correct horse".toCharArray();

        cache.put("alice", password, ALICE, T0);
        cache.lookup("alice", password, T0);

        assertThat(new String(password)).isEqualTo("correct horse");
    }
}
