package org.keyhaven.monitor;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one {@link OperationMetrics} of this deployment, fed by {@link org.keyhaven.audit.RefusalAudit} around every
 * audited service call and read by the JMX operation MBeans. Counts and timings only: nothing about who called or
 * on what.
 */
@ApplicationScoped
public class OperationMeter {

    private final OperationMetrics metrics = new OperationMetrics();

    /** Counts one call; never throws into the caller's operation. */
    public void record(String operation, boolean succeeded, long nanos) {
        metrics.record(operation, succeeded, nanos);
    }

    public OperationMetrics metrics() {
        return metrics;
    }
}
