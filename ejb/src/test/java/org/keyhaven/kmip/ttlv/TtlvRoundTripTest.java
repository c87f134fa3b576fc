package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.DECODER;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.concat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.header;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hex;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.tag;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type, at its edges, encodes with the right lengths and padding and decodes to itself. */
class TtlvRoundTripTest {

    private static final Tag T = tag(0x420020);
    private static final Tag EXTENSION = tag(0x54FFFF);

    static Stream<Arguments> items() {
        return Stream.of(
                new TtlvInteger(T, 0), new TtlvInteger(T, -1), new TtlvInteger(T, Integer.MIN_VALUE),
                new TtlvInteger(T, Integer.MAX_VALUE),
                new TtlvLongInteger(T, 0), new TtlvLongInteger(T, Long.MIN_VALUE),
                new TtlvLongInteger(T, Long.MAX_VALUE),
                TtlvBigInteger.of(T, BigInteger.ZERO), TtlvBigInteger.of(T, BigInteger.valueOf(-1)),
                TtlvBigInteger.of(T, BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE)),
                TtlvBigInteger.of(T, BigInteger.ONE.shiftLeft(4095).negate()),
                new TtlvBigInteger(T, hex("ffffffffffffffff ffffffffffffff80")),
                new TtlvEnumeration(T, 0), new TtlvEnumeration(T, 0x8000_0001), new TtlvEnumeration(T, -1),
                new TtlvBoolean(T, false), new TtlvBoolean(T, true),
                new TtlvTextString(T, ""), new TtlvTextString(T, "Hello World"),
                new TtlvTextString(T, "Schlüssel 鍵 \uD83D\uDD11 \u0000 \uFEFF \uFFFF"),
                new TtlvByteString(T, new byte[0]), new TtlvByteString(T, new byte[] {0}),
                new TtlvByteString(T, new byte[4096]),
                new TtlvDateTime(T, 0), new TtlvDateTime(T, Long.MIN_VALUE), new TtlvDateTime(T, Long.MAX_VALUE),
                new TtlvInterval(T, 0), new TtlvInterval(T, TtlvInterval.MAX_SECONDS),
                new TtlvDateTimeExtended(T, Long.MIN_VALUE), new TtlvDateTimeExtended(T, Long.MAX_VALUE),
                TtlvStructure.of(T), TtlvStructure.of(EXTENSION, TtlvStructure.of(T, TtlvStructure.of(T))),
                TtlvStructure.of(T, new TtlvTextString(EXTENSION, "x"), new TtlvBoolean(T, true),
                        TtlvStructure.of(T, new TtlvInteger(T, 1), new TtlvByteString(T, new byte[] {1, 2, 3}))))
                .map(item -> Arguments.of(item.toString(), item));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void everyItemDecodesToItself(String name, TtlvItem item) {
        byte[] encoded = TtlvEncoder.encode(item);

        assertThat(encoded.length % 8).isZero();
        assertThat(encoded.length).isEqualTo(TtlvEncoder.encodedLength(item));
        assertThat(DECODER.decode(encoded)).isEqualTo(item);
    }

    @Test
    void textAndByteStringsArePaddedWithZerosToTheNextMultipleOfEight() {
        for (int length = 0; length <= 17; length++) {
            byte[] value = new byte[length];
            Arrays.fill(value, (byte) 0x61);
            int padded = (length + 7) / 8 * 8;
            byte[] expected = concat(header(0x420020, 0x08, length), value, new byte[padded - length]);

            assertThat(TtlvEncoder.encode(new TtlvByteString(T, value))).isEqualTo(expected);
            expected[3] = 0x07;
            assertThat(TtlvEncoder.encode(new TtlvTextString(T, new String(value, StandardCharsets.US_ASCII))))
                    .isEqualTo(expected);
            assertThat(DECODER.decode(expected)).isEqualTo(new TtlvTextString(T, "a".repeat(length)));
        }
    }

