package org.keyhaven.monitor;

/**
 * {@code org.keyhaven:type=Syslog,name=<destination>}, one per syslog destination: how far its forwarding is behind
 * the audit chain. The MBeans follow the configured destinations within a few seconds (a destination added through
 * the API appears, a deleted one disappears); each attribute is -1 or null when the database does not answer or the
 * destination has just been deleted.
 */
public interface SyslogMXBean {

    String TYPE = "Syslog";

    /** Audit records waiting for this destination (head of the chain minus its cursor). */
    long getBacklog();

    /** The sequence number this destination has reached: the records after it are waiting. */
    long getCursor();

    /** Whether records are forwarded to this destination; null when unknown. */
    Boolean getEnabled();

    /** The backlog at which an alarm is audited. */
    long getAlarmThreshold();

    /** When a record was last delivered (ISO-8601, UTC); null before the first. */
    String getLastSentAt();

    /** Why the last delivery attempt failed; null when it succeeded. */
    String getLastError();
}
