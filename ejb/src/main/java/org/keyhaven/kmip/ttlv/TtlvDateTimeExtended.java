package org.keyhaven.kmip.ttlv;

import java.time.Instant;
import java.util.Objects;

/**
 * A Date-Time Extended (KMIP 2.0 and later): POSIX time in microseconds, 64-bit signed, big-endian. Every value
 * fits an {@link Instant}.
 *
 * @param tag the tag
 * @param epochMicros microseconds since the epoch
 */
public record TtlvDateTimeExtended(Tag tag, long epochMicros) implements TtlvItem {

    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final int NANOS_PER_MICRO = 1_000;

    public TtlvDateTimeExtended {
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * @throws TtlvException if {@code instant} has a fraction of a microsecond, or is more than about 292,000 years
     *     from the epoch
     */
    public static TtlvDateTimeExtended of(Tag tag, Instant instant) {
        if (instant.getNano() % NANOS_PER_MICRO != 0) {
            throw new TtlvException("a Date-Time Extended has whole microseconds; " + instant + " has a fraction"
                    + " of a microsecond");
        }
        try {
            long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                    instant.getNano() / NANOS_PER_MICRO);
            return new TtlvDateTimeExtended(tag, micros);
        } catch (ArithmeticException e) {
            throw new TtlvException(instant + " is beyond the range of a Date-Time Extended");
        }
    }

    @Override
    public ItemType type() {
        return ItemType.DATE_TIME_EXTENDED;
    }

    public Instant instant() {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + instant();
    }
}
