package org.keyhaven.seal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perSource} attempts per source and {@code overall} attempts in all within a sliding window: what
 * keeps an unauthenticated endpoint from being used to guess. Not thread-safe; the caller serialises.
 */
final class AttemptLimit {

    private final int perSource;
    private final int overall;
    private final Duration window;
    private final Map<String, Deque<Instant>> bySource = new HashMap<>();
    private final Deque<Instant> all = new ArrayDeque<>();

    AttemptLimit(int perSource, int overall, Duration window) {
        this.perSource = perSource;
        this.overall = overall;
        this.window = window;
    }

    /** Counts the attempt if it is within the limits. */
    boolean tryAcquire(String source, Instant now) {
        Instant since = now.minus(window);
        prune(all, since);
        bySource.values().forEach(attempts -> prune(attempts, since));
        bySource.values().removeIf(Deque::isEmpty);
        Deque<Instant> mine = bySource.computeIfAbsent(source == null ? "unknown" : source, s -> new ArrayDeque<>());
        if (mine.size() >= perSource || all.size() >= overall) {
            return false;
        }
        mine.addLast(now);
        all.addLast(now);
        return true;
    }

    private static void prune(Deque<Instant> attempts, Instant since) {
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(since)) {
            attempts.removeFirst();
        }
    }
}
