package org.keyhaven.kmip.ttlv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the binary TTLV encoding strictly, for input from untrusted peers. Exactly the encodings
 * {@link TtlvEncoder} writes are accepted: a message that decodes re-encodes to the same bytes. Refused, with a
 * {@link TtlvException} that gives the offset of the offending item:
 * <ul>
 *   <li>a message larger than {@link TtlvLimits#maxMessageBytes()}, more than {@link TtlvLimits#maxItems()}
 *       items, an item deeper than {@link TtlvLimits#maxDepth()};</li>
 *   <li>a truncated header; a tag outside the standard and extension ranges; an unknown type byte;</li>
 *   <li>an Item Length (with its padding) beyond the end of the message or of the enclosing structure; children
 *       that do not add up exactly to their structure's length; bytes after the top-level item;</li>
 *   <li>a fixed-length type (Integer, Enumeration, Interval: 4; Long Integer, Boolean, Date-Time, Date-Time
 *       Extended: 8) with any other length; a Big Integer whose length is not a positive multiple of 8; a
 *       Structure whose length is not a multiple of 8;</li>
 *   <li>a non-zero padding byte; a Boolean other than 0 or 1; a Text String that is not well-formed UTF-8 (no
 *       overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence).</li>
 * </ul>
 * No other exception escapes for any input: lengths are compared with what remains before anything is read or
 * allocated, arithmetic is in {@code long}, and recursion is bounded by the depth limit. Tags need no dictionary;
 * an unknown tag is carried like a known one.
 *
 * <p>Immutable and thread-safe; each call keeps its state on the stack.
 */
public final class TtlvDecoder {

    private static final int HEADER_BYTES = TtlvEncoder.HEADER_BYTES;
    private static final int TOP_LEVEL = -1;

    private final TtlvLimits limits;

    public TtlvDecoder(TtlvLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A decoder with {@link TtlvLimits#DEFAULT}. */
    public TtlvDecoder() {
        this(TtlvLimits.DEFAULT);
    }

    public TtlvLimits limits() {
        return limits;
    }

    /**
     * Decodes one item of any type that spans all of {@code message}.
     *
     * @throws TtlvException for anything listed in the class description; never any other exception
     */
    public TtlvItem decode(byte[] message) {
        if (message == null) {
            throw new TtlvException("a TTLV message is required");
        }
        if (message.length > limits.maxMessageBytes()) {
            throw new TtlvException(0, "the message is " + message.length + " bytes, more than the limit of "
                    + limits.maxMessageBytes());
        }
        List<TtlvItem> top = new ArrayList<>(1);
        int end = new Run(message).readItem(0, message.length, 1, TOP_LEVEL, top);
        if (end != message.length) {
            throw new TtlvException(end, (message.length - end) + " bytes follow the " + top.get(0).type()
                    + " " + top.get(0).tag() + " that makes up the message; a message is one item");
        }
        return top.get(0);
    }

    /**
     * Decodes a KMIP message: one Structure (a Request Message or Response Message) spanning all of
     * {@code message}.
     *
     * @throws TtlvException as {@link #decode}, and if the top-level item is not a Structure
     */
    public TtlvStructure decodeMessage(byte[] message) {
        TtlvItem item = decode(message);
        if (!(item instanceof TtlvStructure structure)) {
            throw new TtlvException(0, "a KMIP message is a Structure, not the " + item.type() + " " + item.tag()
                    + " it starts with");
        }
        return structure;
    }

    /** The state of one {@code decode} call. */
    private final class Run {

        private final byte[] bytes;
        private final ByteBuffer buffer;
        private int items;

        Run(byte[] bytes) {
            this.bytes = bytes;
            this.buffer = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        /**
         * Reads the item at {@code start}, which must end by {@code limit}, appends it to {@code into} and returns
         * the offset after it (and its padding).
         *
         * @param parent the offset of the enclosing structure, or {@link #TOP_LEVEL}
         */
        int readItem(int start, int limit, int depth, int parent, List<TtlvItem> into) {
            int available = limit - start;
            if (available < HEADER_BYTES) {
                throw new TtlvException(start, available + " bytes remain " + within(parent)
                        + ", too few for an 8-byte item header" + (parent == TOP_LEVEL ? ""
                        : "; the children do not add up to the structure's length"));
            }
            if (++items > limits.maxItems()) {
                throw new TtlvException(start, "the message has more than " + limits.maxItems() + " items");
            }
            if (depth > limits.maxDepth()) {
                throw new TtlvException(start, "items are nested more than " + limits.maxDepth() + " deep");
            }
            int tagValue = (Byte.toUnsignedInt(bytes[start]) << 16) | (Byte.toUnsignedInt(bytes[start + 1]) << 8)
                    | Byte.toUnsignedInt(bytes[start + 2]);
            if (!Tag.isValid(tagValue)) {
                throw new TtlvException(start, "tag " + Tag.hex(tagValue) + " is outside the standard (0x420001"
                        + " to 0x42FFFF) and extension (0x540000 to 0x54FFFF) ranges");
            }
            Tag tag = new Tag(tagValue);
            int typeCode = Byte.toUnsignedInt(bytes[start + 3]);
            ItemType type = ItemType.ofCode(typeCode).orElseThrow(() -> new TtlvException(start,
                    "item " + tag + " has unknown item type " + String.format("0x%02X", typeCode)));
            long length = Integer.toUnsignedLong(buffer.getInt(start + 4));
            String item = type + " " + tag;
            checkLength(start, item, type, length);
            long padded = TtlvEncoder.padded(length);
            if (padded > available - HEADER_BYTES) {
                throw new TtlvException(start, item + " declares " + length + " value bytes"
                        + (padded != length ? " (" + padded + " with padding)" : "") + " but only "
                        + (available - HEADER_BYTES) + " remain " + within(parent));
            }
            int valueStart = start + HEADER_BYTES;
            int valueEnd = valueStart + (int) length;
            into.add(readValue(start, item, tag, type, valueStart, valueEnd, depth));
            int end = valueStart + (int) padded;
            for (int i = valueEnd; i < end; i++) {
                if (bytes[i] != 0) {
                    throw new TtlvException(start, item + " has a non-zero padding byte at offset " + i);
                }
            }
            return end;
        }

        private void checkLength(int start, String item, ItemType type, long length) {
            if (type.hasFixedLength() && length != type.fixedLength()) {
                throw new TtlvException(start, item + " has length " + length + "; every " + type + " has length "
                        + type.fixedLength());
            }
            if (type == ItemType.BIG_INTEGER && (length == 0 || length % 8 != 0)) {
                throw new TtlvException(start, item + " has length " + length
                        + "; a Big Integer is a positive multiple of 8 bytes");
            }
            if (type == ItemType.STRUCTURE && length % 8 != 0) {
                throw new TtlvException(start, item + " has length " + length
                        + "; a Structure's children always add up to a multiple of 8 bytes");
            }
        }

        private TtlvItem readValue(int start, String item, Tag tag, ItemType type, int valueStart, int valueEnd,
                int depth) {
            return switch (type) {
                case STRUCTURE -> readChildren(start, tag, valueStart, valueEnd, depth);
                case INTEGER -> new TtlvInteger(tag, buffer.getInt(valueStart));
                case LONG_INTEGER -> new TtlvLongInteger(tag, buffer.getLong(valueStart));
                case BIG_INTEGER -> {
                    byte[] value = Arrays.copyOfRange(bytes, valueStart, valueEnd);
                    TtlvBigInteger bigInteger = new TtlvBigInteger(tag, value);
                    Arrays.fill(value, (byte) 0);
                    yield bigInteger;
                }
                case ENUMERATION -> new TtlvEnumeration(tag, buffer.getInt(valueStart));
                case BOOLEAN -> new TtlvBoolean(tag, readBoolean(start, item, valueStart));
                case TEXT_STRING -> new TtlvTextString(tag, readUtf8(start, item, valueStart, valueEnd));
                case BYTE_STRING -> {
                    byte[] value = Arrays.copyOfRange(bytes, valueStart, valueEnd);
                    TtlvByteString byteString = new TtlvByteString(tag, value);
                    Arrays.fill(value, (byte) 0);
                    yield byteString;
                }
                case DATE_TIME -> new TtlvDateTime(tag, buffer.getLong(valueStart));
                case INTERVAL -> new TtlvInterval(tag, Integer.toUnsignedLong(buffer.getInt(valueStart)));
                case DATE_TIME_EXTENDED -> new TtlvDateTimeExtended(tag, buffer.getLong(valueStart));
            };
        }

        private TtlvStructure readChildren(int start, Tag tag, int valueStart, int valueEnd, int depth) {
            List<TtlvItem> children = new ArrayList<>();
            int position = valueStart;
            while (position < valueEnd) {
                position = readItem(position, valueEnd, depth + 1, start, children);
            }
            return new TtlvStructure(tag, children);
        }

        private boolean readBoolean(int start, String item, int valueStart) {
            long value = buffer.getLong(valueStart);
            if (value != 0 && value != 1) {
                throw new TtlvException(start, item + " is neither 0 (false) nor 1 (true)");
            }
            return value == 1;
        }

        private String readUtf8(int start, String item, int valueStart, int valueEnd) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, valueStart, valueEnd - valueStart);
            // UTF-8 never decodes to more UTF-16 units than it has bytes.
            CharBuffer out = CharBuffer.allocate(valueEnd - valueStart);
            CoderResult result = utf8.decode(in, out, true);
            if (!result.isError() && !result.isOverflow()) {
                result = utf8.flush(out);
            }
            if (result.isError() || result.isOverflow()) {
                throw new TtlvException(start, item + " is not well-formed UTF-8 (from byte "
                        + (in.position() - valueStart) + " of its value)");
            }
            return out.flip().toString();
        }

        private static String within(int parent) {
            return parent == TOP_LEVEL ? "in the message" : "in the structure at offset " + parent;
        }
    }
}
