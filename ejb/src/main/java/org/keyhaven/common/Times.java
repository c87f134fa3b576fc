package org.keyhaven.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keyhaven's notion of "now": UTC, truncated to microseconds, the precision both H2 and PostgreSQL store. Values
 * that enter a MAC must read back from the database exactly as they were written.
 */
public final class Times {

    private static final Clock CLOCK = Clock.systemUTC();

    private Times() {
    }

    public static Instant now() {
        return truncate(CLOCK.instant());
    }

    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