    @Test
    void theLengthOfATextStringCountsUtf8BytesNotCharacters() {
        byte[] encoded = TtlvEncoder.encode(new TtlvTextString(T, "é\uD83D\uDD11"));

        assertThat(encoded).isEqualTo(hex("420020 07 00000006 c3a9 f09f9491 0000"));
    }

    @Test
    void intervalsAndEnumerationsAreFourBytesUnsignedThenFourBytesOfPadding() {
        assertThat(TtlvEncoder.encode(new TtlvInterval(T, 0xFFFFFFFFL)))
                .isEqualTo(hex("420020 0a 00000004 ffffffff 00000000"));
        assertThat(TtlvEncoder.encode(new TtlvEnumeration(T, 0x80000001)))
                .isEqualTo(hex("420020 05 00000004 80000001 00000000"));
        assertThat(DECODER.decode(hex("420020 0a 00000004 ffffffff 00000000")).as(TtlvInterval.class).seconds())
                .isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void booleanFalseAndNegativeDatesAreEightBytes() {
        assertThat(TtlvEncoder.encode(new TtlvBoolean(T, false))).isEqualTo(hex("420020 06 00000008 0000000000000000"));
        assertThat(TtlvEncoder.encode(new TtlvDateTime(T, -1))).isEqualTo(hex("420020 09 00000008 ffffffffffffffff"));
    }

    @Test
    void anEmptyStructureIsJustItsHeader() {
        assertThat(TtlvEncoder.encode(TtlvStructure.of(T))).isEqualTo(hex("420020 01 00000000"));
    }

    @Test
    void aStructuresLengthIsTheSumOfItsChildrensEncodings() {
        TtlvStructure structure = TtlvStructure.of(T, new TtlvTextString(T, "abc"),
                TtlvStructure.of(T, new TtlvByteString(T, new byte[9])), new TtlvBoolean(T, true));

        byte[] encoded = TtlvEncoder.encode(structure);

        assertThat(ByteBuffer.wrap(encoded).getInt(4)).isEqualTo(16 + (8 + 24) + 16);
        assertThat(ByteBuffer.wrap(encoded).getInt(8 + 16 + 4)).isEqualTo(24);
        assertThat(encoded).hasSize(8 + 16 + 32 + 16);
    }

    /** The codec carries tags it has no name for, from both ranges, and gives back the same bytes. */
    @Test
    void unknownTagsArePreservedByteForByte() {
        byte[] message = hex(
                "540001 01 00000050",
                "  42fffe 07 00000005 7665727931 000000",
                "  54abcd 01 00000028",
                "    420fff 05 00000004 80000007 00000000",
                "    54ffff 08 00000009 000102030405060708 00000000000000",
                "  420001 02 00000004 00000001 00000000");

        TtlvStructure decoded = DECODER.decodeMessage(message);

        assertThat(decoded.tag()).isEqualTo(tag(0x540001));
        assertThat(decoded.get(tag(0x54ABCD), TtlvStructure.class).get(tag(0x420FFF), TtlvEnumeration.class)
                .unsignedValue()).isEqualTo(0x80000007L);
        assertThat(TtlvEncoder.encode(decoded)).isEqualTo(message);
    }

    @Test
    void aMessageOfManyItemsWithinTheLimitsDecodes() {
        TtlvStructure big = new TtlvStructure(T, IntStream.range(0, TtlvLimits.DEFAULT.maxItems() - 1)
                .mapToObj(i -> (TtlvItem) new TtlvInteger(T, i)).toList());

        assertThat(DECODER.decodeMessage(TtlvEncoder.encode(big)).children()).hasSize(16_383);
    }

    @Test
    void nestingUpToTheDepthLimitDecodes() {
        TtlvItem item = new TtlvBoolean(T, true);
        for (int depth = 2; depth <= TtlvLimits.DEFAULT.maxDepth(); depth++) {
            item = TtlvStructure.of(T, item);
        }

        assertThat(DECODER.decode(TtlvEncoder.encode(item))).isEqualTo(item);
    }
}
