package org.keyhaven.crypto.ops;

import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/**
 * Data keys for envelope encryption by applications: random AES keys from {@link KeyhavenProvider#random()},
 * returned in plaintext and encrypted under a managed AES key with {@link Encryption#encryptAesGcm}. The encrypted
 * form is an ordinary AES-GCM envelope, so the normal decrypt operation recovers the data key and the caller's
 * associated data is bound to it in the same way. Stateless and thread-safe.
 */
public final class DataKeys {

    private DataKeys() {
    }

    /**
     * @param wrappingKey the managed AES key (version {@code version} of {@code keyId}), lent for this call
     * @param lengthBits 128, 192 or 256
     * @param aad associated data bound to the encrypted data key; null means none
     * @return the data key; the caller owns it and must close it
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} for another length
     */
    public static DataKey generate(SecretBytes wrappingKey, UUID keyId, int version, int lengthBits, byte[] aad) {
        if (lengthBits != 128 && lengthBits != 192 && lengthBits != 256) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "data keys are 128, 192 or 256 bits; got " + lengthBits);
        }
        byte[] key = new byte[lengthBits / 8];
        KeyhavenProvider.random().nextBytes(key);
        SecretBytes plaintext = SecretBytes.adopt(key);
        try {
            byte[] envelope = plaintext.use(bytes -> Encryption.encryptAesGcm(wrappingKey, keyId, version, bytes, aad));
            return new DataKey(plaintext, envelope);
        } catch (RuntimeException e) {
            plaintext.close();
            throw e;
        }
    }
}
