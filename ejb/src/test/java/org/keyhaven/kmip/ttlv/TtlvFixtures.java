package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

/** Test helpers: TTLV written in hex the way the specification prints it ("42 00 20 | 02 | ..."). */
final class TtlvFixtures {

    static final TtlvDecoder DECODER = new TtlvDecoder();

    private TtlvFixtures() {
    }

    /** Hex with spaces and the specification's '|' field separators ignored. */
    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replaceAll("[\\s|]", ""));
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static Tag tag(int value) {
        return Tag.of(value);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, position, part.length);
            position += part.length;
        }
        return all;
    }

    /** A header: tag, type, length. */
    static byte[] header(int tag, int type, long length) {
        return new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 8), (byte) tag, (byte) type,
                (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    /**
     * Decodes {@code bytes}; if they are accepted, they must be exactly the encoding of what was decoded (the
     * encoding is unique). Anything but a {@link TtlvException} propagates and fails the calling test.
     *
     * @return whether the bytes were accepted
     */
    static boolean decodesExactlyOrIsRefused(TtlvDecoder decoder, byte[] bytes) {
        TtlvItem item;
        try {
            item = decoder.decode(bytes);
        } catch (TtlvException refused) {
            assertThat(refused.offset()).isBetween(TtlvException.NO_OFFSET, (long) bytes.length);
            assertThat(refused.getMessage()).isNotBlank();
            return false;
        }
        assertThat(TtlvEncoder.encode(item)).isEqualTo(bytes);
        return true;
    }
}
