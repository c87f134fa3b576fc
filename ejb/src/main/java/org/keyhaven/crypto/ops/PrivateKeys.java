package org.keyhaven.crypto.ops;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.function.Function;
import javax.security.auth.DestroyFailedException;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyMaterialGenerator;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;

/**
 * Lends a decoded private key to one operation and destroys the key object afterwards. Bouncy Castle's RSA and EC
 * private keys clear their fields on {@code destroy()}; its Ed25519 key has no {@code destroy()}, so that object
 * and the copies the PKCS#8 parser makes are left to the garbage collector (as in {@link KeyMaterialGenerator}).
 */
final class PrivateKeys {

    private PrivateKeys() {
    }

    /**
     * @param pkcs8 the PKCS#8 encoding, lent: the caller keeps ownership and wipes it
     * @throws KeyhavenException {@link ErrorCode#INTERNAL} if the encoding is not a private key of that algorithm
     */
    static <T> T apply(KeyAlgorithm algorithm, SecretBytes pkcs8, Function<PrivateKey, T> operation) {
        Objects.requireNonNull(pkcs8, "private key");
        PrivateKey key = pkcs8.use(encoded -> KeyMaterialGenerator.privateKey(algorithm, encoded));
        try {
            return operation.apply(key);
        } finally {
            destroy(algorithm, key);
        }
    }

    private static void destroy(KeyAlgorithm algorithm, PrivateKey key) {
        if (algorithm == KeyAlgorithm.ED25519) {
            return;
        }
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot destroy a temporary private key", null, e);
        }
    }
}
