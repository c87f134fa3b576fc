package org.keyhaven.application;

import java.util.Arrays;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * Turns the results of the services the REST ports call into the connector's value types. Secret arrays are copied
 * into the value type, which owns and wipes its copy, and the service's array is overwritten at once, so no second
 * copy of key material outlives the call.
 */
final class GatewayResults {

    private GatewayResults() {
    }

    static KeyMaterial keyMaterial(RetrievedKey retrieved) {
        try {
            return new KeyMaterial(retrieved.id(), retrieved.name(), retrieved.version(), retrieved.algorithm(),
                    retrieved.format(), retrieved.key(), retrieved.publicKey());
        } finally {
            wipe(retrieved.key());
            wipe(retrieved.publicKey());
        }
    }

    static Ciphertext ciphertext(CryptoRequests.Ciphertext result) {
        return new Ciphertext(result.keyId(), result.version(), result.ciphertext());
    }

    /** The signature with the key version and algorithm that made it, which {@code verify} may be given later. */
    static Signature signature(CryptoRequests.Signature result) {
        return new Signature(result.keyId(), result.version(), result.algorithm(), result.signature());
    }

    /** The MAC with the key version that made it, which {@code verifyMac} may be given later. */
    static MacValue macValue(CryptoRequests.MacValue result) {
        return new MacValue(result.keyId(), result.version(), result.mac());
    }

    /** The data key with its plaintext, which must have been asked for. */
    static DataKey dataKey(CryptoRequests.WrappedDataKey result) {
        if (result.plaintext() == null) {
            throw new IllegalArgumentException("the data key was generated without its plaintext");
        }
        try {
            return new DataKey(result.plaintext(), new Ciphertext(result.keyId(), result.version(),
                    result.ciphertext()));
        } finally {
            wipe(result.plaintext());
        }
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
