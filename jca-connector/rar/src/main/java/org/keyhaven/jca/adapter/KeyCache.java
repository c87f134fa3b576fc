package org.keyhaven.jca.adapter;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.keyhaven.jca.api.KeyMaterial;

/**
 * The optional {@code getKey} cache of one connection factory, and so of one client identity: entries never cross
 * identities. Keyed by (key as asked, version as asked: null for the current one); each entry lives at most the TTL,
 * the least recently used goes first when the size bound is reached. The cache owns its copies: it stores a copy,
 * hands out copies (so a caller's {@code destroy()} never reaches it), and destroys every entry it drops (expiry,
 * eviction, invalidation, clear).
 *
 * <p>A fetch that raced with an invalidation must not put back the key as it was before the change: callers take
 * {@link #generation()} before asking Keyhaven and pass it to {@link #put}, which ignores the answer if any
 * invalidation happened in between. Thread-safe (one lock; entries are few and operations short).
 */
final class KeyCache {

    private record Slot(String key, Integer version) {
    }

    private record Entry(KeyMaterial material, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<Slot, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long generation;

    KeyCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** {@code nanoClock}: a monotonic clock in nanoseconds (tests move it by hand). */
    KeyCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a key cache needs a positive TTL and size bound");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** A copy of the cached key, if present and not expired. */
    synchronized Optional<KeyMaterial> get(String key, Integer version) {
        Slot slot = new Slot(key, version);
        Entry entry = entries.get(slot);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, nanoClock.getAsLong())) {
            entries.remove(slot);
            entry.material().destroy();
            return Optional.empty();
        }
        return Optional.of(entry.material().copy());
    }

    /** Counts invalidations; see the class comment. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Stores a copy of {@code material} under (key, version), unless an invalidation happened since
     * {@code generationSeen} was read.
     */
    synchronized void put(String key, Integer version, KeyMaterial material, long generationSeen) {
        if (generationSeen != generation) {
            return;
        }
        long now = nanoClock.getAsLong();
        purgeExpired(now);
        Entry previous = entries.put(new Slot(key, version), new Entry(material.copy(), now + ttlNanos));
        if (previous != null) {
            previous.material().destroy();
        }
        Iterator<Entry> eldestFirst = entries.values().iterator();
        while (entries.size() > maxEntries && eldestFirst.hasNext()) {
            eldestFirst.next().material().destroy();
            eldestFirst.remove();
        }
    }

    /**
     * Drops every entry of a changed key: asked for by its id or its name, or whose material carries that id or name.
     * Either argument may be null.
     */
    synchronized void invalidate(String keyId, String keyName) {
        generation++;
        Iterator<Map.Entry<Slot, Entry>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<Slot, Entry> entry = all.next();
            KeyMaterial material = entry.getValue().material();
            if (matches(entry.getKey().key(), keyId, keyName) || matches(material.id(), keyId, keyName)
                    || matches(material.name(), keyId, keyName)) {
                material.destroy();
                all.remove();
            }
        }
    }

    /** Drops (and destroys) everything: when the adapter stops. */
    synchronized void clear() {
        generation++;
        entries.values().forEach(entry -> entry.material().destroy());
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    /** The cache's own copies (not copies of them), least recently used first: lets tests see them wiped. */
    synchronized List<KeyMaterial> storedCopies() {
        return entries.values().stream().map(Entry::material).toList();
    }

    private static boolean matches(String value, String keyId, String keyName) {
        return value != null && (Objects.equals(value, keyId) || Objects.equals(value, keyName));
    }

    private void purgeExpired(long now) {
        Iterator<Entry> all = entries.values().iterator();
        while (all.hasNext()) {
            Entry entry = all.next();
            if (expired(entry, now)) {
                entry.material().destroy();
                all.remove();
            }
        }
    }

    private static boolean expired(Entry entry, long now) {
        return now - entry.expiresAtNanos() >= 0;
    }
}
