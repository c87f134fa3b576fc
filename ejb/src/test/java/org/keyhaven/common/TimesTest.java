package org.keyhaven.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimesTest {

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of("2026-03-01T09:00:00.123456789Z", "2026-03-01T09:00:00.123456Z"),
                Arguments.of("2026-03-01T09:00:00.123456500Z", "2026-03-01T09:00:00.123456Z"),
                Arguments.of("2026-03-01T09:00:00.123456Z", "2026-03-01T09:00:00.123456Z"),
                Arguments.of("2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z"),
                Arguments.of("2026-12-31T23:59:59.999999999Z", "2026-12-31T23:59:59.999999Z"),
                Arguments.of("1969-12-31T23:59:59.999999500Z", "1969-12-31T23:59:59.999999Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("truncations")
    void truncateDropsEverythingBelowAMicrosecondTowardsThePast(String instant, String expected) {
        assertThat(Times.truncate(Instant.parse(instant))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void truncateKeepsNull() {
        assertThat(Times.truncate(null)).isNull();
    }

    @Test
    void truncateIsIdempotent() {
        Instant once = Times.truncate(Instant.parse("2026-03-01T09:00:00.987654321Z"));

        assertThat(Times.truncate(once)).isEqualTo(once);
    }

    @Test
    void nowIsTheCurrentUtcInstantInWholeMicroseconds() {
        Instant before = Instant.now().minusMillis(1);

        Instant now = Times.now();

        assertThat(now.getNano() % 1_000).isZero();
        assertThat(now).isBetween(before, Instant.now().plus(Duration.ofMillis(1)));
    }

    @Test
    void aTruncatedInstantEntersTheCanonicalEncodingUnchanged() {
        Instant now = Times.now();

        assertThat(new Canonical("t").add(now).toBytes())
                .isEqualTo(new Canonical("t").add(Times.truncate(now.plusNanos(999))).toBytes());
    }
}
