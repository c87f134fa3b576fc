package org.keyhaven.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last answer of a loader, reused while it is younger than {@code maxAge}: a JMX client reading all attributes
 * of one MBean (one getter each) then costs one database query, and the attributes agree with each other. Only
 * answers are kept; an empty one (the loader failed) is tried again on the next read.
 */
final class CachedValue<T> {

    private final Supplier<Optional<T>> loader;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant loadedAt;

    CachedValue(Supplier<Optional<T>> loader, Duration maxAge, Clock clock) {
        this.loader = loader;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    synchronized Optional<T> get() {
        Instant now = clock.instant();
        if (loadedAt == null || !now.isBefore(loadedAt.plus(maxAge)) || now.isBefore(loadedAt)) {
            Optional<T> loaded = loader.get();
            if (loaded.isEmpty()) {
                return loaded;
            }
            value = loaded.get();
            loadedAt = now;
        }
        return Optional.of(value);
    }
}
