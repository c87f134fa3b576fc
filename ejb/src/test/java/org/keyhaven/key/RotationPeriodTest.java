package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.KeySpecTest.assertBoundedAndPrintable;
import static org.keyhaven.key.KeySpecTest.assertRefused;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Rotation periods, with the minimum taken from a system property that every test here restores. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class RotationPeriodTest {

    private String savedMinimum;

    @BeforeEach
    void saveMinimum() {
        savedMinimum = System.getProperty(RotationPeriod.MINIMUM_PROPERTY);
        System.clearProperty(RotationPeriod.MINIMUM_PROPERTY);
    }

    @AfterEach
    void restoreMinimum() {
        if (savedMinimum == null) {
            System.clearProperty(RotationPeriod.MINIMUM_PROPERTY);
        } else {
            System.setProperty(RotationPeriod.MINIMUM_PROPERTY, savedMinimum);
        }
    }

    static Stream<Arguments> acceptedPeriods() {
        return Stream.of(
                Arguments.of("P90D", "P90D"),
                Arguments.of("PT12H", "PT12H"),
                Arguments.of("P1Y", "P1Y"),
                Arguments.of("P1M", "P1M"),
                Arguments.of("P2W", "P2W"),
                Arguments.of("PT1H", "PT1H"),
                Arguments.of("PT60M", "PT60M"),
                Arguments.of("p30d", "P30D"),
                Arguments.of("  pt12h\t", "PT12H"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("acceptedPeriods")
    void isoPeriodsAndDurationsOfAtLeastAnHourAreAcceptedAndNormalised(String text, String normalised) {
        RotationPeriod period = new RotationPeriod(text);

        assertThat(period.text()).isEqualTo(normalised);
        assertThat(period).hasToString(normalised);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"P0D", "PT0S", "P-1D", "PT-12H", "P-1Y", "PT59M", "PT3599S", "P1Y-400D"})
    void zeroNegativeAndTooShortPeriodsAreRefused(String text) {
        assertThatThrownBy(() -> new RotationPeriod(text)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining("minimum");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "garbage", "90", "90D", "90 days", "P", "PT", "P1.5D", "PT1H30", "1Y",
        "P1\u0000D", "NaN", "PT12H;DROP TABLE"})
    void textThatIsNoIsoPeriodIsRefused(String text) {
        assertThatThrownBy(() -> new RotationPeriod(text)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining("ISO-8601");
    }

    @Test
    void aMissingPeriodIsRefused() {
        assertRefused(() -> new RotationPeriod(null), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankTextMeansNoAutomaticRotation(String text) {
        assertThat(RotationPeriod.parseNullable(text)).isNull();
    }

    @Test
    void parseNullableValidatesWhatItIsGiven() {
        assertThat(RotationPeriod.parseNullable("p7d")).isEqualTo(new RotationPeriod("P7D"));
        assertRefused(() -> RotationPeriod.parseNullable("P0D"), ErrorCode.INVALID_REQUEST);
    }

    static Stream<Arguments> afterCases() {
        return Stream.of(
                Arguments.of("PT12H", "2024-03-10T20:00:00Z", "2024-03-11T08:00:00Z"),
                Arguments.of("P90D", "2024-01-01T00:00:00Z", "2024-03-31T00:00:00Z"),
                Arguments.of("P1M", "2024-01-31T10:00:00Z", "2024-02-29T10:00:00Z"),
                Arguments.of("P1Y", "2024-02-29T00:00:00Z", "2025-02-28T00:00:00Z"),
                Arguments.of("P1W", "2024-12-30T23:59:59.999999Z", "2025-01-06T23:59:59.999999Z"));
    }

    @ParameterizedTest(name = "{1} + {0} = {2}")
    @MethodSource("afterCases")
    void afterAddsThePeriodInUtcCalendarArithmetic(String period, String from, String expected) {
        assertThat(new RotationPeriod(period).after(Instant.parse(from))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void theMinimumComesFromTheSystemProperty() {
        System.setProperty(RotationPeriod.MINIMUM_PROPERTY, "P1D");

        assertRefused(() -> new RotationPeriod("PT12H"), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new RotationPeriod("PT23H59M"), ErrorCode.INVALID_REQUEST);
        assertThat(new RotationPeriod("P1D").text()).isEqualTo("P1D");
        assertThat(new RotationPeriod("PT24H").text()).isEqualTo("PT24H");
    }

    @Test
    void aLowerMinimumAdmitsShorterPeriodsButNeverZero() {
        System.setProperty(RotationPeriod.MINIMUM_PROPERTY, "PT1M");

        assertThat(new RotationPeriod("PT5M").text()).isEqualTo("PT5M");
        assertThat(new RotationPeriod("PT1M").text()).isEqualTo("PT1M");
        assertRefused(() -> new RotationPeriod("PT59S"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void withoutThePropertyTheMinimumIsOneHour() {
        assertThat(new RotationPeriod("PT1H").text()).isEqualTo("PT1H");
        assertRefused(() -> new RotationPeriod("PT59M59S"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void garbageIsEchoedOnlyAsAShortPrintablePrefix() {
        assertThatThrownBy(() -> new RotationPeriod(KeySpecTest.HOSTILE))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertBoundedAndPrintable(e.getMessage()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"P999999999Y", "PT9999999999999H", "PT999999999999999999S"})
    void periodsBeyondTheRangeOfTimeAreAnInvalidRequest(String text) {
        assertRefused(() -> new RotationPeriod(text), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aPeriodLongerThanItsColumnIsRefusedWithoutBeingEchoed() {
        String zeros = "0".repeat(10_000);

        assertThatThrownBy(() -> new RotationPeriod("P" + zeros + "D")).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(300));
        assertRefused(() -> new RotationPeriod("P" + zeros + "1D"), ErrorCode.INVALID_REQUEST);
    }
}
