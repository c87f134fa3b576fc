package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.api.KeyMaterial;

class KeyCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final KeyCache cache = new KeyCache(Duration.ofSeconds(10), 3, clock::get);

    private static KeyMaterial key(String id, String name, int version) {
        return new KeyMaterial(id, name, version, "AES", "RAW", new byte[] {1, 2, 3, (byte) version}, null);
    }

    private void put(String key, Integer version, KeyMaterial material) {
        cache.put(key, version, material, cache.generation());
    }

    @Test
    void aCachedKeyIsServedUntilItsTtlEnds() {
        put("orders", null, key("k1", "orders", 1));

        clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(cache.get("orders", null)).hasValueSatisfying(k -> assertThat(k.version()).isEqualTo(1));

        clock.addAndGet(1);
        assertThat(cache.get("orders", null)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void entriesAreKeyedByKeyAndVersion() {
        put("orders", null, key("k1", "orders", 2));
        put("orders", 1, key("k1", "orders", 1));

        assertThat(cache.get("orders", null)).hasValueSatisfying(k -> assertThat(k.version()).isEqualTo(2));
        assertThat(cache.get("orders", 1)).hasValueSatisfying(k -> assertThat(k.version()).isEqualTo(1));
        assertThat(cache.get("orders", 2)).isEmpty();
        assertThat(cache.get("k1", null)).isEmpty();
    }

    @Test
    void theCacheHandsOutCopiesSoACallersDestroyNeverReachesIt() {
        KeyMaterial original = key("k1", "orders", 1);
        put("orders", null, original);
        original.destroy();

        KeyMaterial first = cache.get("orders", null).orElseThrow();
        first.destroy();

        KeyMaterial second = cache.get("orders", null).orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isDestroyed()).isFalse();
        assertThat(second.encoded()).containsExactly(1, 2, 3, 1);
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedAndDestroyedAtTheSizeBound() {
        put("a", null, key("a", "a", 1));
        put("b", null, key("b", "b", 1));
        put("c", null, key("c", "c", 1));
        cache.get("a", null);
        KeyMaterial storedA = stored("a");
        KeyMaterial storedB = stored("b");

        put("d", null, key("d", "d", 1));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b", null)).isEmpty();
        assertThat(cache.get("a", null)).isPresent();
        assertThat(cache.get("c", null)).isPresent();
        assertThat(cache.get("d", null)).isPresent();
        assertThat(storedB.isDestroyed()).as("evicted entry b").isTrue();
        assertThat(storedA.isDestroyed()).isFalse();
    }

    @Test
    void invalidationDropsEntriesAskedForByIdOrByName() {
        put("orders", null, key("k1", "orders", 1));
        put("k1", 1, key("k1", "orders", 1));
        put("billing", null, key("k2", "billing", 1));

        cache.invalidate("k1", null);
        assertThat(cache.get("orders", null)).isEmpty();
        assertThat(cache.get("k1", 1)).isEmpty();
        assertThat(cache.get("billing", null)).isPresent();

        cache.invalidate(null, "billing");
        assertThat(cache.get("billing", null)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidatedEntriesAreDestroyed() {
        put("orders", null, key("k1", "orders", 1));
        KeyMaterial stored = stored("k1");

        cache.invalidate("k1", "orders");

        assertThat(stored.isDestroyed()).isTrue();
    }

    @Test
    void anAnswerFetchedBeforeAnInvalidationIsNotCached() {
        long seen = cache.generation();
        cache.invalidate("k1", "orders");

        cache.put("orders", null, key("k1", "orders", 1), seen);

        assertThat(cache.get("orders", null)).isEmpty();
    }

    @Test
    void expiredEntriesAreDestroyedWhenDropped() {
        put("orders", null, key("k1", "orders", 1));
        KeyMaterial stored = stored("k1");

        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        put("billing", null, key("k2", "billing", 1));

        assertThat(stored.isDestroyed()).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void clearDestroysEverything() {
        put("orders", null, key("k1", "orders", 1));
        put("billing", null, key("k2", "billing", 1));
        List<KeyMaterial> stored = cache.storedCopies();

        cache.clear();

        assertThat(cache.size()).isZero();
        assertThat(stored).hasSize(2).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
    }

    @Test
    void aCacheWithoutLifetimeOrRoomIsRefused() {
        assertThatThrownBy(() -> new KeyCache(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCache(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private KeyMaterial stored(String id) {
        return cache.storedCopies().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }
}
