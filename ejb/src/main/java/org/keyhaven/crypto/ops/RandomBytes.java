package org.keyhaven.crypto.ops;

import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * Random bytes for callers (nonces, salts, tokens) from Keyhaven's SP 800-90A DRBG ({@link KeyhavenProvider#random()}).
 * The upper bound keeps one request cheap; callers that need more ask again. Stateless and thread-safe.
 */
public final class RandomBytes {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 4096;

    private RandomBytes() {
    }

    /**
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} unless 1 &lt;= length &lt;= 4096
     */
    public static byte[] generate(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "random length must be " + MIN_LENGTH + " to " + MAX_LENGTH + " bytes; got " + length);
        }
        byte[] bytes = new byte[length];
        KeyhavenProvider.random().nextBytes(bytes);
        return bytes;
    }
}
