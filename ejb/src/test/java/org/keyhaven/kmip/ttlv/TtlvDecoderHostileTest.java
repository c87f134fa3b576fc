package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.DECODER;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.concat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.header;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hex;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.tag;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input from a hostile peer: every malformation is refused with a {@link TtlvException} that says where and what,
 * and nothing else (no index, allocation or stack error) escapes.
 */
class TtlvDecoderHostileTest {

    private static final String INTEGER_1 = "420005 02 00000004 00000001 00000000";

    private static Arguments refused(String name, byte[] message, long offset, String expected) {
        return Arguments.of(name, message, offset, expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                refused("empty input", new byte[0], 0, "0 bytes remain in the message, too few for an 8-byte"),
                refused("truncated header", hex("420020 02 000000"), 0, "7 bytes remain in the message"),
                refused("header without its value", hex("420020 02 00000004"), 0,
                        "declares 4 value bytes (8 with padding) but only 0 remain in the message"),
                refused("value without its padding", hex("420020 02 00000004 00000008"), 0,
                        "declares 4 value bytes (8 with padding) but only 4 remain"),
                refused("declared length 0x7fffffff", hex("420020 08 7fffffff 0102030405060708"), 0,
                        "Byte String 0x420020 declares 2147483647 value bytes (2147483648 with padding) but only 8"),
                refused("declared length 0xffffffff (-1 as a signed int)", hex("420020 07 ffffffff 6162636465666768"),
                        0, "Text String 0x420020 declares 4294967295 value bytes (4294967296 with padding)"),
                refused("declared length 0x80000000 (the most negative int)",
                        hex("420020 08 80000000 0000000000000000"), 0, "declares 2147483648 value bytes but only 8"),
                refused("structure declaring 0xfffffff8", hex("420020 01 fffffff8", INTEGER_1), 0,
                        "Structure 0x420020 declares 4294967288 value bytes but only 16 remain in the message"),
                refused("child overrunning its structure", hex("420020 01 00000010 420021 08 00000010 0000000000000000",
                        "0000000000000000"), 8,
                        "Byte String 0x420021 declares 16 value bytes but only 8 remain in the structure at offset 0"),
                refused("children longer than the structure says", hex("420020 01 00000010", INTEGER_1, INTEGER_1),
                        24, "16 bytes follow the Structure 0x420020"),
                refused("structure length not a multiple of 8", hex("420020 01 0000000c", INTEGER_1), 0,
                        "Structure 0x420020 has length 12"),
                refused("trailing byte", hex(INTEGER_1, "00"), 16, "1 bytes follow the Integer 0x420005"),
                refused("trailing item", hex(INTEGER_1, INTEGER_1), 16, "16 bytes follow the Integer 0x420005"),
                refused("unknown type 0x00", hex("420020 00 00000000"), 0, "item 0x420020 has unknown item type 0x00"),
                refused("unknown type 0x0C", hex("420020 0c 00000008 0000000000000000"), 0, "unknown item type 0x0C"),
                refused("unknown type 0xFF", hex("420020 ff 00000000"), 0, "unknown item type 0xFF"),
                refused("tag 0x000000", hex("000000 02 00000004 00000001 00000000"), 0, "tag 0x000000 is outside"),
                refused("tag 0x420000 (unused)", hex("420000 02 00000004 00000001 00000000"), 0, "tag 0x420000"),
                refused("tag 0x430000", hex("430000 01 00000000"), 0, "tag 0x430000 is outside"),
                refused("tag 0x550000", hex("550000 01 00000000"), 0, "tag 0x550000 is outside"),
                refused("bad tag in a child", hex("420020 01 00000010 ffffff 02 00000004 00000001 00000000"), 8,
                        "tag 0xFFFFFF"),
                refused("Integer of 8 bytes", hex("420020 02 00000008 0000000000000001"), 0,
                        "Integer 0x420020 has length 8; every Integer has length 4"),
                refused("Integer of 0 bytes", hex("420020 02 00000000"), 0, "has length 0"),
                refused("Enumeration of 8 bytes", hex("420020 05 00000008 0000000000000001"), 0,
                        "every Enumeration has length 4"),
                refused("Interval of 2 bytes", hex("420020 0a 00000002 0001000000000000"), 0,
                        "every Interval has length 4"),
                refused("Long Integer of 4 bytes", hex("420020 03 00000004 00000001 00000000"), 0,
                        "every Long Integer has length 8"),
                refused("Boolean of 4 bytes", hex("420020 06 00000004 00000001 00000000"), 0,
                        "every Boolean has length 8"),
                refused("Date-Time of 16 bytes", hex("420020 09 00000010 00000000000000000000000047da67f8"), 0,
                        "every Date-Time has length 8"),
                refused("Date-Time Extended of 4 bytes", hex("420020 0b 00000004 00000001 00000000"), 0,
                        "every Date-Time Extended has length 8"),
                refused("Big Integer of 0 bytes", hex("420020 04 00000000"), 0, "Big Integer is a positive multiple"),
                refused("Big Integer of 4 bytes", hex("420020 04 00000004 00000001 00000000"), 0,
                        "Big Integer 0x420020 has length 4"),
                refused("Big Integer of 12 bytes", hex("420020 04 0000000c 000000000000000000000001 00000000"), 0,
                        "has length 12"),
                refused("Boolean 2", hex("420020 06 00000008 0000000000000002"), 0,
                        "Boolean 0x420020 is neither 0 (false) nor 1 (true)"),
                refused("Boolean with a high bit", hex("420020 06 00000008 0100000000000001"), 0, "neither 0"),
                refused("Boolean -1", hex("420020 06 00000008 ffffffffffffffff"), 0, "neither 0"),
                refused("non-zero padding of an Integer", hex("420020 02 00000004 00000001 00000001"), 0,
                        "Integer 0x420020 has a non-zero padding byte at offset 15"),
                refused("non-zero padding of an Enumeration", hex("420020 05 00000004 00000001 80000000"), 0,
                        "non-zero padding byte at offset 12"),
                refused("non-zero padding of an Interval", hex("420020 0a 00000004 00000001 00010000"), 0,
                        "non-zero padding byte at offset 13"),
                refused("non-zero padding of a Text String", hex("420020 07 00000003 616263 0000000020"), 0,
                        "Text String 0x420020 has a non-zero padding byte at offset 15"),
                refused("non-zero padding of a Byte String", hex("420020 08 00000001 01 ff000000000000"), 0,
                        "Byte String 0x420020 has a non-zero padding byte at offset 9"),
                refused("non-zero padding in a child", hex("420020 01 00000010 420021 02 00000004 00000001 00000100"),
                        8, "Integer 0x420021 has a non-zero padding byte at offset 22"),
                refused("UTF-8: invalid continuation", hex("420020 07 00000002 c328 000000000000"), 0,
                        "Text String 0x420020 is not well-formed UTF-8 (from byte 0 of its value)"),
                refused("UTF-8: overlong NUL", hex("420020 07 00000003 41c080 0000000000"), 0, "(from byte 1"),
                refused("UTF-8: overlong slash", hex("420020 07 00000003 e080af 0000000000"), 0, "UTF-8"),
                refused("UTF-8: encoded surrogate", hex("420020 07 00000003 eda080 0000000000"), 0, "UTF-8"),
                refused("UTF-8: above U+10FFFF", hex("420020 07 00000004 f4908080 00000000"), 0, "UTF-8"),
                refused("UTF-8: byte 0xFF", hex("420020 07 00000002 41ff 000000000000"), 0, "(from byte 1"),
                refused("UTF-8: lone continuation byte", hex("420020 07 00000001 80 00000000000000"), 0, "UTF-8"),
                refused("UTF-8: sequence cut off by the length", hex("420020 07 00000003 41e282 0000000000"), 0,
                        "(from byte 1"),
                refused("UTF-8: sequence running into the padding", hex("420020 07 00000001 c3 a9000000000000"), 0,
                        "UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMessagesAreRefusedSayingWhereAndWhat(String name, byte[] message, long offset, String expected) {
        assertThatThrownBy(() -> DECODER.decode(message))
                .isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining(expected)
                .extracting(e -> ((TtlvException) e).offset()).isEqualTo(offset);
    }

    @Test
    void aMissingMessageIsRefused() {
        assertThatThrownBy(() -> DECODER.decode(null)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("a TTLV message is required");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedBeforeItIsRead() {
        TtlvDecoder small = new TtlvDecoder(new TtlvLimits(64, 32, 100));
        byte[] ok = TtlvEncoder.encode(new TtlvByteString(tag(0x420020), new byte[56]));
        byte[] tooBig = TtlvEncoder.encode(new TtlvByteString(tag(0x420020), new byte[57]));

        assertThat(small.decode(ok)).isInstanceOf(TtlvByteString.class);
        assertThatThrownBy(() -> small.decode(tooBig)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the message is 72 bytes, more than the limit of 64");
        assertThatThrownBy(() -> DECODER.decode(new byte[(1 << 20) + 1])).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("more than the limit of 1048576");
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() {
        byte[] depth33 = nested(33, new byte[0]);

        assertThatThrownBy(() -> DECODER.decode(depth33)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("items are nested more than 32 deep")
                .extracting(e -> ((TtlvException) e).offset()).isEqualTo(32L * 8);
        assertThat(DECODER.decode(nested(32, new byte[0]))).isInstanceOf(TtlvStructure.class);
        assertThatThrownBy(() -> new TtlvDecoder(new TtlvLimits(1024, 1, 10)).decode(nested(2, new byte[0])))
                .isExactlyInstanceOf(TtlvException.class).hasMessage("items are nested more than 1 deep");
    }

    /** 131,072 nested structure headers fill 1 MiB; the depth limit stops them long before the stack could. */
    @Test
    void aMegabyteOfNestedStructuresIsRefusedWithoutExhaustingTheStack() {
        int levels = (1 << 20) / 8;
        byte[] message = nested(levels, new byte[0]);

        assertThatThrownBy(() -> DECODER.decode(message)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("nested more than 32 deep");
        TtlvDecoder deepest = new TtlvDecoder(new TtlvLimits(1 << 20, TtlvLimits.MAX_DEPTH_CAP, 1 << 20));
        assertThatThrownBy(() -> deepest.decode(message)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("nested more than 256 deep");
    }

    @Test
    void moreItemsThanTheLimitAreRefused() {
        int children = TtlvLimits.DEFAULT.maxItems();
        ByteBuffer message = ByteBuffer.allocate(8 + children * 8).put(header(0x420020, 0x01, children * 8L));
        for (int i = 0; i < children; i++) {
            message.put(header(0x420021, 0x07, 0));
        }

        assertThatThrownBy(() -> DECODER.decode(message.array())).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the message has more than 16384 items")
                .extracting(e -> ((TtlvException) e).offset()).isEqualTo(8L + (children - 1) * 8L);
    }

    @Test
    void aTopLevelItemOtherThanAStructureIsNoKmipMessage() {
        assertThatThrownBy(() -> DECODER.decodeMessage(hex(INTEGER_1))).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("a KMIP message is a Structure, not the Integer 0x420005 it starts with");
    }

    @Test
    void refusalsNeverQuoteValueBytes() {
        String key = "c0ffee11c0ffee22";
        byte[][] messages = {
                hex("420043 08 00000008", key, "420020 02 00000004 00000001 00000000"),
                hex("420043 08 00000007 c0ffee11c0ffee 01"),
                hex("4200a1 07 00000007 73336372657421 01"),
                hex("4200a1 07 00000008 73336372657421ff"),
                hex("420043 06 00000008", key),
                hex("420020 01 00000018 420043 08 00000008", key, "420043 08 00000010", key),
                hex("420043 04 0000000c", key, "00000000 00000000"),
        };
        for (byte[] message : messages) {
            assertThatThrownBy(() -> DECODER.decode(message)).isExactlyInstanceOf(TtlvException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase())
                            .doesNotContain("c0ffee", "s3cret", "73336372", "-64", "192"));
        }
    }

    @Test
    void theRefusedInputIsNotModified() {
        byte[] message = hex("420020 01 00000010 420043 08 00000008 c0ffee11c0ffee22 ff");
        byte[] copy = message.clone();

        assertThatThrownBy(() -> DECODER.decode(message)).isInstanceOf(TtlvException.class);
        assertThat(message).isEqualTo(copy);
    }

    /** {@code levels} structures, each the only child of the one before, around {@code innermost}. */
    private static byte[] nested(int levels, byte[] innermost) {
        ByteBuffer message = ByteBuffer.allocate(levels * 8 + innermost.length);
        for (int level = 0; level < levels; level++) {
            message.put(header(0x420020, 0x01, (long) (levels - level - 1) * 8 + innermost.length));
        }
        return message.put(innermost).array();
    }

    @Test
    void theNestingHelperBuildsValidMessages() {
        assertThat(nested(2, new byte[0])).isEqualTo(concat(header(0x420020, 1, 8), header(0x420020, 1, 0)));
        assertThat(Arrays.copyOf(nested(3, hex(INTEGER_1)), 8)).isEqualTo(header(0x420020, 1, 32));
    }
}
