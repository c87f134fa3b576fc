package org.keyhaven.kmip.ttlv;

import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The one refusal of the TTLV codec: malformed or oversized input, and values that no TTLV item can carry. The
 * KMIP layer answers it with Result Reason "Invalid Message" (and closes the connection when framing is lost).
 *
 * <p>Messages say where (byte offset from the start of the message, when there is one) and what was wrong, and
 * may name tags, item types and lengths; they never contain value bytes, which may be key material or
 * credentials.
 */
public class TtlvException extends KeyhavenException {

    /** {@link #offset()} of refusals that do not concern a position in an encoded message. */
    public static final long NO_OFFSET = -1;

    private final long offset;

    public TtlvException(String message) {
        this(NO_OFFSET, message);
    }

    public TtlvException(long offset, String message) {
        super(ErrorCode.INVALID_REQUEST, message);
        this.offset = offset;
    }

    /** The offset in the message at which the refused item starts, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }
}
