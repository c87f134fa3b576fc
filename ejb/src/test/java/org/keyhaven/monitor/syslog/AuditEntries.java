package org.keyhaven.monitor.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

/** Audit records for the forwarding tests: one fully populated, and numbered ones with a MAC derived from the seq. */
final class AuditEntries {

    static final Instant OCCURRED = Instant.parse("2026-03-01T10:15:30.123456Z");
    /** The bytes 0 to 31, which base64 writes as {@link #MAC_BASE64}. */
    static final byte[] MAC = new byte[32];
    static final String MAC_BASE64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    static {
        for (int i = 0; i < MAC.length; i++) {
            MAC[i] = (byte) i;
        }
    }

    private AuditEntries() {
    }

    /** Seq 42: alice created key 0d3f, version 1, on port 6001 from 10.0.0.5, with two details. */
    static AuditEntry keyCreate() {
        return new AuditEntry(42L, OCCURRED, "alice", ActorType.USER, "10.0.0.5", 6001, "key.create", "0d3f", 1,
                Outcome.SUCCESS, null, "algorithm=AES, length=256", MAC);
    }

    static AuditEntry with(AuditEntry e, String reason, String details, Outcome outcome) {
        return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.actorType(), e.clientAddress(), e.port(),
                e.operation(), e.objectId(), e.objectVersion(), outcome, reason, details, e.mac());
    }

    /** A record with the given seq and a MAC that names it: {@code mac-<seq>}. */
    static AuditEntry numbered(long seq) {
        return new AuditEntry(seq, OCCURRED.plusSeconds(seq), "officer", ActorType.USER, "127.0.0.1", 6001,
                "key.create", "key-" + seq, 1, Outcome.SUCCESS, null, "n=" + seq, macOf(seq));
    }

    static byte[] macOf(long seq) {
        return ("mac-" + seq).getBytes(StandardCharsets.US_ASCII);
    }
}
