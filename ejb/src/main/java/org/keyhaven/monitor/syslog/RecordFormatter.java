package org.keyhaven.monitor.syslog;

import org.keyhaven.audit.AuditEntry;

/** Turns one chained audit record into one syslog message: the bytes a transport frames and sends. */
public interface RecordFormatter {

    /**
     * The message, at most {@code maxBytes} long unless the fields that identify the record (sequence number, MAC and
     * the other audit fields) alone are longer: those are never cut, only the free text at the end.
     */
    byte[] format(AuditEntry entry, int maxBytes);
}
