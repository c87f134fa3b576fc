package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hex;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hexOf;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.tag;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;

/** The item model: tags, types, values, lookups, and what {@code toString()} may show. */
class TtlvItemTest {

    private static final Tag BATCH_ITEM = tag(0x42000F);
    private static final Tag OPERATION = tag(0x42005C);
    private static final Tag UNIQUE_IDENTIFIER = tag(0x420094);
    private static final Tag KEY_MATERIAL = tag(0x420043);
    private static final Tag PASSWORD = tag(0x4200A1);

    @ParameterizedTest
    @ValueSource(ints = {0x420001, 0x42000F, 0x42FFFF, 0x540000, 0x540001, 0x54FFFF})
    void tagsOfTheStandardAndExtensionRangesAreAccepted(int value) {
        assertThat(Tag.of(value).value()).isEqualTo(value);
        assertThat(Tag.of(value).isExtension()).isEqualTo(value >= 0x540000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0x000001, 0x41FFFF, 0x420000, 0x430000, 0x53FFFF, 0x550000, 0xFFFFFF, 0x1420001, -1})
    void tagsOutsideBothRangesAreRefused(int value) {
        assertThatThrownBy(() -> Tag.of(value)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("outside the standard");
    }

    @Test
    void tagsPrintAsTheSpecificationWritesThem() {
        assertThat(tag(0x42000F)).hasToString("0x42000F");
        assertThat(tag(0x540A0B)).hasToString("0x540A0B");
    }

    @Test
    void refusalsAreInvalidRequestsInKeyhavensExceptionTree() {
        TtlvException refusal = new TtlvException(24, "x");

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refusal.offset()).isEqualTo(24);
        assertThat(new TtlvException("y").offset()).isEqualTo(TtlvException.NO_OFFSET);
    }

    @Test
    void itemTypesHaveTheirTypeBytesFixedLengthsAndXmlNames() {
        assertThat(Arrays.stream(ItemType.values()).mapToInt(ItemType::code))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(Arrays.stream(ItemType.values()).map(ItemType::xmlName)).containsExactly("Structure", "Integer",
                "LongInteger", "BigInteger", "Enumeration", "Boolean", "TextString", "ByteString", "DateTime",
                "Interval", "DateTimeExtended");
        for (ItemType type : ItemType.values()) {
            assertThat(ItemType.ofCode(type.code())).contains(type);
            assertThat(ItemType.ofXmlName(type.xmlName())).contains(type);
        }
        assertThat(ItemType.INTEGER.fixedLength()).isEqualTo(4);
        assertThat(ItemType.ENUMERATION.fixedLength()).isEqualTo(4);
        assertThat(ItemType.INTERVAL.fixedLength()).isEqualTo(4);
        assertThat(List.of(ItemType.LONG_INTEGER, ItemType.BOOLEAN, ItemType.DATE_TIME, ItemType.DATE_TIME_EXTENDED))
                .allSatisfy(type -> assertThat(type.fixedLength()).isEqualTo(8));
        assertThat(List.of(ItemType.STRUCTURE, ItemType.BIG_INTEGER, ItemType.TEXT_STRING, ItemType.BYTE_STRING))
                .noneMatch(ItemType::hasFixedLength);
        assertThat(ItemType.ofCode(0)).isEmpty();
        assertThat(ItemType.ofCode(0x0C)).isEmpty();
        assertThat(ItemType.ofCode(-1)).isEmpty();
        assertThat(ItemType.ofXmlName("Text String")).isEmpty();
    }

    @Test
    void aStructureFindsItsChildrenByTagInOrder() {
        TtlvStructure batchItem = TtlvStructure.of(BATCH_ITEM,
                new TtlvEnumeration(OPERATION, 0x0A),
                new TtlvTextString(UNIQUE_IDENTIFIER, "first"),
                new TtlvTextString(UNIQUE_IDENTIFIER, "second"));

        assertThat(batchItem.find(OPERATION)).contains(new TtlvEnumeration(OPERATION, 0x0A));
        assertThat(batchItem.find(tag(0x420001))).isEmpty();
        assertThat(batchItem.findAll(UNIQUE_IDENTIFIER, TtlvTextString.class)).extracting(TtlvTextString::value)
                .containsExactly("first", "second");
        assertThat(batchItem.findAll(tag(0x420001))).isEmpty();
        assertThat(batchItem.get(UNIQUE_IDENTIFIER, TtlvTextString.class).value()).isEqualTo("first");
        assertThat(batchItem.find(OPERATION, TtlvEnumeration.class)).map(TtlvEnumeration::value).contains(0x0A);
    }

