package org.keyhaven.monitor.syslog;

import java.time.Instant;

/**
 * A syslog destination as administrators and auditors see it, with its delivery state.
 *
 * @param caPem the CA certificates a TLS collector must chain to (public; null for UDP and TCP)
 * @param cursor the sequence number of the last audit record delivered
 * @param head the sequence number of the last chained audit record
 * @param backlog records waiting: {@code head - cursor}
 * @param lastError the last delivery error, null once delivery works again
 * @param lastSentAt when records were last delivered
 */
public record SyslogDestinationView(String id, String name, Transport transport, String host, int port,
        SyslogFormat format, String caPem, boolean enabled, long backlogAlarm, long cursor, long head, long backlog,
        String lastError, Instant lastSentAt, Instant createdAt, String createdBy) {
}
