package org.keyhaven.kmip.ttlv;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A Big Integer: two's complement, big-endian, in a multiple of eight bytes (leading sign-extension bytes pad it;
 * they are part of the value and of the Item Length, so there is no trailing padding). The bytes are kept as
 * received, so an encoding with more sign-extension than needed re-encodes byte for byte; {@link #of} makes the
 * minimal encoding the specification asks senders for.
 *
 * <p>Big Integers carry RSA private exponents and primes, so, like {@link TtlvByteString}, this is a value that
 * can be wiped with {@link #destroy()}, immutable apart from that; {@code toString()} shows the length only.
 * ({@link #value()} returns a {@link BigInteger}, which cannot be wiped; crypto code that can take the bytes
 * should use {@link #encoded()}.)
 */
public final class TtlvBigInteger implements TtlvItem, Destroyable {

    private final Tag tag;
    private final byte[] encoded;
    private volatile boolean destroyed;

    /**
     * Copies {@code encoded}.
     *
     * @throws TtlvException if its length is zero or not a multiple of eight
     */
    public TtlvBigInteger(Tag tag, byte[] encoded) {
        this.tag = Objects.requireNonNull(tag, "tag");
        if (encoded.length == 0 || encoded.length % 8 != 0) {
            throw new TtlvException("a Big Integer is a positive multiple of 8 bytes long, not " + encoded.length);
        }
        this.encoded = encoded.clone();
    }

    /** The minimal encoding of {@code value}: its two's complement sign-extended to the next multiple of 8 bytes. */
    public static TtlvBigInteger of(Tag tag, BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] padded = new byte[(minimal.length + 7) / 8 * 8];
        int padding = padded.length - minimal.length;
        Arrays.fill(padded, 0, padding, value.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(minimal, 0, padded, padding, minimal.length);
        TtlvBigInteger item = new TtlvBigInteger(tag, padded);
        Arrays.fill(padded, (byte) 0);
        Arrays.fill(minimal, (byte) 0);
        return item;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public ItemType type() {
        return ItemType.BIG_INTEGER;
    }

    /** @throws IllegalStateException if destroyed */
    public BigInteger value() {
        checkAlive();
        return new BigInteger(encoded);
    }

    /**
     * A copy of the value bytes, sign-extension included; the caller owns it.
     *
     * @throws IllegalStateException if destroyed
     */
    public byte[] encoded() {
        checkAlive();
        return encoded.clone();
    }

    /** The Item Length: the number of value bytes. */
    public int length() {
        return encoded.length;
    }

    /** Zeroes the bytes. */
    @Override
    public void destroy() {
        Arrays.fill(encoded, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Writes the value bytes without handing out a copy. */
    void writeTo(ByteBuffer out) {
        checkAlive();
        out.put(encoded);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException(TtlvItems.head(this) + " has been destroyed");
        }
    }

    /** Equal if tag and bytes are equal (so the same number with more sign-extension is another item). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TtlvBigInteger that && tag.equals(that.tag) && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " (" + encoded.length + " bytes" + (destroyed ? ", destroyed)" : ")");
    }
}
