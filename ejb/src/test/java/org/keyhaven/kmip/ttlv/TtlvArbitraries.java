package org.keyhaven.kmip.ttlv;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of item trees for the property tests: every type, both tag ranges, values at their edges. */
final class TtlvArbitraries {

    private TtlvArbitraries() {
    }

    static Arbitrary<Tag> tags() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0x420001, 0x42FFFF),
                Arbitraries.integers().between(0x540000, 0x54FFFF),
                Arbitraries.of(0x420001, 0x42FFFF, 0x540000, 0x54FFFF)).map(Tag::of);
    }

    /** A tree at most {@code depth} levels deep; structures have at most four children. */
    static Arbitrary<TtlvItem> items(int depth) {
        if (depth <= 1) {
            return leaves();
        }
        Arbitrary<TtlvItem> structures = Combinators.combine(tags(), items(depth - 1).list().ofMaxSize(4))
                .as(TtlvStructure::new);
        return Arbitraries.frequencyOf(Tuple.of(3, leaves()), Tuple.of(2, structures));
    }

    static Arbitrary<TtlvItem> leaves() {
        Arbitrary<Tag> tags = tags();
        List<Arbitrary<? extends TtlvItem>> types = List.of(
                Combinators.combine(tags, Arbitraries.integers()).as(TtlvInteger::new),
                Combinators.combine(tags, Arbitraries.longs()).as(TtlvLongInteger::new),
                Combinators.combine(tags, bigIntegers()).as(TtlvBigInteger::of),
                Combinators.combine(tags, Arbitraries.integers().between(1, 3).flatMap(words ->
                        Arbitraries.bytes().array(byte[].class).ofSize(words * 8))).as(TtlvBigInteger::new),
                Combinators.combine(tags, Arbitraries.integers()).as(TtlvEnumeration::new),
                Combinators.combine(tags, Arbitraries.of(true, false)).as(TtlvBoolean::new),
                Combinators.combine(tags, texts()).as(TtlvTextString::new),
                Combinators.combine(tags, Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                        .as(TtlvByteString::new),
                Combinators.combine(tags, Arbitraries.longs()).as(TtlvDateTime::new),
                Combinators.combine(tags, Arbitraries.longs().between(0, TtlvInterval.MAX_SECONDS))
                        .as(TtlvInterval::new),
                Combinators.combine(tags, Arbitraries.longs()).as(TtlvDateTimeExtended::new));
        return Arbitraries.oneOf(types);
    }

    private static Arbitrary<BigInteger> bigIntegers() {
        BigInteger bound = BigInteger.ONE.shiftLeft(300);
        return Arbitraries.bigIntegers().between(bound.negate(), bound);
    }

    /** ASCII mostly, and any Unicode scalar value (supplementary planes included, surrogates excluded). */
    private static Arbitrary<String> texts() {
        Arbitrary<String> unicode = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(codePoint -> codePoint < 0xD800 || codePoint > 0xDFFF)
                .list().ofMaxSize(12)
                .map(codePoints -> codePoints.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(20), unicode);
    }
}
