package org.keyhaven.kmip.ttlv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads KMIP messages one at a time off a stream (a TLS socket on port 5696): the 8-byte header of the top-level
 * Structure, then exactly the number of bytes its Item Length declares. The header is checked first, and a
 * length over {@link TtlvLimits#maxMessageBytes()} is refused before anything is allocated for it, so a peer that
 * announces 2 GiB gets a refusal, not an {@code OutOfMemoryError}.
 *
 * <p>After a refusal the stream is no longer at a message boundary: the caller answers if it can and closes the
 * connection. How long a slow peer may take is the socket's read timeout, not this class's concern.
 *
 * <p>Immutable and thread-safe; each call reads only from the stream it is given.
 */
public final class TtlvFrameReader {

    private static final int HEADER_BYTES = TtlvEncoder.HEADER_BYTES;

    private final TtlvLimits limits;
    private final TtlvDecoder decoder;

    public TtlvFrameReader(TtlvLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.decoder = new TtlvDecoder(limits);
    }

    /** A reader with {@link TtlvLimits#DEFAULT}. */
    public TtlvFrameReader() {
        this(TtlvLimits.DEFAULT);
    }

    /**
     * Reads the bytes of the next message, without decoding its content.
     *
     * @return the message, header included; empty if the stream ended cleanly before its first byte
     * @throws TtlvException if the header is not that of a Structure with a valid tag, the declared length is not a
     *     multiple of 8 or exceeds the limit, or the stream ends inside the message
     * @throws IOException if reading fails
     */
    public Optional<byte[]> readFrame(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length == 0) {
            return Optional.empty();
        }
        if (header.length < HEADER_BYTES) {
            throw new TtlvException(0, "the stream ended after " + header.length + " of the " + HEADER_BYTES
                    + " header bytes of a message");
        }
        int tag = (Byte.toUnsignedInt(header[0]) << 16) | (Byte.toUnsignedInt(header[1]) << 8)
                | Byte.toUnsignedInt(header[2]);
        if (!Tag.isValid(tag)) {
            throw new TtlvException(0, "the message starts with tag " + Tag.hex(tag) + ", outside the standard"
                    + " and extension ranges; not a KMIP message");
        }
        if (header[3] != ItemType.STRUCTURE.code()) {
            throw new TtlvException(0, "the message " + Tag.hex(tag) + " has item type "
                    + String.format("0x%02X", Byte.toUnsignedInt(header[3])) + "; a KMIP message is a Structure");
        }
        long length = (Integer.toUnsignedLong(Byte.toUnsignedInt(header[4])) << 24)
                | (Byte.toUnsignedInt(header[5]) << 16) | (Byte.toUnsignedInt(header[6]) << 8)
                | Byte.toUnsignedInt(header[7]);
        if (length % 8 != 0) {
            throw new TtlvException(0, "the message " + Tag.hex(tag) + " declares length " + length
                    + "; a Structure's length is a multiple of 8");
        }
        if (HEADER_BYTES + length > limits.maxMessageBytes()) {
            throw new TtlvException(0, "the message " + Tag.hex(tag) + " declares " + (HEADER_BYTES + length)
                    + " bytes, more than the limit of " + limits.maxMessageBytes());
        }
        byte[] frame = Arrays.copyOf(header, HEADER_BYTES + (int) length);
        int read = in.readNBytes(frame, HEADER_BYTES, (int) length);
        if (read < length) {
            Arrays.fill(frame, (byte) 0);
            throw new TtlvException(HEADER_BYTES + read, "the stream ended after " + read + " of the " + length
                    + " value bytes of the message " + Tag.hex(tag));
        }
        return Optional.of(frame);
    }

    /**
     * Reads and decodes the next message. The raw bytes, which may hold key material, are wiped once decoded.
     *
     * @return the top-level Structure; empty if the stream ended cleanly before its first byte
     * @throws TtlvException as {@link #readFrame} and {@link TtlvDecoder#decodeMessage}
     * @throws IOException if reading fails
     */
    public Optional<TtlvStructure> readMessage(InputStream in) throws IOException {
        Optional<byte[]> frame = readFrame(in);
        if (frame.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = frame.get();
        try {
            return Optional.of(decoder.decodeMessage(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
