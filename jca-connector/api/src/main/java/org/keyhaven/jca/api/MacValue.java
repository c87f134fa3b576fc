package org.keyhaven.jca.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A MAC made by Keyhaven, with the key and the key version that made it. Keep the version with the MAC: after the
 * key is rotated, {@link KeyManagerConnection#verifyMac(String, byte[], byte[], Integer) verifyMac} with
 * {@link #version()} still checks it against the version that made it. Immutable: the bytes are copied in and out.
 */
public final class MacValue implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final int version;
    private final byte[] bytes;

    public MacValue(String keyId, int version, byte[] bytes) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.version = version;
        this.bytes = bytes.clone();
    }

    /** The id of the key that made the MAC. */
    public String keyId() {
        return keyId;
    }

    /** The version of the key that made the MAC. */
    public int version() {
        return version;
    }

    /** A copy of the MAC; what {@code verifyMac} takes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacValue m && m.keyId.equals(keyId) && m.version == version
                && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyId.hashCode() + version) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MacValue[" + keyId + " v" + version + ", " + bytes.length + " bytes]";
    }
}
