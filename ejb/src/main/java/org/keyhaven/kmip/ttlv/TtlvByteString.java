package org.keyhaven.kmip.ttlv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import javax.security.auth.Destroyable;

/**
 * A Byte String: any bytes, then zero padding to the next multiple of eight.
 *
 * <p>Key material travels in Byte Strings, so this is a value that can be wiped: {@link #destroy()} zeroes the
 * bytes, after which reading them is an error; {@link TtlvStructure#destroySecrets()} does so for a whole message
 * once it has been handled. Apart from that it is immutable (bytes are copied in and out, or lent with
 * {@link #use}). {@code toString()} shows the length only.
 */
public final class TtlvByteString implements TtlvItem, Destroyable {

    private final Tag tag;
    private final byte[] value;
    private volatile boolean destroyed;

    /** Copies {@code value}. */
    public TtlvByteString(Tag tag, byte[] value) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.value = value.clone();
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public ItemType type() {
        return ItemType.BYTE_STRING;
    }

    /**
     * A copy of the bytes; the caller owns it (and wipes it, or adopts it into a {@code SecretBytes}).
     *
     * @throws IllegalStateException if destroyed
     */
    public byte[] value() {
        checkAlive();
        return value.clone();
    }

    /**
     * Lends the bytes, without a copy, for the duration of the call; the borrower must neither keep nor change
     * the array.
     *
     * @throws IllegalStateException if destroyed
     */
    public <T> T use(Function<byte[], T> borrower) {
        checkAlive();
        return borrower.apply(value);
    }

    /** The Item Length: the number of bytes, without padding. */
    public int length() {
        return value.length;
    }

    /** Zeroes the bytes. */
    @Override
    public void destroy() {
        Arrays.fill(value, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Writes the value bytes without handing out a copy. */
    void writeTo(ByteBuffer out) {
        checkAlive();
        out.put(value);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException(TtlvItems.head(this) + " has been destroyed");
        }
    }

    /** Equal if tag and bytes are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TtlvByteString that && tag.equals(that.tag) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " (" + value.length + " bytes" + (destroyed ? ", destroyed)" : ")");
    }
}
