package org.keyhaven.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row encoding under every row MAC. Its guarantee: for one sequence of field types (the columns of a row), different
 * values never encode alike. What it deliberately does not distinguish is pinned too: an Integer and a Long of the
 * same value, an enum and its name, and a null of any type.
 */
class CanonicalTest {

    static Stream<Arguments> differentFieldLists() {
        return Stream.<Arguments>of(
                pair("split moved between two strings", c -> c.add("ab").add("c"), c -> c.add("a").add("bc")),
                pair("null versus empty string", c -> c.add((String) null), c -> c.add("")),
                pair("null versus empty bytes", c -> c.add((byte[]) null), c -> c.add(new byte[0])),
                pair("empty string versus empty bytes", c -> c.add(""), c -> c.add(new byte[0])),
                pair("string versus its UTF-8 bytes", c -> c.add("ab"), c -> c.add(new byte[] {'a', 'b'})),
                pair("one field versus two", c -> c.add("ab"), c -> c.add("ab").add("")),
                pair("order of fields", c -> c.add("a").add("b"), c -> c.add("b").add("a")),
                pair("true versus false", c -> c.add(true), c -> c.add(false)),
                pair("boolean versus number", c -> c.add(true), c -> c.add(1L)),
                pair("number versus numeric string", c -> c.add(1L), c -> c.add("1")),
                pair("zero versus null", c -> c.add(0L), c -> c.add((Long) null)),
                pair("negative versus positive", c -> c.add(-1L), c -> c.add(1L)),
                pair("instant versus its microseconds", c -> c.add(Instant.ofEpochSecond(1)), c -> c.add(1_000_000L)),
                pair("instants one microsecond apart", c -> c.add(Instant.parse("2026-01-01T00:00:00.000001Z")),
                        c -> c.add(Instant.parse("2026-01-01T00:00:00.000002Z"))),
                pair("bytes with a length prefix inside",
                        c -> c.add(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'a'}),
                        c -> c.add(new byte[] {0}).add("a")));
    }

    private static Arguments pair(String name, UnaryOperator<Canonical> first, UnaryOperator<Canonical> second) {
        return Arguments.of(name, first, second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentFieldLists")
    void differentFieldListsEncodeDifferently(String name, UnaryOperator<Canonical> first,
            UnaryOperator<Canonical> second) {
        assertThat(first.apply(new Canonical("t")).toBytes()).isNotEqualTo(second.apply(new Canonical("t")).toBytes());
    }

    @Test
    void theDomainIsTheFirstFieldSoDomainsSeparate() {
        assertThat(new Canonical("kh_managed_key").add("x").toBytes())
                .isNotEqualTo(new Canonical("kh_key_version").add("x").toBytes())
                .isNotEqualTo(new Canonical("kh_managed_keyx").toBytes());
    }

    @Test
    void aStringIsATagAnEightByteBigEndianLengthAndUtf8() {
        assertThat(Hex.toHexString(new Canonical("d").add("é").toBytes()))
                .isEqualTo("01" + "0000000000000001" + "64" + "01" + "0000000000000002" + "c3a9");
    }

    @Test
    void fixedWidthValuesHaveTheirOwnTags() {
        assertThat(Hex.toHexString(new Canonical("d").add(-2L).add(true).add(false).add((String) null).toBytes()))
                .isEqualTo("01000000000000000164" + "02fffffffffffffffe" + "0401" + "0400" + "00");
        assertThat(Hex.toHexString(new Canonical("d").add(new byte[] {(byte) 0xff}).toBytes()))
                .isEqualTo("01000000000000000164" + "03" + "0000000000000001" + "ff");
    }

    @Test
    void anInstantIsItsMicrosecondsSinceTheEpoch() {
        assertThat(Hex.toHexString(new Canonical("d").add(Instant.EPOCH.plusNanos(258_000)).toBytes()))
                .isEqualTo("01000000000000000164" + "05" + "0000000000000102");
    }

    @Test
    void instantsEnterTruncatedToMicroseconds() {
        Instant micros = Instant.parse("2026-03-01T09:00:00.123456Z");

        assertThat(new Canonical("d").add(micros.plusNanos(999)).toBytes())
                .isEqualTo(new Canonical("d").add(micros).toBytes());
        assertThat(new Canonical("d").add(micros.plusNanos(1_000)).toBytes())
                .isNotEqualTo(new Canonical("d").add(micros).toBytes());
    }

    @Test
    void anIntegerAndALongOfTheSameValueEncodeAlike() {
        assertThat(new Canonical("d").add(Integer.valueOf(42)).toBytes())
                .isEqualTo(new Canonical("d").add(Long.valueOf(42)).toBytes());
        assertThat(new Canonical("d").add(-1).toBytes()).isEqualTo(new Canonical("d").add(-1L).toBytes());
    }

    @Test
    void anEnumEncodesAsItsName() {
        assertThat(new Canonical("d").add(java.time.DayOfWeek.MONDAY).toBytes())
                .isEqualTo(new Canonical("d").add("MONDAY").toBytes());
    }

    @Test
    void nullsOfEveryTypeEncodeAlike() {
        byte[] nullString = new Canonical("d").add((String) null).toBytes();

        assertThat(new Canonical("d").add((Long) null).toBytes()).isEqualTo(nullString);
        assertThat(new Canonical("d").add((Integer) null).toBytes()).isEqualTo(nullString);
        assertThat(new Canonical("d").add((byte[]) null).toBytes()).isEqualTo(nullString);
        assertThat(new Canonical("d").add((Instant) null).toBytes()).isEqualTo(nullString);
        assertThat(new Canonical("d").add((Enum<?>) null).toBytes()).isEqualTo(nullString);
    }

    @Property(tries = 500)
    void differentStringRowsNeverEncodeAlike(@ForAll("rows") List<String> first, @ForAll("rows") List<String> second) {
        Assume.that(!first.equals(second));

        assertThat(encode(first)).isNotEqualTo(encode(second));
    }

    @Property(tries = 500)
    void theEncodingIsDeterministic(@ForAll("rows") List<String> row) {
        assertThat(encode(row)).isEqualTo(encode(new java.util.ArrayList<>(row)));
    }

    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> field = Arbitraries.strings().ofMaxLength(4).withChars("ab\u0000\u0001é")
                .injectNull(0.2);
        return field.list().ofMaxSize(4);
    }

    private static byte[] encode(List<String> row) {
        Canonical canonical = new Canonical("row");
        for (String field : row) {
            canonical.add(field);
        }
        return canonical.toBytes();
    }
}
