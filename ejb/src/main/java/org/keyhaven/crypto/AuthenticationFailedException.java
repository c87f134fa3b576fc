package org.keyhaven.crypto;

import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * An AEAD tag or a key-wrap integrity check did not verify: the data, its associated data, the nonce or the
 * key is not what it was when the data was protected. The message is deliberately generic; it never says
 * which check failed or carries any of the data, so the exception is no oracle.
 */
public class AuthenticationFailedException extends KeyhavenException {

    public AuthenticationFailedException() {
        super(ErrorCode.INTEGRITY_VIOLATION, "authentication of protected data failed");
    }
}
