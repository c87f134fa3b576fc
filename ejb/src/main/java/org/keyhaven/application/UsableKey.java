package org.keyhaven.application;

import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeySpec;

/**
 * One key version resolved for one operation by one client: authorised, in a state and with a usage that allow the
 * operation. Holds the unwrapped secret (null when only the public key is needed); the caller closes it.
 */
public record UsableKey(String id, String name, KeySpec spec, int version, SecretBytes secret, byte[] publicKey)
        implements AutoCloseable {

    @Override
    public void close() {
        if (secret != null) {
            secret.destroy();
        }
    }

    @Override
    public String toString() {
        return "UsableKey[" + id + " v" + version + "]";
    }
}
