package org.keyhaven.monitor.syslog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keyhaven.audit.AuditEntry;

/** A {@link DeliveryStore} for one destination, in memory, that records what delivery asked of it. */
final class InMemoryStore implements DeliveryStore {

    static final String ID = "dest-1";

    private final List<AuditEntry> records = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<String> alarms = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    volatile DestinationSpec spec;
    volatile boolean enabled = true;
    volatile boolean deleted;
    volatile RuntimeException loadFailure;
    volatile long cursor;
    volatile long backlogAlarm = 10_000;
    volatile String lastError;
    volatile Instant lastSentAt;

    InMemoryStore(DestinationSpec spec) {
        this.spec = spec;
    }

    /** Chains records up to {@code seq} (each numbered as {@link AuditEntries#numbered}). */
    void chainUpTo(long seq) {
        for (long next = head() + 1; next <= seq; next++) {
            records.add(AuditEntries.numbered(next));
        }
    }

    @Override
    public Optional<DestinationState> load(String id) {
        if (loadFailure != null) {
            throw loadFailure;
        }
        return deleted || !ID.equals(id) ? Optional.empty()
                : Optional.of(new DestinationState(ID, spec, enabled, cursor, backlogAlarm, lastError));
    }

    @Override
    public long head() {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).seq();
    }

    @Override
    public List<AuditEntry> after(long after, int max) {
        List<AuditEntry> page = new ArrayList<>();
        for (AuditEntry record : records) {
            if (record.seq() > after && page.size() < max) {
                page.add(record);
            }
        }
        return page;
    }

    @Override
    public void delivered(String id, long seq, Instant at) {
        cursor = Math.max(cursor, seq);
        lastSentAt = at;
        lastError = null;
    }

    @Override
    public void failed(String id, String error) {
        failures.add(error);
        lastError = error;
    }

    @Override
    public void backlogAlarm(String id, String name, long backlog, long threshold, boolean raised) {
        alarms.add((raised ? "raised " : "cleared ") + backlog);
    }

    @Override
    public void refused(String id) {
        refusals.add(id);
    }
}
