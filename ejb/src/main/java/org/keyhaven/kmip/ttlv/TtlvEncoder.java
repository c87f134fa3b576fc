package org.keyhaven.kmip.ttlv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an item tree in the binary TTLV encoding: for every item a 3-byte tag, the type byte, the 4-byte
 * big-endian Item Length and the value. Integer, Enumeration, Interval, Text String and Byte String values are
 * followed by zero bytes up to the next multiple of eight; the Item Length excludes that padding. Long Integer,
 * Boolean, Date-Time, Date-Time Extended and Big Integer values are already a multiple of eight. A Structure's
 * value is its children's encodings, so its Item Length is their sum. Every item therefore starts and ends on an
 * 8-byte boundary.
 *
 * <p>Stateless and thread-safe. The output of a tree is unique, and the decoder accepts exactly these encodings,
 * so decoding then encoding a message gives back its bytes.
 */
public final class TtlvEncoder {

    /** Header bytes: tag, type, length. */
    static final int HEADER_BYTES = 8;
    /** The largest array the JVM is sure to allocate. */
    private static final long MAX_ENCODED_BYTES = Integer.MAX_VALUE - 8;

    private TtlvEncoder() {
    }

    /**
     * The encoding of {@code item}. If the tree carries key material, so does the result: the caller wipes it once
     * written.
     *
     * @throws TtlvException if the encoding would be too large for one array (about 2 GiB)
     * @throws IllegalStateException if a Byte String or Big Integer in the tree has been destroyed
     */
    public static byte[] encode(TtlvItem item) {
        long length = encodedLength(item);
        if (length > MAX_ENCODED_BYTES) {
            throw new TtlvException(TtlvItems.head(item) + " would encode to " + length
                    + " bytes, more than one message can hold");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        write(item, out);
        return out.array();
    }

    /** The number of bytes {@link #encode} writes for this item, header and padding included. */
    public static long encodedLength(TtlvItem item) {
        return HEADER_BYTES + padded(valueLength(item));
    }

    /** The Item Length: the value's length without padding. */
    static long valueLength(TtlvItem item) {
        return switch (item.type()) {
            case STRUCTURE -> ((TtlvStructure) item).children().stream()
                    .mapToLong(TtlvEncoder::encodedLength).sum();
            case INTEGER, ENUMERATION, INTERVAL -> 4;
            case LONG_INTEGER, BOOLEAN, DATE_TIME, DATE_TIME_EXTENDED -> 8;
            case BIG_INTEGER -> ((TtlvBigInteger) item).length();
            case TEXT_STRING -> ((TtlvTextString) item).utf8Length();
            case BYTE_STRING -> ((TtlvByteString) item).length();
        };
    }

    static long padded(long length) {
        return (length + 7) & ~7L;
    }

    private static void write(TtlvItem item, ByteBuffer out) {
        int tag = item.tag().value();
        out.put((byte) (tag >>> 16)).put((byte) (tag >>> 8)).put((byte) tag);
        out.put((byte) item.type().code());
        int lengthAt = out.position();
        out.putInt(0);
        int valueStart = out.position();
        switch (item.type()) {
            case STRUCTURE -> ((TtlvStructure) item).children().forEach(child -> write(child, out));
            case INTEGER -> out.putInt(((TtlvInteger) item).value());
            case LONG_INTEGER -> out.putLong(((TtlvLongInteger) item).value());
            case BIG_INTEGER -> ((TtlvBigInteger) item).writeTo(out);
            case ENUMERATION -> out.putInt(((TtlvEnumeration) item).value());
            case BOOLEAN -> out.putLong(((TtlvBoolean) item).value() ? 1 : 0);
            case TEXT_STRING -> out.put(((TtlvTextString) item).value().getBytes(StandardCharsets.UTF_8));
            case BYTE_STRING -> ((TtlvByteString) item).writeTo(out);
            case DATE_TIME -> out.putLong(((TtlvDateTime) item).epochSeconds());
            case INTERVAL -> out.putInt((int) ((TtlvInterval) item).seconds());
            case DATE_TIME_EXTENDED -> out.putLong(((TtlvDateTimeExtended) item).epochMicros());
        }
        int valueLength = out.position() - valueStart;
        out.putInt(lengthAt, valueLength);
        for (long i = valueLength; i < padded(valueLength); i++) {
            out.put((byte) 0);
        }
    }
}
