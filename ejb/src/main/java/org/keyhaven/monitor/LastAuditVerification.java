package org.keyhaven.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The verdict of the latest audit chain verification on this server since it started (none before the first), for
 * monitoring: an alarm on a broken chain should not wait for an auditor to look.
 */
@ApplicationScoped
public class LastAuditVerification {

    /** Whether the chain was intact, and when that was found. */
    public record Result(boolean intact, Instant at) {
    }

    private volatile Result last;

    public void record(boolean intact, Instant at) {
        last = new Result(intact, at);
    }

    public Optional<Result> last() {
        return Optional.ofNullable(last);
    }
}
