package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.DECODER;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hex;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.tag;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoding examples of the KMIP specification (1.0 to 2.1, section "Examples" under "TTLV Encoding"), byte for
 * byte in both directions. All use tag 0x420020 (Compromise Date) whatever the type, as the specification does.
 */
class TtlvSpecExamplesTest {

    private static final Tag COMPROMISE_DATE = tag(0x420020);

    static Stream<Arguments> specificationExamples() {
        return Stream.of(
                Arguments.of("an Integer containing the decimal value 8",
                        new TtlvInteger(COMPROMISE_DATE, 8),
                        "42 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00"),
                Arguments.of("a Long Integer containing the decimal value 123456789000000000",
                        new TtlvLongInteger(COMPROMISE_DATE, 123456789000000000L),
                        "42 00 20 | 03 | 00 00 00 08 | 01 B6 9B 4B A5 74 92 00"),
                Arguments.of("a Big Integer containing the decimal value 1234567890000000000000000000",
                        TtlvBigInteger.of(COMPROMISE_DATE, new BigInteger("1234567890000000000000000000")),
                        "42 00 20 | 04 | 00 00 00 10 | 00 00 00 00 03 FD 35 EB 6B C2 DF 46 18 08 00 00"),
                Arguments.of("an Enumeration with value 255",
                        new TtlvEnumeration(COMPROMISE_DATE, 255),
                        "42 00 20 | 05 | 00 00 00 04 | 00 00 00 FF 00 00 00 00"),
                Arguments.of("a Boolean with the value True",
                        new TtlvBoolean(COMPROMISE_DATE, true),
                        "42 00 20 | 06 | 00 00 00 08 | 00 00 00 00 00 00 00 01"),
                Arguments.of("a Text String with the value 'Hello World'",
                        new TtlvTextString(COMPROMISE_DATE, "Hello World"),
                        "42 00 20 | 07 | 00 00 00 0B | 48 65 6C 6C 6F 20 57 6F 72 6C 64 00 00 00 00 00"),
                Arguments.of("a Byte String with the value { 0x01, 0x02, 0x03 }",
                        new TtlvByteString(COMPROMISE_DATE, new byte[] {1, 2, 3}),
                        "42 00 20 | 08 | 00 00 00 03 | 01 02 03 00 00 00 00 00"),
                Arguments.of("a Date-Time, containing the value for Friday, March 14, 2008, 11:56:40 GMT",
                        TtlvDateTime.of(COMPROMISE_DATE, Instant.parse("2008-03-14T11:56:40Z")),
                        "42 00 20 | 09 | 00 00 00 08 | 00 00 00 00 47 DA 67 F8"),
                Arguments.of("an Interval, containing the value for 10 days",
                        TtlvInterval.of(COMPROMISE_DATE, Duration.ofDays(10)),
                        "42 00 20 | 0A | 00 00 00 04 | 00 0D 2F 00 00 00 00 00"),
                Arguments.of("a Structure containing an Enumeration, value 254, followed by an Integer, value 255,"
                                + " having tags 420004 and 420005 respectively",
                        TtlvStructure.of(COMPROMISE_DATE, new TtlvEnumeration(tag(0x420004), 254),
                                new TtlvInteger(tag(0x420005), 255)),
                        "42 00 20 | 01 | 00 00 00 20 | 42 00 04 | 05 | 00 00 00 04 | 00 00 00 FE 00 00 00 00 |"
                                + " 42 00 05 | 02 | 00 00 00 04 | 00 00 00 FF 00 00 00 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specificationExamples")
    void encodesAsTheSpecificationShows(String example, TtlvItem item, String expectedHex) {
        assertThat(TtlvEncoder.encode(item)).isEqualTo(hex(expectedHex));
        assertThat(TtlvEncoder.encodedLength(item)).isEqualTo(hex(expectedHex).length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specificationExamples")
    void decodesWhatTheSpecificationShows(String example, TtlvItem expected, String hex) {
        assertThat(DECODER.decode(hex(hex))).isEqualTo(expected);
    }

    @Test
    void theSpecificationsValuesReadBackAsJavaValues() {
        assertThat(DECODER.decode(hex("42 00 20 | 04 | 00 00 00 10 | 00 00 00 00 03 FD 35 EB 6B C2 DF 46 18 08 00 00"))
                .as(TtlvBigInteger.class).value()).isEqualTo(new BigInteger("1234567890000000000000000000"));
        assertThat(DECODER.decode(hex("42 00 20 | 09 | 00 00 00 08 | 00 00 00 00 47 DA 67 F8"))
                .as(TtlvDateTime.class).instant()).isEqualTo(Instant.parse("2008-03-14T11:56:40Z"));
        assertThat(DECODER.decode(hex("42 00 20 | 0A | 00 00 00 04 | 00 0D 2F 00 00 00 00 00"))
                .as(TtlvInterval.class).duration()).isEqualTo(Duration.ofDays(10));
        TtlvStructure structure = DECODER.decodeMessage(hex("42 00 20 | 01 | 00 00 00 20 |"
                + " 42 00 04 | 05 | 00 00 00 04 | 00 00 00 FE 00 00 00 00 |"
                + " 42 00 05 | 02 | 00 00 00 04 | 00 00 00 FF 00 00 00 00"));
        assertThat(structure.get(tag(0x420004), TtlvEnumeration.class).value()).isEqualTo(254);
        assertThat(structure.get(tag(0x420005), TtlvInteger.class).value()).isEqualTo(255);
    }

    /**
     * The specification has no example for Date-Time Extended (KMIP 2.0); this one is the Date-Time example's
     * instant plus 123456 microseconds: 1205495800123456 = 0x000448645CF1D040.
     */
    @Test
    void aDateTimeExtendedCarriesMicroseconds() {
        TtlvDateTimeExtended item = TtlvDateTimeExtended.of(COMPROMISE_DATE,
                Instant.parse("2008-03-14T11:56:40.123456Z"));
        byte[] expected = hex("42 00 20 | 0B | 00 00 00 08 | 00 04 48 64 5C F1 D0 40");

        assertThat(TtlvEncoder.encode(item)).isEqualTo(expected);
        assertThat(DECODER.decode(expected)).isEqualTo(item);
        assertThat(item.epochMicros()).isEqualTo(1_205_495_800_123_456L);
    }
}
