package org.keyhaven.kmip.ttlv;

import java.time.Duration;
import java.util.Objects;

/**
 * An Interval: a number of seconds, 32-bit unsigned, big-endian, then four bytes of zero padding.
 *
 * @param tag the tag
 * @param seconds 0 to 2^32-1
 */
public record TtlvInterval(Tag tag, long seconds) implements TtlvItem {

    public static final long MAX_SECONDS = 0xFFFF_FFFFL;

    /** @throws TtlvException if {@code seconds} is negative or above 2^32-1 */
    public TtlvInterval {
        Objects.requireNonNull(tag, "tag");
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new TtlvException("an Interval is 0 to " + MAX_SECONDS + " seconds, not " + seconds);
        }
    }

    /** @throws TtlvException if {@code duration} is negative, too long or has a fraction of a second */
    public static TtlvInterval of(Tag tag, Duration duration) {
        if (duration.getNano() != 0) {
            throw new TtlvException("an Interval has whole seconds; " + duration + " has a fraction of a second");
        }
        return new TtlvInterval(tag, duration.getSeconds());
    }

    @Override
    public ItemType type() {
        return ItemType.INTERVAL;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + seconds + " s";
    }
}
