package org.keyhaven.monitor.syslog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keyhaven.audit.AuditEntry;

/**
 * What delivery needs from the database, each call its own short transaction (no transaction is ever held while
 * the network is used): implemented over the EJBs in the server, in memory in tests.
 */
public interface DeliveryStore {

    /** The destination, its row MAC checked (an integrity violation is thrown as such); empty once deleted. */
    Optional<DestinationState> load(String id);

    /** The sequence number of the last chained audit record (0 for none). */
    long head();

    /** Up to {@code max} chained records with a sequence number above {@code after}, in sequence order. */
    List<AuditEntry> after(long after, int max);

    /** Moves the cursor forward to {@code seq} (never back), notes when, and clears the last error. */
    void delivered(String id, long seq, Instant at);

    /** Notes a delivery error (short, without record contents). */
    void failed(String id, String error);

    /** Audits the backlog reaching the alarm threshold ({@code raised}) or falling back below it. */
    void backlogAlarm(String id, String name, long backlog, long threshold, boolean raised);

    /** Audits that the destination failed its integrity check, so that nothing is sent to it. */
    void refused(String id);
}
