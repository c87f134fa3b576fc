package org.keyhaven.monitor;

/**
 * {@code org.keyhaven:type=Operation,name=<operation>}, one per audited operation (e.g. {@code key.create}), from its
 * first call on this server. A call that was refused or failed is an error; one that became a request for approval
 * is not. Latencies are measured around the service call (the transaction's commit is not included) and cover the
 * most recent {@value OperationMetrics#DEFAULT_LATENCY_WINDOW} calls.
 */
public interface OperationMXBean {

    String TYPE = "Operation";

    /** Calls since this server started. */
    long getCount();

    /** Calls that were refused or failed. */
    long getErrors();

    /** Calls in the last 60 seconds. */
    long getPerMinute();

    double getP50Millis();

    double getP90Millis();

    double getP99Millis();

    double getMaxMillis();
}
