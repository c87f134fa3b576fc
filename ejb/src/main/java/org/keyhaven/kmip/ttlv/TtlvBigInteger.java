package org.keyhaven.kmip.ttlv;

import java.math.BigInteger;
import java.util.Arrays;

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
public final class TtlvBigInteger extends WipeableBytes implements TtlvItem {

    /**
     * Copies {@code encoded}.
     *
     * @throws TtlvException if its length is zero or not a multiple of eight
     */
    public TtlvBigInteger(Tag tag, byte[] encoded) {
        super(tag, checkedLength(encoded));
    }

    private static byte[] checkedLength(byte[] encoded) {
        if (encoded.length == 0 || encoded.length % 8 != 0) {
            throw new TtlvException("a Big Integer is a positive multiple of 8 bytes long, not " + encoded.length);
        }
        return encoded;
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
    public ItemType type() {
        return ItemType.BIG_INTEGER;
    }

    /** @throws IllegalStateException if destroyed */
    public BigInteger value() {
        return new BigInteger(bytes());
    }

    /**
     * A copy of the value bytes, sign-extension included; the caller owns it.
     *
     * @throws IllegalStateException if destroyed
     */
    public byte[] encoded() {
        return bytes().clone();
    }
}
