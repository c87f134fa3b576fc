package org.keyhaven.monitor;

import java.util.function.LongSupplier;

/** {@link ApprovalsMXBean} over a count query. */
final class ApprovalsMonitor implements ApprovalsMXBean {

    private final LongSupplier pending;

    ApprovalsMonitor(LongSupplier pending) {
        this.pending = pending;
    }

    @Override
    public long getPending() {
        return Readings.read("Approvals.Pending", pending::getAsLong, -1L);
    }
}
