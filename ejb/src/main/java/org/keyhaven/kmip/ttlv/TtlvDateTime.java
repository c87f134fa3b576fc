package org.keyhaven.kmip.ttlv;

import java.time.Instant;
import java.util.Objects;

/**
 * A Date-Time: POSIX time in seconds (since 1970-01-01T00:00:00Z, leap seconds not counted), 64-bit signed,
 * big-endian. Any 64-bit value is carried, including those beyond what {@link Instant} can hold.
 *
 * @param tag the tag
 * @param epochSeconds seconds since the epoch
 */
public record TtlvDateTime(Tag tag, long epochSeconds) implements TtlvItem {

    public TtlvDateTime {
        Objects.requireNonNull(tag, "tag");
    }

    /** @throws TtlvException if {@code instant} has a fraction of a second, which a Date-Time cannot carry */
    public static TtlvDateTime of(Tag tag, Instant instant) {
        if (instant.getNano() != 0) {
            throw new TtlvException("a Date-Time has whole seconds; " + instant + " has a fraction of a second");
        }
        return new TtlvDateTime(tag, instant.getEpochSecond());
    }

    @Override
    public ItemType type() {
        return ItemType.DATE_TIME;
    }

    /** @throws TtlvException if the value is beyond the range of {@link Instant} (about a billion years) */
    public Instant instant() {
        if (epochSeconds < Instant.MIN.getEpochSecond() || epochSeconds > Instant.MAX.getEpochSecond()) {
            throw new TtlvException("Date-Time " + tag + " of " + epochSeconds + " seconds is beyond the dates"
                    + " this server handles");
        }
        return Instant.ofEpochSecond(epochSeconds);
    }

    @Override
    public String toString() {
        boolean inRange = epochSeconds >= Instant.MIN.getEpochSecond() && epochSeconds <= Instant.MAX.getEpochSecond();
        return TtlvItems.head(this) + " = " + (inRange ? Instant.ofEpochSecond(epochSeconds) : epochSeconds + " s");
    }
}
