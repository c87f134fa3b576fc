package org.keyhaven.jca.adapter;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one endpoint, so that calls stop waiting for connect timeouts on a server that is down.
 * <ul>
 * <li>CLOSED: calls go through; {@code threshold} failures in a row (no success between them) open it.</li>
 * <li>OPEN: calls skip the endpoint until {@code openFor} has passed since it opened.</li>
 * <li>HALF_OPEN: after that, exactly one call (the trial) goes through; its success closes the breaker, its failure
 * opens it again for another {@code openFor}. A trial whose outcome is never recorded (its thread was interrupted)
 * is given up after {@code openFor}, and the next call becomes the trial.</li>
 * </ul>
 * A refusal by a reachable server (403, 404, ...) counts as a success: the endpoint answered. A threshold or an open
 * time of 0 turns the breaker off: it stays CLOSED. Thread-safe; the clock is monotonic nanoseconds
 * ({@link System#nanoTime()} in production, a fake one in tests).
 */
final class RemoteBreaker {

    /** The breaker's states. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int failures;
    private long since;

    RemoteBreaker(int threshold, Duration openFor, LongSupplier clock) {
        if (threshold < 0 || openFor.isNegative()) {
            throw new IllegalArgumentException("a breaker's threshold and open time cannot be negative");
        }
        this.threshold = openFor.isZero() ? 0 : threshold;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a call may use the endpoint now; a {@code true} in HALF_OPEN makes this call the trial. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (elapsed() < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                since = clock.getAsLong();
                return true;
            default:
                if (elapsed() < openForNanos) {
                    return false;
                }
                since = clock.getAsLong();
                return true;
        }
    }

    /** The endpoint answered: close the breaker and forget earlier failures. */
    synchronized void recordSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    /**
     * The endpoint failed (could not be reached, or answered as a server that cannot serve).
     *
     * @return whether this failure opened the breaker (for a log line on the transition only)
     */
    synchronized boolean recordFailure() {
        if (threshold == 0 || (state == State.CLOSED && ++failures < threshold)) {
            return false;
        }
        boolean opened = state != State.OPEN;
        state = State.OPEN;
        since = clock.getAsLong();
        return opened;
    }

    /** The state as a caller would see it now (an OPEN breaker whose time has passed shows HALF_OPEN). */
    synchronized State state() {
        return state == State.OPEN && elapsed() >= openForNanos ? State.HALF_OPEN : state;
    }

    private long elapsed() {
        return clock.getAsLong() - since;
    }
}