    @Test
    void aMissingOrMistypedChildIsARefusalThatNamesTheTags() {
        TtlvStructure batchItem = TtlvStructure.of(BATCH_ITEM, new TtlvEnumeration(OPERATION, 1));

        assertThatThrownBy(() -> batchItem.get(UNIQUE_IDENTIFIER, TtlvTextString.class))
                .isExactlyInstanceOf(TtlvException.class)
                .hasMessage("Structure 0x42000F has no item 0x420094");
        assertThatThrownBy(() -> batchItem.get(OPERATION, TtlvInteger.class))
                .isExactlyInstanceOf(TtlvException.class)
                .hasMessage("item 0x42005C is of type Enumeration, not Integer");
        assertThatThrownBy(() -> batchItem.findAll(OPERATION, TtlvStructure.class))
                .isExactlyInstanceOf(TtlvException.class);
        assertThat(batchItem.as(TtlvStructure.class)).isSameAs(batchItem);
    }

    @Test
    void aStructuresChildrenCannotBeChanged() {
        List<TtlvItem> children = new ArrayList<>(List.of(new TtlvInteger(OPERATION, 1)));
        TtlvStructure structure = new TtlvStructure(BATCH_ITEM, children);
        children.clear();

        assertThat(structure.children()).hasSize(1);
        assertThatThrownBy(() -> structure.children().add(new TtlvInteger(OPERATION, 2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void byteValuesAreCopiedInAndOutAndCompareByContent() {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        TtlvByteString material = new TtlvByteString(KEY_MATERIAL, key);
        key[0] = 9;
        material.value()[1] = 9;

        assertThat(material.value()).isEqualTo(hex("000102030405060708090a0b0c0d0e0f"));
        assertThat(material).isEqualTo(new TtlvByteString(KEY_MATERIAL, hex("000102030405060708090a0b0c0d0e0f")))
                .hasSameHashCodeAs(new TtlvByteString(KEY_MATERIAL, hex("000102030405060708090a0b0c0d0e0f")))
                .isNotEqualTo(new TtlvByteString(KEY_MATERIAL, hex("00")))
                .isNotEqualTo(new TtlvByteString(tag(0x420044), hex("000102030405060708090a0b0c0d0e0f")));
        assertThat(material.length()).isEqualTo(16);

        byte[] modulus = hex("00000000000000ff");
        TtlvBigInteger bigInteger = new TtlvBigInteger(KEY_MATERIAL, modulus);
        modulus[7] = 1;
        bigInteger.encoded()[7] = 2;
        assertThat(bigInteger.value()).isEqualTo(BigInteger.valueOf(255));
        assertThat(bigInteger).isEqualTo(new TtlvBigInteger(KEY_MATERIAL, hex("00000000000000ff")))
                .hasSameHashCodeAs(new TtlvBigInteger(KEY_MATERIAL, hex("00000000000000ff")));
    }

    @Test
    void aByteStringIsLentWithoutACopy() {
        TtlvByteString material = new TtlvByteString(KEY_MATERIAL, hex("0102"));

        int lengthPlusSecondByte = material.use(bytes -> bytes.length + bytes[1]);

        assertThat(lengthPlusSecondByte).isEqualTo(4);
    }

    @Test
    void destroyingTheSecretsOfAMessageWipesEveryByteStringAndBigIntegerInIt() {
        TtlvByteString material = new TtlvByteString(KEY_MATERIAL, hex("c0ffee11c0ffee22"));
        TtlvBigInteger exponent = new TtlvBigInteger(tag(0x420068), hex("00c0ffee11c0ffee"));
        TtlvTextString identifier = new TtlvTextString(UNIQUE_IDENTIFIER, "id-1");
        TtlvStructure request = TtlvStructure.of(tag(0x420078), TtlvStructure.of(BATCH_ITEM,
                TtlvStructure.of(tag(0x420079), identifier, TtlvStructure.of(tag(0x420040), material, exponent))));

        request.destroySecrets();

        assertThat(material.isDestroyed()).isTrue();
        assertThat(exponent.isDestroyed()).isTrue();
        assertThat(material.length()).isEqualTo(8);
        assertThat(material).hasToString("Byte String 0x420043 (8 bytes, destroyed)")
                .isEqualTo(new TtlvByteString(KEY_MATERIAL, new byte[8]));
        assertThat(exponent).isEqualTo(new TtlvBigInteger(tag(0x420068), new byte[8]));
        assertThatThrownBy(material::value).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Byte String 0x420043 has been destroyed");
        assertThatThrownBy(() -> material.use(bytes -> bytes)).isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(exponent::value).isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(exponent::encoded).isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TtlvEncoder.encode(request)).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(identifier.value()).isEqualTo("id-1");
    }

    @Test
    void toStringNeverShowsByteStringsBigIntegersOrTextStrings() {
        byte[] key = hex("c0ffee11c0ffee22c0ffee33c0ffee44");
        TtlvStructure structure = TtlvStructure.of(BATCH_ITEM,
                new TtlvByteString(KEY_MATERIAL, key),
                new TtlvBigInteger(tag(0x420068), hex("00c0ffee11c0ffee")),
                new TtlvTextString(PASSWORD, "s3cret-passphrase"),
                new TtlvInteger(tag(0x42002A), 256));

        String shown = structure.toString();

        assertThat(shown).isEqualTo("Structure 0x42000F [Byte String 0x420043 (16 bytes), Big Integer 0x420068"
                + " (8 bytes), Text String 0x4200A1 (17 chars), Integer 0x42002A = 256]");
        assertThat(shown.toLowerCase()).doesNotContain("c0ffee", "s3cret", "192", "-64")
                .doesNotContain(Base64.getEncoder().encodeToString(key).toLowerCase());
    }

    @Test
    void otherValuesAreShownForDiagnosis() {
        assertThat(new TtlvEnumeration(OPERATION, 0x0A)).hasToString("Enumeration 0x42005C = 0x0000000A");
        assertThat(new TtlvBoolean(tag(0x420026), true)).hasToString("Boolean 0x420026 = true");
        assertThat(new TtlvLongInteger(tag(0x420020), -5)).hasToString("Long Integer 0x420020 = -5");
        assertThat(new TtlvDateTime(tag(0x420020), 1205495800))
                .hasToString("Date-Time 0x420020 = 2008-03-14T11:56:40Z");
        assertThat(new TtlvDateTime(tag(0x420020), Long.MAX_VALUE))
                .hasToString("Date-Time 0x420020 = 9223372036854775807 s");
        assertThat(new TtlvInterval(tag(0x420020), 3600)).hasToString("Interval 0x420020 = 3600 s");
        assertThat(new TtlvDateTimeExtended(tag(0x420020), -1))
                .hasToString("Date-Time Extended 0x420020 = 1969-12-31T23:59:59.999999Z");
        assertThat(TtlvStructure.of(BATCH_ITEM)).hasToString("Structure 0x42000F []");
    }

    @Test
    void bigIntegersAreMadeMinimalAndSignExtendedToAMultipleOfEightBytes() {
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.ZERO).encoded())).isEqualTo("0000000000000000");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.valueOf(-1)).encoded()))
                .isEqualTo("ffffffffffffffff");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.valueOf(-129)).encoded()))
                .isEqualTo("ffffffffffffff7f");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.valueOf(Long.MAX_VALUE)).encoded()))
                .isEqualTo("7fffffffffffffff");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.ONE.shiftLeft(63)).encoded()))
                .isEqualTo("0000000000000000" + "8000000000000000");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.valueOf(Long.MIN_VALUE)).encoded()))
                .isEqualTo("8000000000000000");
        assertThat(hexOf(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.ONE.shiftLeft(63).negate().subtract(
                BigInteger.ONE)).encoded())).isEqualTo("ffffffffffffffff" + "7fffffffffffffff");
    }

    @Test
    void aBigIntegerWithMoreSignExtensionThanNeededKeepsItsBytes() {
        TtlvBigInteger padded = new TtlvBigInteger(KEY_MATERIAL, hex("0000000000000000 00000000000000ff"));

        assertThat(padded.value()).isEqualTo(BigInteger.valueOf(255));
        assertThat(padded.length()).isEqualTo(16);
        assertThat(padded).isNotEqualTo(TtlvBigInteger.of(KEY_MATERIAL, BigInteger.valueOf(255)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 9, 15, 17})
    void aBigIntegerIsAPositiveMultipleOfEightBytes(int length) {
        assertThatThrownBy(() -> new TtlvBigInteger(KEY_MATERIAL, new byte[length]))
                .isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("multiple of 8 bytes long, not " + length);
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefusedBecauseItHasNoUtf8Form() {
        assertThatThrownBy(() -> new TtlvTextString(PASSWORD, "ab\uD800"))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> new TtlvTextString(PASSWORD, "\uDC00ab"))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> new TtlvTextString(PASSWORD, "a\uDBFF\uDBFFb"))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("index 1");
        assertThat(new TtlvTextString(PASSWORD, "a\uD83D\uDD11b").value()).isEqualTo("a\uD83D\uDD11b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Hello World", "é", "€", "\uD83D\uDD11", "aé€\uD83D\uDD11z", "\u0000", "\uFEFF",
            "\uFFFF", "\u07FF\u0800"})
    void theUtf8LengthIsCountedWithoutEncoding(String text) {
        TtlvTextString item = new TtlvTextString(UNIQUE_IDENTIFIER, text);

        assertThat(item.utf8Length()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(item.utf8()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void enumerationExtensionsAreTheValuesWithFirstNibbleEight() {
        TtlvEnumeration extension = new TtlvEnumeration(OPERATION, 0x80000001);

        assertThat(extension.isExtension()).isTrue();
        assertThat(extension.unsignedValue()).isEqualTo(0x80000001L);
        assertThat(new TtlvEnumeration(OPERATION, 0x0A).isExtension()).isFalse();
        assertThat(new TtlvEnumeration(OPERATION, 0xF0000000).isExtension()).isFalse();
    }

    @Test
    void intervalsAreUnsigned32BitSeconds() {
        assertThat(new TtlvInterval(tag(0x420020), 0xFFFFFFFFL).duration()).isEqualTo(Duration.ofSeconds(0xFFFFFFFFL));
        assertThatThrownBy(() -> new TtlvInterval(tag(0x420020), -1)).isExactlyInstanceOf(TtlvException.class);
        assertThatThrownBy(() -> new TtlvInterval(tag(0x420020), 0x1_0000_0000L))
                .isExactlyInstanceOf(TtlvException.class);
        assertThatThrownBy(() -> TtlvInterval.of(tag(0x420020), Duration.ofMillis(1500)))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("fraction of a second");
        assertThatThrownBy(() -> TtlvInterval.of(tag(0x420020), Duration.ofSeconds(-1)))
                .isExactlyInstanceOf(TtlvException.class);
    }

    @Test
    void dateTimesAreWholeSecondsAndRefuseWhatAnInstantCannotHold() {
        assertThat(TtlvDateTime.of(tag(0x420020), Instant.EPOCH.minusSeconds(1)).epochSeconds()).isEqualTo(-1);
        assertThat(new TtlvDateTime(tag(0x420020), Instant.MAX.getEpochSecond()).instant()).isEqualTo(
                Instant.ofEpochSecond(Instant.MAX.getEpochSecond()));
        assertThatThrownBy(() -> TtlvDateTime.of(tag(0x420020), Instant.parse("2024-01-01T00:00:00.5Z")))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("fraction of a second");
        assertThatThrownBy(() -> new TtlvDateTime(tag(0x420020), Long.MAX_VALUE).instant())
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("beyond");
        assertThatThrownBy(() -> new TtlvDateTime(tag(0x420020), Long.MIN_VALUE).instant())
                .isExactlyInstanceOf(TtlvException.class);
    }

    @Test
    void dateTimesExtendedAreWholeMicrosecondsEitherSideOfTheEpoch() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:58.750001Z");
        TtlvDateTimeExtended item = TtlvDateTimeExtended.of(tag(0x420020), beforeEpoch);

        assertThat(item.epochMicros()).isEqualTo(-1_249_999L);
        assertThat(item.instant()).isEqualTo(beforeEpoch);
        assertThat(new TtlvDateTimeExtended(tag(0x420020), Long.MIN_VALUE).instant())
                .isEqualTo(Instant.ofEpochSecond(-9_223_372_036_855L, 224_192_000L));
        assertThatThrownBy(() -> TtlvDateTimeExtended.of(tag(0x420020), Instant.parse("2024-01-01T00:00:00.0000001Z")))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("fraction of a microsecond");
        assertThatThrownBy(() -> TtlvDateTimeExtended.of(tag(0x420020), Instant.MAX.minusNanos(999_999_999)))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("beyond the range");
    }
}
