package org.keyhaven.monitor;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls per audited operation since this server started: how many, how many failed, how many in the last 60 seconds,
 * and latency percentiles over the most recent calls. Thread-safe, and bounded: each operation keeps a fixed ring of
 * its last {@code latencyWindow} latencies and 60 one-second counters, and at most {@value #MAX_OPERATIONS} operation
 * names are tracked (names come from annotations in the code, so the limit is never reached in practice; a name past
 * it is not counted rather than let memory grow).
 * <p>
 * A listener can be told when an operation is recorded for the first time (to register its MBean); it is called
 * after that first call is counted, outside any lock, and whatever it throws is logged and kept from the caller.
 */
public final class OperationMetrics {

    /** How many of the most recent latencies the percentiles are computed over, per operation. */
    public static final int DEFAULT_LATENCY_WINDOW = 2048;
    static final int MAX_OPERATIONS = 256;
    private static final int RATE_SECONDS = 60;
    private static final double NANOS_PER_MILLI = 1_000_000d;
    private static final Logger LOG = Logger.getLogger(OperationMetrics.class.getName());

    /**
     * One operation's figures at one moment. {@code perMinute} counts the calls of the last 60 seconds; the latencies
     * (milliseconds, nearest-rank percentiles) are over the most recent calls only, successes and failures alike.
     */
    public record Snapshot(long count, long errors, long perMinute, double p50Millis, double p90Millis,
            double p99Millis, double maxMillis) {
    }

    private final Clock clock;
    private final int latencyWindow;
    private final ConcurrentMap<String, Stats> operations = new ConcurrentHashMap<>();
    private volatile Consumer<String> firstRecordListener;
    private volatile boolean overflowLogged;

    public OperationMetrics() {
        this(Clock.systemUTC(), DEFAULT_LATENCY_WINDOW);
    }

    OperationMetrics(Clock clock, int latencyWindow) {
        if (latencyWindow < 1) {
            throw new IllegalArgumentException("the latency window holds at least one call");
        }
        this.clock = clock;
        this.latencyWindow = latencyWindow;
    }

    /**
     * Counts one call of {@code operation} that took {@code nanos}; {@code succeeded} false counts it as an error too.
     */
    public void record(String operation, boolean succeeded, long nanos) {
        Stats stats = operations.get(operation);
        boolean first = false;
        if (stats == null) {
            if (operations.size() >= MAX_OPERATIONS) {
                if (!overflowLogged) {
                    overflowLogged = true;
                    LOG.warning("more than " + MAX_OPERATIONS + " operation names: further names are not counted");
                }
                return;
            }
            Stats created = new Stats(latencyWindow);
            stats = operations.putIfAbsent(operation, created);
            if (stats == null) {
                stats = created;
                first = true;
            }
        }
        stats.record(succeeded, Math.max(0, nanos), Math.floorDiv(clock.millis(), 1000L));
        if (first) {
            announce(operation);
        }
    }

    /** The figures of one operation, if it has been recorded. */
    public Optional<Snapshot> snapshot(String operation) {
        Stats stats = operations.get(operation);
        return stats == null ? Optional.empty()
                : Optional.of(stats.snapshot(Math.floorDiv(clock.millis(), 1000L)));
    }

    /** The operations recorded so far, sorted by name. */
    public Set<String> operations() {
        return new TreeSet<>(operations.keySet());
    }

    /** Who to tell when an operation is recorded for the first time; {@code null} to tell nobody. */
    public void onFirstRecord(Consumer<String> listener) {
        this.firstRecordListener = listener;
    }

    private void announce(String operation) {
        Consumer<String> listener = firstRecordListener;
        if (listener != null) {
            try {
                listener.accept(operation);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not announce the new operation " + operation, e);
            }
        }
    }

    /** One operation's counters; every access holds its monitor, for a few array writes at most. */
    private static final class Stats {

        private final long[] latencies;
        private int next;
        private int filled;
        private long count;
        private long errors;
        private final long[] secondOf = new long[RATE_SECONDS];
        private final long[] perSecond = new long[RATE_SECONDS];

        Stats(int window) {
            latencies = new long[window];
            Arrays.fill(secondOf, Long.MIN_VALUE);
        }

        synchronized void record(boolean succeeded, long nanos, long second) {
            count++;
            if (!succeeded) {
                errors++;
            }
            latencies[next] = nanos;
            next = (next + 1) % latencies.length;
            filled = Math.min(filled + 1, latencies.length);
            int slot = (int) Math.floorMod(second, (long) RATE_SECONDS);
            if (secondOf[slot] != second) {
                if (secondOf[slot] > second) {
                    return; // the clock went back past this slot's second: too old for the window
                }
                secondOf[slot] = second;
                perSecond[slot] = 0;
            }
            perSecond[slot]++;
        }

        synchronized Snapshot snapshot(long now) {
            long lastMinute = 0;
            for (int slot = 0; slot < RATE_SECONDS; slot++) {
                if (secondOf[slot] > now - RATE_SECONDS && secondOf[slot] <= now) {
                    lastMinute += perSecond[slot];
                }
            }
            long[] sorted = Arrays.copyOf(latencies, filled);
            Arrays.sort(sorted);
            return new Snapshot(count, errors, lastMinute, percentile(sorted, 0.50), percentile(sorted, 0.90),
                    percentile(sorted, 0.99), filled == 0 ? 0 : sorted[filled - 1] / NANOS_PER_MILLI);
        }

        /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / NANOS_PER_MILLI;
        }
    }
}
