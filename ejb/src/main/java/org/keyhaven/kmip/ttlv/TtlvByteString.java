package org.keyhaven.kmip.ttlv;

import java.util.function.Function;

/**
 * A Byte String: any bytes, then zero padding to the next multiple of eight.
 *
 * <p>Key material travels in Byte Strings, so this is a value that can be wiped: {@link #destroy()} zeroes the
 * bytes, after which reading them is an error; {@link TtlvStructure#destroySecrets()} does so for a whole message
 * once it has been handled. Apart from that it is immutable (bytes are copied in and out, or lent with
 * {@link #use}). {@code toString()} shows the length only.
 */
public final class TtlvByteString extends WipeableBytes implements TtlvItem {

    /** Copies {@code value}. */
    public TtlvByteString(Tag tag, byte[] value) {
        super(tag, value);
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
        return bytes().clone();
    }

    /**
     * Lends the bytes, without a copy, for the duration of the call; the borrower must neither keep nor change
     * the array.
     *
     * @throws IllegalStateException if destroyed
     */
    public <T> T use(Function<byte[], T> borrower) {
        return borrower.apply(bytes());
    }
}
