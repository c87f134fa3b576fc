package org.keyhaven.seal;

import java.time.Instant;

/**
 * Progress of a master key rotation: rows re-wrapped out of those outdated when it started. {@code state} is
 * {@code idle}, {@code running}, {@code completed} or {@code failed} (then {@code error} says why; running the
 * rotation again finishes the job).
 */
public record RotationProgress(String state, Integer fromVersion, Integer toVersion, long total, long done,
        Instant startedAt, Instant finishedAt, String requestedBy, String error) {

    static RotationProgress idle() {
        return new RotationProgress("idle", null, null, 0, 0, null, null, null, null);
    }

    boolean running() {
        return "running".equals(state);
    }

    RotationProgress advanced(long rows) {
        return new RotationProgress(state, fromVersion, toVersion, total, done + rows, startedAt, null, requestedBy,
                null);
    }

    RotationProgress finished(Instant now) {
        return new RotationProgress("completed", fromVersion, toVersion, total, done, startedAt, now, requestedBy,
                null);
    }

    RotationProgress failed(Instant now, String why) {
        return new RotationProgress("failed", fromVersion, toVersion, total, done, startedAt, now, requestedBy, why);
    }
}
