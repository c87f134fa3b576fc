package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.crypto.SecretBytes;

class AuditContentTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00.123456Z");

    /** All string fields set to {@code text}, all integers to {@code number}. */
    private static AuditContent uniform(String text, Integer number) {
        return new AuditContent(1, AT, text, text, text, number, text, text, number, text, text, text);
    }

    @Test
    void canonicalBytesFollowTheDocumentedVersionOneLayout() {
        AuditContent content = new AuditContent(258, Instant.ofEpochSecond(1, 2_000), "al", null, "", 6001,
                "op", "k", null, "ok", null, "é");

        String expected = "01"                      // format version
                + "0000000000000102"                // id 258
                + "00000000000f4242"                // 1 000 002 microseconds
                + "01" + "00000002" + "616c"        // actor "al"
                + "00"                              // actorType null
                + "01" + "00000000"                 // clientAddress ""
                + "01" + "00001771"                 // port 6001
                + "01" + "00000002" + "6f70"        // operation "op"
                + "01" + "00000001" + "6b"          // objectId "k"
                + "00"                              // objectVersion null
                + "01" + "00000002" + "6f6b"        // outcome "ok"
                + "00"                              // reason null
                + "01" + "00000002" + "c3a9";       // details "é" in UTF-8

        assertThat(HexFormat.of().formatHex(content.canonicalBytes())).isEqualTo(expected);
    }

    static Stream<Arguments> stringFields() {
        return Stream.of(
                field("actor", s -> new AuditContent(1, AT, s, "x", "x", 1, "x", "x", 1, "x", "x", "x")),
                field("actorType", s -> new AuditContent(1, AT, "x", s, "x", 1, "x", "x", 1, "x", "x", "x")),
                field("clientAddress", s -> new AuditContent(1, AT, "x", "x", s, 1, "x", "x", 1, "x", "x", "x")),
                field("operation", s -> new AuditContent(1, AT, "x", "x", "x", 1, s, "x", 1, "x", "x", "x")),
                field("objectId", s -> new AuditContent(1, AT, "x", "x", "x", 1, "x", s, 1, "x", "x", "x")),
                field("outcome", s -> new AuditContent(1, AT, "x", "x", "x", 1, "x", "x", 1, s, "x", "x")),
                field("reason", s -> new AuditContent(1, AT, "x", "x", "x", 1, "x", "x", 1, "x", s, "x")),
                field("details", s -> new AuditContent(1, AT, "x", "x", "x", 1, "x", "x", 1, "x", "x", s)));
    }

    private static Arguments field(String name, Function<String, AuditContent> withField) {
        return Arguments.of(name, withField);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringFields")
    void aNullStringAndAnEmptyStringEncodeDifferently(String field, Function<String, AuditContent> withField) {
        assertThat(withField.apply(null).canonicalBytes()).isNotEqualTo(withField.apply("").canonicalBytes());
    }

    @Test
    void aNullIntegerAndZeroEncodeDifferently() {
        AuditContent nullPort = new AuditContent(1, AT, null, null, null, null, null, null, 1, null, null, null);
        AuditContent zeroPort = new AuditContent(1, AT, null, null, null, 0, null, null, 1, null, null, null);
        AuditContent nullVersion = new AuditContent(1, AT, null, null, null, 1, null, null, null, null, null, null);
        AuditContent zeroVersion = new AuditContent(1, AT, null, null, null, 1, null, null, 0, null, null, null);

        assertThat(nullPort.canonicalBytes()).isNotEqualTo(zeroPort.canonicalBytes());
        assertThat(nullVersion.canonicalBytes()).isNotEqualTo(zeroVersion.canonicalBytes());
    }

    @Test
    void allNullAndAllEmptyContentsEncodeDifferently() {
        assertThat(uniform(null, null).canonicalBytes()).isNotEqualTo(uniform("", 0).canonicalBytes());
    }

    @Test
    void aTimeWithASubMicrosecondPartIsRefused() {
        assertThatThrownBy(() -> new AuditContent(1, AT.plusNanos(1), null, null, null, null, null, null, null, null,
                null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncateToMicros");
    }

    @Test
    void aNullTimeIsRefused() {
        assertThatThrownBy(() -> new AuditContent(1, null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTimeBeyondTheRangeOfEpochMicrosecondsIsRefused() {
        assertThatThrownBy(() -> new AuditContent(1, Instant.MAX.truncatedTo(ChronoUnit.SECONDS), null, null, null,
                null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateToMicrosDropsOnlyTheSubMicrosecondPart() {
        assertThat(AuditContent.truncateToMicros(AT.plusNanos(999))).isEqualTo(AT);
        assertThat(AuditContent.truncateToMicros(AT)).isEqualTo(AT);
    }

    @Test
    void truncateToMicrosRoundsTimesBeforeTheEpochTowardsThePast() {
        Instant before = Instant.ofEpochSecond(-1, 999_999_999);

        assertThat(AuditContent.truncateToMicros(before)).isEqualTo(Instant.ofEpochSecond(-1, 999_999_000));
    }

    @Test
    void aTruncatedTimeReadBackFromMicrosecondsStillVerifies() {
        Instant clock = Instant.parse("2026-03-01T09:00:00.123456789Z");
        AuditContent written = new AuditContent(7, AuditContent.truncateToMicros(clock), "a", "user", null, 6001,
                "key.create", "k", 1, "success", null, null);
        Instant readBack = Instant.EPOCH.plus(written.occurredAtMicros(), ChronoUnit.MICROS);
        AuditContent read = new AuditContent(7, readBack, "a", "user", null, 6001, "key.create", "k", 1, "success",
                null, null);

        assertThat(read).isEqualTo(written);
        assertThat(read.canonicalBytes()).isEqualTo(written.canonicalBytes());
        try (SecretBytes key = ChainFixture.key(3)) {
            AuditChain chain = new AuditChain(key);
            assertThat(chain.link(AuditChain.genesis(), read)).isEqualTo(chain.link(AuditChain.genesis(), written));
        }
    }

    @Test
    void anUnpairedSurrogateIsRefusedBecauseItHasNoUtf8Form() {
        assertThatThrownBy(() -> uniform("a\uD800b", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("storableText");
    }

    @Test
    void aSurrogatePairIsAccepted() {
        assertThat(uniform("\uD83D\uDD11", 1).actor()).isEqualTo("\uD83D\uDD11");
    }

    @Test
    void storableTextReplacesUnpairedSurrogatesAndNulButKeepsPairs() {
        assertThat(AuditContent.storableText("a\uD800b\u0000c\uDC00\uD83D\uDD11"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFD\uD83D\uDD11");
        assertThat(AuditContent.storableText("plain")).isEqualTo("plain");
        assertThat(AuditContent.storableText(null)).isNull();
    }
}
