package org.keyhaven.kmip.ttlv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The part Byte Strings and Big Integers share: a tag and bytes that may be key material, copied in, wiped by
 * {@link #destroy()} (reading them afterwards is an error), equal by tag and bytes, shown by length only.
 */
abstract sealed class WipeableBytes implements Destroyable permits TtlvBigInteger, TtlvByteString {

    private final Tag tag;
    private final byte[] bytes;
    private volatile boolean destroyed;

    /** Copies {@code bytes}. */
    WipeableBytes(Tag tag, byte[] bytes) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.bytes = bytes.clone();
    }

    public Tag tag() {
        return tag;
    }

    /** The Item Length: the number of value bytes, without padding. */
    public int length() {
        return bytes.length;
    }

    /** Zeroes the bytes. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** The bytes themselves, for the subclass to copy or lend. */
    final byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException(TtlvItems.head((TtlvItem) this) + " has been destroyed");
        }
        return bytes;
    }

    /** Writes the value bytes without handing out a copy. */
    void writeTo(ByteBuffer out) {
        out.put(bytes());
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && tag.equals(((WipeableBytes) other).tag)
                && Arrays.equals(bytes, ((WipeableBytes) other).bytes);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return TtlvItems.head((TtlvItem) this) + " (" + bytes.length + " bytes" + (destroyed ? ", destroyed)" : ")");
    }
}
