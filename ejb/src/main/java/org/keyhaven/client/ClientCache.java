package org.keyhaven.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently authenticated client certificates, so the application ports do not read the database for every request.
 * Any change to a client, its certificates or a CA clears the cache at once (revocation takes effect for the next
 * request); entries also expire after {@value #TTL_PROPERTY} seconds (default 5), which bounds the delay when another
 * server sharing the database made the change.
 */
@ApplicationScoped
public class ClientCache {

    public static final String TTL_PROPERTY = "keyhaven.clients.cache-seconds";

    private record Entry(ClientIdentity identity, Instant expires) {
    }

    private final Map<String, Entry> byFingerprint = new ConcurrentHashMap<>();
    /** Counts clears, so that an identity read from the database before a change is not cached after it. */
    private final AtomicLong generation = new AtomicLong();

    Optional<ClientIdentity> lookup(String fingerprint, Instant now) {
        Entry entry = byFingerprint.get(fingerprint);
        return entry == null || entry.expires().isBefore(now) ? Optional.empty() : Optional.of(entry.identity());
    }

    /** Taken before reading a client from the database, and handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Caches the identity unless the cache was cleared since {@code readAt}: then what was read may be stale. */
    void put(ClientIdentity identity, Instant now, long readAt) {
        if (generation.get() != readAt) {
            return;
        }
        String fingerprint = identity.certificateFingerprint();
        byFingerprint.put(fingerprint, new Entry(identity, now.plus(Duration.ofSeconds(Long.getLong(TTL_PROPERTY,
                5L)))));
        if (generation.get() != readAt) {
            byFingerprint.remove(fingerprint);
        }
    }

    public void clear() {
        generation.incrementAndGet();
        byFingerprint.clear();
    }
}
