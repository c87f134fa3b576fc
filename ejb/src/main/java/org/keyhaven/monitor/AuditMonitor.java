package org.keyhaven.monitor;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** {@link AuditMXBean} over the chain head in the database and the last verification held in memory. */
final class AuditMonitor implements AuditMXBean {

    private final LongSupplier headSequence;
    private final Supplier<Optional<LastAuditVerification.Result>> lastVerification;

    AuditMonitor(LongSupplier headSequence, Supplier<Optional<LastAuditVerification.Result>> lastVerification) {
        this.headSequence = headSequence;
        this.lastVerification = lastVerification;
    }

    @Override
    public long getHeadSequence() {
        return Readings.read("Audit.HeadSequence", headSequence::getAsLong, -1L);
    }

    @Override
    public Boolean getLastVerifyIntact() {
        return Readings.read("Audit.LastVerifyIntact",
                () -> lastVerification.get().map(LastAuditVerification.Result::intact).orElse(null), null);
    }

    @Override
    public String getLastVerifyTime() {
        return Readings.read("Audit.LastVerifyTime",
                () -> lastVerification.get().map(result -> result.at().toString()).orElse(null), null);
    }
}
