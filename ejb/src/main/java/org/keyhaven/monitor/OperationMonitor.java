package org.keyhaven.monitor;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** {@link OperationMXBean} of one operation, read from the in-memory {@link OperationMetrics}. */
final class OperationMonitor implements OperationMXBean {

    /** Operation names as the code writes them ({@code key.create}) need no quoting in an object name. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final OperationMetrics metrics;
    private final String operation;

    OperationMonitor(OperationMetrics metrics, String operation) {
        this.metrics = metrics;
        this.operation = operation;
    }

    static ObjectName objectName(String operation) throws MalformedObjectNameException {
        return new ObjectName("org.keyhaven:type=" + TYPE + ",name="
                + (PLAIN_NAME.matcher(operation).matches() ? operation : ObjectName.quote(operation)));
    }

    @Override
    public long getCount() {
        return figure(OperationMetrics.Snapshot::count);
    }

    @Override
    public long getErrors() {
        return figure(OperationMetrics.Snapshot::errors);
    }

    @Override
    public long getPerMinute() {
        return figure(OperationMetrics.Snapshot::perMinute);
    }

    @Override
    public double getP50Millis() {
        return millis(OperationMetrics.Snapshot::p50Millis);
    }

    @Override
    public double getP90Millis() {
        return millis(OperationMetrics.Snapshot::p90Millis);
    }

    @Override
    public double getP99Millis() {
        return millis(OperationMetrics.Snapshot::p99Millis);
    }

    @Override
    public double getMaxMillis() {
        return millis(OperationMetrics.Snapshot::maxMillis);
    }

    private long figure(ToLongFunction<OperationMetrics.Snapshot> field) {
        return metrics.snapshot(operation).map(field::applyAsLong).orElse(0L);
    }

    private double millis(ToDoubleFunction<OperationMetrics.Snapshot> field) {
        return metrics.snapshot(operation).map(field::applyAsDouble).orElse(0d);
    }
}
