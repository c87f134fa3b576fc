package org.keyhaven.kmip.message;

import java.util.Objects;

/**
 * A KMIP operation failed for a reason the client is told: it becomes the batch item's Result Status
 * "Operation Failed" with this Result Reason and Result Message. The message is for the client and the log, so it
 * never contains key material or credentials. No stack trace is kept: this is an answer, not a bug.
 */
public class KmipFailure extends RuntimeException {

    private final ResultReason reason;

    public KmipFailure(ResultReason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ResultReason reason() {
        return reason;
    }
}
