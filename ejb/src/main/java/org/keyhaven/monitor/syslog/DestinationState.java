package org.keyhaven.monitor.syslog;

/**
 * A destination as stored, its row MAC checked: what the delivery loop works from in one round.
 *
 * @param cursor the sequence number of the last audit record delivered (confirmed, for streams)
 * @param backlogAlarm the backlog at which an alarm is audited
 * @param lastError the last delivery error as stored, null once delivery works
 */
public record DestinationState(String id, DestinationSpec spec, boolean enabled, long cursor, long backlogAlarm,
        String lastError) {
}
