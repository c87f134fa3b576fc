package org.keyhaven.jca.api;

import java.util.Arrays;

/** A ciphertext and the key version that made it; {@link #bytes()} is what {@code decrypt} takes. */
public final class Ciphertext implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final int version;
    private final byte[] bytes;

    public Ciphertext(String keyId, int version, byte[] bytes) {
        this.keyId = keyId;
        this.version = version;
        this.bytes = bytes.clone();
    }

    public String keyId() {
        return keyId;
    }

    public int version() {
        return version;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ciphertext c && c.keyId.equals(keyId) && c.version == version
                && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ciphertext[" + keyId + " v" + version + ", " + bytes.length + " bytes]";
    }
}
