package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Recently authenticated client certificates, with the TTL from a system property that every test here restores. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ClientCacheTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String FP_A = "aa".repeat(32);
    private static final String FP_B = "bb".repeat(32);
    private static final ClientIdentity ORDERS = new ClientIdentity("id-orders", "orders-app", FP_A);
    private static final ClientIdentity BILLING = new ClientIdentity("id-billing", "billing-app", FP_B);

    private final ClientCache cache = new ClientCache();
    private String savedTtl;

    @BeforeEach
    void saveTtl() {
        savedTtl = System.getProperty(ClientCache.TTL_PROPERTY);
        System.clearProperty(ClientCache.TTL_PROPERTY);
    }

    @AfterEach
    void restoreTtl() {
        if (savedTtl == null) {
            System.clearProperty(ClientCache.TTL_PROPERTY);
        } else {
            System.setProperty(ClientCache.TTL_PROPERTY, savedTtl);
        }
    }

    @Test
    void theTtlPropertyHasItsDocumentedName() {
        assertThat(ClientCache.TTL_PROPERTY).isEqualTo("keyhaven.clients.cache-seconds");
    }

    @Test
    void anEmptyCacheKnowsNobody() {
        assertThat(cache.lookup(FP_A, T0)).isEmpty();
    }

    @Test
    void aPutIdentityIsFoundByItsCertificateFingerprint() {
        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0)).contains(ORDERS);
        assertThat(cache.lookup(FP_B, T0)).isEmpty();
    }

    @Test
    void fingerprintsAreMatchedExactly() {
        // as implemented: no case folding here; CertificateFacts always produces lower-case hex
        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A.toUpperCase(), T0)).isEmpty();
    }

    @Test
    void byDefaultAnEntryLivesFiveSecondsInclusive() {
        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(4))).contains(ORDERS);
        assertThat(cache.lookup(FP_A, T0.plusSeconds(5))).contains(ORDERS);
        assertThat(cache.lookup(FP_A, T0.plusSeconds(5).plusNanos(1))).isEmpty();
        assertThat(cache.lookup(FP_A, T0.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void theTtlComesFromTheSystemProperty() {
        System.setProperty(ClientCache.TTL_PROPERTY, "30");

        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(30))).contains(ORDERS);
        assertThat(cache.lookup(FP_A, T0.plusSeconds(31))).isEmpty();
    }

    @Test
    void theTtlIsReadWhenAnEntryIsPut() {
        cache.put(ORDERS, T0, cache.generation());
        System.setProperty(ClientCache.TTL_PROPERTY, "60");

        assertThat(cache.lookup(FP_A, T0.plusSeconds(6))).isEmpty();

        cache.put(BILLING, T0, cache.generation());
        assertThat(cache.lookup(FP_B, T0.plusSeconds(60))).contains(BILLING);
    }

    @Test
    void aTtlOfZeroServesAnEntryOnlyAtTheInstantItWasPut() {
        System.setProperty(ClientCache.TTL_PROPERTY, "0");

        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0)).contains(ORDERS);
        assertThat(cache.lookup(FP_A, T0.plusNanos(1))).isEmpty();
    }

    @Test
    void aNegativeTtlDisablesTheCache() {
        System.setProperty(ClientCache.TTL_PROPERTY, "-1");

        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0)).isEmpty();
    }

    @Test
    void anUnparsableTtlFallsBackToFiveSeconds() {
        System.setProperty(ClientCache.TTL_PROPERTY, "ten");

        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(5))).contains(ORDERS);
        assertThat(cache.lookup(FP_A, T0.plusSeconds(6))).isEmpty();
    }

    @Test
    void aNewPutForTheSameCertificateReplacesIdentityAndExpiry() {
        ClientIdentity renamed = new ClientIdentity("id-orders", "orders-app-2", FP_A);
        cache.put(ORDERS, T0, cache.generation());

        cache.put(renamed, T0.plusSeconds(4), cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(8))).contains(renamed);
        assertThat(cache.lookup(FP_A, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void anExpiredEntryIsServedAgainOnlyAfterAFreshPut() {
        cache.put(ORDERS, T0, cache.generation());
        assertThat(cache.lookup(FP_A, T0.plusSeconds(6))).isEmpty();

        cache.put(ORDERS, T0.plusSeconds(6), cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(7))).contains(ORDERS);
    }

    @Test
    void entriesExpireIndependently() {
        cache.put(ORDERS, T0, cache.generation());
        cache.put(BILLING, T0.plusSeconds(3), cache.generation());

        assertThat(cache.lookup(FP_A, T0.plusSeconds(6))).isEmpty();
        assertThat(cache.lookup(FP_B, T0.plusSeconds(6))).contains(BILLING);
    }

    @Test
    void clearForgetsEveryoneAtOnce() {
        cache.put(ORDERS, T0, cache.generation());
        cache.put(BILLING, T0, cache.generation());

        cache.clear();

        assertThat(cache.lookup(FP_A, T0)).isEmpty();
        assertThat(cache.lookup(FP_B, T0)).isEmpty();
    }

    @Test
    void anIdentityReadBeforeAClearIsNotCachedAfterIt() {
        long readAt = cache.generation();
        cache.clear(); // a revocation committed while the identity was being read from the database

        cache.put(ORDERS, T0, readAt);

        assertThat(cache.lookup(FP_A, T0)).isEmpty();
    }

    @Test
    void anIdentityReadAfterAClearIsCached() {
        cache.clear();
        long readAt = cache.generation();

        cache.put(ORDERS, T0, readAt);

        assertThat(cache.lookup(FP_A, T0)).contains(ORDERS);
    }

    @Test
    void aLookupBeforeThePutTimeStillHits() {
        // as implemented: only the upper bound is checked (a clock stepping back does not evict)
        cache.put(ORDERS, T0, cache.generation());

        assertThat(cache.lookup(FP_A, T0.minusSeconds(3600))).contains(ORDERS);
    }
}
