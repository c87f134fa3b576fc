package org.keyhaven.monitor.syslog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Forwards the audit trail to one destination from its durable cursor (the sequence number of the last record
 * delivered), in sequence order, one round at a time; the caller repeats rounds. Nothing is lost while the collector
 * is away: records wait in the database, the cursor stays, and they are sent when it answers again.
 *
 * <p>Over TCP and TLS, a successful write and flush is not yet delivery: the collector may have died a moment before
 * and the bytes gone nowhere. A batch is confirmed, and the cursor moved past it, only when a later check (at least
 * {@code confirmAfter} after the flush) finds the connection still open: a collector that exits or crashes closes or
 * resets it. When the check finds it closed, or a write fails, everything unconfirmed is sent again on a new
 * connection. Delivery is therefore at least once: a record can arrive twice (its {@code seq} tells the SIEM), never
 * not at all, short of a collector that lost what it had accepted or a network that fails without closing the
 * connection. Over UDP there is no such signal: the cursor moves as soon as the datagrams are sent (best effort).
 *
 * <p>The backlog (head of the audit chain minus the cursor) raises an audited alarm when it reaches the destination's
 * threshold, and again only after it fell below. A destination whose row fails its integrity check gets nothing:
 * a tampered row could otherwise redirect the audit trail to someone else.
 *
 * <p>Not thread-safe: one thread runs the rounds; {@link #abort()} and {@link #sendingSince()} may be called from
 * another (a watchdog).
 */
public final class Delivery {

    public static final int BATCH = 500;
    /** Batches sent but not yet confirmed, at most: bounds what a lost connection makes us send again. */
    static final int MAX_UNCONFIRMED = 20;
    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    /** What a round did, which tells the caller when to run the next one. */
    public enum Result {
        /** Everything there is was sent (maybe not yet confirmed): wait for new records. */
        IDLE,
        /** A full batch was sent and more records wait: run again at once. */
        MORE,
        /** Too much is unconfirmed: wait a moment for the confirmation. */
        WAITING,
        /** The collector could not be reached or the send failed: try again later. */
        FAILED,
        DISABLED,
        /** The destination was deleted: stop. */
        GONE,
        /** The destination failed its integrity check: nothing is sent. */
        REFUSED
    }

    private record Unconfirmed(long seq, Instant flushedAt) {
    }

    private final String id;
    private final DeliveryStore store;
    private final SenderFactory senders;
    private final Function<SyslogFormat, RecordFormatter> formatters;
    private final Clock clock;
    private final Duration confirmAfter;
    private final BacklogAlarm alarm = new BacklogAlarm();
    private final Deque<Unconfirmed> unconfirmed = new ArrayDeque<>();

    private DestinationSpec spec;
    private volatile SyslogSender sender;
    private volatile Instant sendingSince;
    /** The cursor as stored; -1 until the first round loaded it. */
    private long durable = -1;
    /** The last sequence number sent (at least {@link #durable}). */
    private long sent;
    private volatile long backlog;
    private boolean failing;
    private boolean refusalAudited;
    private long gapReported = -1;

    /**
     * @param formatters the formatter for each message format
     * @param confirmAfter how long after its flush a stream batch counts as delivered if the connection is still open
     */
    public Delivery(String id, DeliveryStore store, SenderFactory senders,
            Function<SyslogFormat, RecordFormatter> formatters, Clock clock, Duration confirmAfter) {
        this.id = id;
        this.store = store;
        this.senders = senders;
        this.formatters = formatters;
        this.clock = clock;
        this.confirmAfter = confirmAfter;
    }

    public Result round() {
        DestinationState state;
        try {
            Optional<DestinationState> loaded = store.load(id);
            if (loaded.isEmpty()) {
                disconnect();
                return Result.GONE;
            }
            state = loaded.get();
        } catch (RuntimeException e) {
            if (!isIntegrityViolation(e)) {
                throw e;
            }
            return refuse();
        }
        refusalAudited = false;
        if (!state.spec().equals(spec) || state.cursor() != durable) {
            disconnect();
            spec = state.spec();
            durable = state.cursor();
            rewind();
        }
        if (!state.enabled()) {
            disconnect();
            rewind();
            return Result.DISABLED;
        }
        confirm();
        watchBacklog(state);
        if (unconfirmed.size() >= MAX_UNCONFIRMED) {
            return Result.WAITING;
        }
        List<AuditEntry> page = store.after(sent, BATCH);
        if (page.isEmpty()) {
            return Result.IDLE;
        }
        reportGap(page.get(0).seq());
        try {
            send(page);
        } catch (IOException | RuntimeException e) {
            fail(state, e);
            return Result.FAILED;
        }
        sent = page.get(page.size() - 1).seq();
        if (sender.confirmsByConnection()) {
            unconfirmed.addLast(new Unconfirmed(sent, clock.instant()));
        } else {
            store.delivered(id, sent, clock.instant());
            durable = sent;
        }
        if (failing) {
            failing = false;
            LOG.info(() -> "syslog destination '" + spec.name() + "' (" + spec.address() + ") is reachable again;"
                    + " the records that waited are being sent");
        }
        return page.size() == BATCH ? Result.MORE : Result.IDLE;
    }

    /** Closes the connection now, from any thread (a write that hangs then fails); the next round reconnects. */
    public void abort() {
        SyslogSender current = sender;
        if (current != null) {
            current.close();
        }
    }

    /** When the send in progress began; null when none is. */
    public Instant sendingSince() {
        return sendingSince;
    }

    /** The backlog seen by the last round that read the head (head minus cursor). */
    public long backlog() {
        return backlog;
    }

    private void send(List<AuditEntry> page) throws IOException {
        RecordFormatter formatter = formatters.apply(spec.format());
        List<byte[]> messages = new ArrayList<>(page.size());
        for (AuditEntry entry : page) {
            messages.add(formatter.format(entry, spec.transport().maxMessageBytes()));
        }
        if (sender == null) {
            sender = senders.open(spec);
        }
        sendingSince = clock.instant();
        try {
            sender.send(messages);
        } finally {
            sendingSince = null;
        }
    }

    /**
     * Moves the cursor past the batches the open connection confirms, or sends them again if it has closed; a
     * connection the collector closed is not written to again.
     */
    private void confirm() {
        if (sender != null && !sender.stillConnected()) {
            long lost = sent - durable;
            if (lost > 0) {
                LOG.info(() -> "syslog destination '" + spec.name() + "' (" + spec.address() + ") closed the"
                        + " connection; the last " + lost + " records sent are sent again");
            }
            disconnect();
            rewind();
            return;
        }
        if (unconfirmed.isEmpty()) {
            return;
        }
        Instant confirmedBefore = clock.instant().minus(confirmAfter);
        Unconfirmed confirmed = null;
        for (Unconfirmed batch : unconfirmed) {
            if (batch.flushedAt().isAfter(confirmedBefore)) {
                break;
            }
            confirmed = batch;
        }
        if (confirmed != null) {
            store.delivered(id, confirmed.seq(), confirmed.flushedAt());
            durable = confirmed.seq();
            while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().seq() <= durable) {
                unconfirmed.removeFirst();
            }
        }
    }

    private void watchBacklog(DestinationState state) {
        long current = Math.max(0, store.head() - durable);
        backlog = current;
        BacklogAlarm.Change change = alarm.observe(current, state.backlogAlarm());
        if (change == BacklogAlarm.Change.RAISED) {
            LOG.warning(() -> "syslog destination '" + spec.name() + "' (" + spec.address() + "): " + current
                    + " audit records wait to be delivered (alarm threshold " + state.backlogAlarm() + ")");
        }
        if (change != BacklogAlarm.Change.NONE) {
            store.backlogAlarm(id, spec.name(), current, state.backlogAlarm(), change == BacklogAlarm.Change.RAISED);
        }
    }

    private void fail(DestinationState state, Exception e) {
        disconnect();
        rewind();
        String error = describe(e);
        if (!failing || !error.equals(state.lastError())) {
            LOG.log(failing ? Level.FINE : Level.WARNING, () -> "syslog destination '" + spec.name() + "' ("
                    + spec.address() + "): " + error + "; audit records wait and are sent when it answers");
        }
        failing = true;
        if (!error.equals(state.lastError())) {
            store.failed(id, error);
        }
    }

    private Result refuse() {
        disconnect();
        spec = null;
        durable = -1;
        if (!refusalAudited) {
            LOG.severe(() -> "SECURITY: syslog destination " + id + " failed its integrity check (its row was changed"
                    + " outside Keyhaven); nothing is sent to it until a security administrator deletes it");
            store.refused(id);
            refusalAudited = true;
        }
        return Result.REFUSED;
    }

    /** A hole in the sequence means records were removed from the database; the collector sees it too. */
    private void reportGap(long first) {
        if (first != sent + 1 && gapReported != sent) {
            gapReported = sent;
            long from = sent + 1;
            LOG.warning(() -> "syslog destination '" + spec.name() + "': audit records " + from + " to " + (first - 1)
                    + " are not in the database; forwarding continues with " + first);
        }
    }

    private void rewind() {
        unconfirmed.clear();
        sent = durable;
    }

    private void disconnect() {
        SyslogSender current = sender;
        sender = null;
        if (current != null) {
            current.close();
        }
    }

    /** The exception's kind and message, printable and short: never record contents (none reach socket errors). */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return Texts.truncate(e.getClass().getSimpleName() + (message == null ? "" : ": "
                + Texts.printable(message, 300)), 500);
    }

    static boolean isIntegrityViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeyhavenException keyhaven && keyhaven.code() == ErrorCode.INTEGRITY_VIOLATION) {
                return true;
            }
        }
        return false;
    }
}
