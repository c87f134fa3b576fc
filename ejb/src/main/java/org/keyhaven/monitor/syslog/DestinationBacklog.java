package org.keyhaven.monitor.syslog;

import java.time.Instant;

/**
 * The delivery state of one destination, for monitoring (JMX): read without the row check, so that it answers while
 * sealed; never used to decide anything.
 *
 * @param backlog audit records waiting for this destination (head of the chain minus cursor)
 * @param alarmThreshold the backlog at which an alarm is audited
 */
public record DestinationBacklog(String id, String name, boolean enabled, long cursor, long backlog,
        long alarmThreshold, Instant lastSentAt, String lastError) {
}
