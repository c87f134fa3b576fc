package org.keyhaven.audit;

import java.time.Instant;

/** An audit record as callers see it. {@code seq} is null until the record is chained. */
public record AuditEntry(Long seq, Instant occurredAt, String actor, ActorType actorType, String clientAddress,
        Integer port, String operation, String objectId, Integer objectVersion, Outcome outcome, String reason,
        String details, byte[] mac) {
}
