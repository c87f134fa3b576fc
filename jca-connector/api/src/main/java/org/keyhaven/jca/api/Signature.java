package org.keyhaven.jca.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signature made by Keyhaven, with the key and the key version that made it and the algorithm used. Keep the
 * version with the signature: after the key is rotated, {@link KeyManagerConnection#verify(String, String, byte[],
 * byte[], Integer) verify} with {@link #version()} (and {@link #algorithm()}) still checks it against the version
 * that made it. Immutable: the bytes are copied in and out.
 */
public final class Signature implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final int version;
    private final String algorithm;
    private final byte[] bytes;

    public Signature(String keyId, int version, String algorithm, byte[] bytes) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.version = version;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.bytes = bytes.clone();
    }

    /** The id of the key that signed. */
    public String keyId() {
        return keyId;
    }

    /** The version of the key that signed. */
    public int version() {
        return version;
    }

    /** The signature algorithm, as on port 6003. */
    public String algorithm() {
        return algorithm;
    }

    /** A copy of the signature; what {@code verify} takes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature s && s.keyId.equals(keyId) && s.version == version
                && s.algorithm.equals(algorithm) && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * keyId.hashCode() + version) + algorithm.hashCode()) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Signature[" + keyId + " v" + version + " " + algorithm + ", " + bytes.length + " bytes]";
    }
}
