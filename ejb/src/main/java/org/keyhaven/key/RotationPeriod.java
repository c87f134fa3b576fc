package org.keyhaven.key;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * How often a key rotates: an ISO-8601 period ({@code P90D}, {@code P1Y}) or duration ({@code PT12H}, {@code P1DT12H}). Periods shorter
 * than the configured minimum (system property {@value #MINIMUM_PROPERTY}, default one hour) are refused.
 */
public record RotationPeriod(String text) {

    public static final String MINIMUM_PROPERTY = "keyhaven.rotation.minimum-period";
    /** The width of the {@code rotation_period} column. */
    public static final int MAX_LENGTH = 32;

    public RotationPeriod {
        if (text == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "rotation period is required");
        }
        text = text.trim().toUpperCase(Locale.ROOT);
        if (text.length() > MAX_LENGTH) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "rotation period '" + Texts.printable(text, 40)
                    + "' is longer than " + MAX_LENGTH + " characters");
        }
        Instant origin = Instant.parse("2000-01-01T00:00:00Z");
        Duration length = Duration.between(origin, plus(origin, text));
        if (length.compareTo(minimum()) < 0) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "rotation period " + text + " is shorter than the minimum " + minimum());
        }
    }

    /** {@code null} stays null (no automatic rotation). */
    public static RotationPeriod parseNullable(String text) {
        return text == null || text.isBlank() ? null : new RotationPeriod(text);
    }

    public Instant after(Instant instant) {
        return plus(instant, text);
    }

    private static Instant plus(Instant instant, String text) {
        try {
            if (text.contains("T")) {
                return instant.plus(Duration.parse(text));
            }
            return instant.atZone(ZoneOffset.UTC).plus(Period.parse(text)).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            // DateTimeException covers both unparsable text and a period that runs past the range of Instant
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "rotation period '" + Texts.printable(text, 40)
                    + "' is not an ISO-8601 period such as P90D or PT12H");
        }
    }

    private static Duration minimum() {
        return Duration.parse(System.getProperty(MINIMUM_PROPERTY, "PT1H"));
    }

    @Override
    public String toString() {
        return text;
    }
}
