package org.keyhaven.crypto.ops;

import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Checks on caller-supplied data (plaintexts, messages, signatures, associated data). A missing value is the
 * caller's mistake, so it is {@link ErrorCode#INVALID_REQUEST}, never a {@link NullPointerException}. Values that
 * come from Keyhaven's own key store (key ids, versions, key material) are checked with {@code Objects} instead:
 * their absence is a bug.
 */
final class Inputs {

    private static final byte[] EMPTY = new byte[0];

    private Inputs() {
    }

    static byte[] required(byte[] value, String name) {
        if (value == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, name + " is required");
        }
        return value;
    }

    /** Associated data is optional: absent means empty, which is what it authenticates as. */
    static byte[] optional(byte[] associatedData) {
        return associatedData == null ? EMPTY : associatedData;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
