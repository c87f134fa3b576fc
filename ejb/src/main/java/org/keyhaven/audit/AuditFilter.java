package org.keyhaven.audit;

import java.time.Instant;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * What an audit search looks for; every criterion is optional. Time bounds are inclusive from and exclusive to;
 * {@code operation} matches the operation name or a prefix ending in a dot ({@code key.} for every key operation).
 */
public record AuditFilter(Instant from, Instant to, String actor, String objectId, String operation, Outcome outcome) {

    private static final int MAX_TEXT = 255;

    public AuditFilter {
        actor = blankToNull(actor);
        objectId = blankToNull(objectId);
        operation = blankToNull(operation);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the time range must end after it starts");
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public boolean operationIsPrefix() {
        return operation != null && operation.endsWith(".");
    }

    private static String blankToNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "search terms are at most " + MAX_TEXT
                    + " characters");
        }
        return trimmed;
    }
}
