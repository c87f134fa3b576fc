package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AuditContentCanonicalPropertyTest {

    /** Small alphabets, so that generated pairs are often equal or nearly equal. */
    private static Arbitrary<String> texts() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("a\u0000\u00e9\u20ac").ofMaxLength(3);
        Arbitrary<String> withPair = plain.map(s -> s + "\uD83D\uDD11");
        return Arbitraries.frequencyOf(
                        Tuple.of(6, plain),
                        Tuple.of(1, withPair))
                .injectNull(0.25);
    }

    private static Arbitrary<Integer> numbers() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-1, 1),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE)).injectNull(0.3);
    }

    private static Arbitrary<Instant> micros() {
        return Arbitraries.longs().between(-2L, 2L).map(m -> Instant.EPOCH.plus(m, ChronoUnit.MICROS));
    }

    private record Head(long id, Instant occurredAt, String actor, String actorType, String clientAddress,
            Integer port, String operation, String objectId) {
    }

    @Provide
    Arbitrary<AuditContent> contents() {
        Arbitrary<Head> heads = Combinators.combine(Arbitraries.longs().between(-1, 1), micros(), texts(), texts(),
                texts(), numbers(), texts(), texts()).as(Head::new);
        return Combinators.combine(heads, numbers(), texts(), texts(), texts()).as((h, objectVersion, outcome, reason,
                details) -> new AuditContent(h.id(), h.occurredAt(), h.actor(), h.actorType(), h.clientAddress(),
                h.port(), h.operation(), h.objectId(), objectVersion, outcome, reason, details));
    }

    @Property
    void canonicalBytesParseBackToTheSameContent(@ForAll("contents") AuditContent content) {
        assertThat(CanonicalContentParser.parse(content.canonicalBytes())).isEqualTo(content);
    }

    @Property(tries = 5_000)
    void twoContentsShareCanonicalBytesOnlyWhenEqual(@ForAll("contents") AuditContent a,
            @ForAll("contents") AuditContent b) {
        assertThat(Arrays.equals(a.canonicalBytes(), b.canonicalBytes())).isEqualTo(a.equals(b));
    }

    /** Pairs of string fields that are adjacent in the canonical form, as indexes into {@link #strings}. */
    private static final int[][] ADJACENT = {{0, 1}, {1, 2}, {3, 4}, {5, 6}, {6, 7}};

    @Property
    void movingACharacterAcrossAFieldBoundaryChangesTheBytes(@ForAll("contents") AuditContent content,
            @ForAll @IntRange(min = 0, max = 4) int pair) {
        int left = ADJACENT[pair][0];
        int right = ADJACENT[pair][1];
        String[] fields = strings(content);
        fields[left] = (fields[left] == null ? "" : fields[left]) + "x";
        fields[right] = fields[right] == null ? "" : fields[right];
        AuditContent before = withStrings(content, fields);

        String moved = fields[left].substring(fields[left].length() - 1);
        fields[left] = fields[left].substring(0, fields[left].length() - 1);
        fields[right] = moved + fields[right];
        AuditContent after = withStrings(content, fields);

        assertThat(after.canonicalBytes()).isNotEqualTo(before.canonicalBytes());
    }

    @Property
    void aTruncatedTimeRoundTripsThroughEpochMicroseconds(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
        Instant truncated = AuditContent.truncateToMicros(Instant.ofEpochSecond(second, nano));
        AuditContent content = new AuditContent(1, truncated, null, null, null, null, null, null, null, null, null,
                null);

        Instant readBack = Instant.EPOCH.plus(content.occurredAtMicros(), ChronoUnit.MICROS);

        assertThat(readBack).isEqualTo(truncated);
        assertThat(Instant.ofEpochSecond(second, nano)).isBetween(truncated, truncated.plusNanos(999));
    }

    /** The string fields in canonical order. */
    private static String[] strings(AuditContent c) {
        return new String[] {c.actor(), c.actorType(), c.clientAddress(), c.operation(), c.objectId(), c.outcome(),
                c.reason(), c.details()};
    }

    private static AuditContent withStrings(AuditContent c, String[] s) {
        return new AuditContent(c.id(), c.occurredAt(), s[0], s[1], s[2], c.port(), s[3], s[4], c.objectVersion(),
                s[5], s[6], s[7]);
    }
}
