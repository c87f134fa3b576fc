package org.keyhaven.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events per minute over the last {@code minutes} minutes, in a fixed ring of buckets: counting is O(1) and the memory
 * never grows. A bucket is reused when its minute has passed out of the window.
 */
public final class MinuteCounts {

    /** One minute of the window: its start and how many events it saw. */
    public record Minute(Instant start, long count) {
    }

    private final long[] minuteOf;
    private final long[] counts;

    public MinuteCounts(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("at least one minute");
        }
        minuteOf = new long[minutes];
        counts = new long[minutes];
        java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    public synchronized void count(Instant at) {
        long minute = Math.floorDiv(at.getEpochSecond(), 60);
        int slot = (int) Math.floorMod(minute, (long) counts.length);
        if (minuteOf[slot] != minute) {
            if (minuteOf[slot] > minute) {
                return; // older than the window this bucket holds now
            }
            minuteOf[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The window ending with the minute of {@code now}, oldest first; minutes without events count zero. */
    public synchronized List<Minute> window(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60);
        List<Minute> result = new ArrayList<>(counts.length);
        for (long minute = current - counts.length + 1; minute <= current; minute++) {
            int slot = (int) Math.floorMod(minute, (long) counts.length);
            result.add(new Minute(Instant.ofEpochSecond(minute * 60), minuteOf[slot] == minute ? counts[slot] : 0));
        }
        return result;
    }
}
