package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ring of per-minute counters behind the dashboard chart: events land in the minute they happened, the window
 * lists its minutes oldest first with zeros for quiet ones, and a bucket is reused once its minute has left.
 */
class MinuteCountsTest {

    /** The start of a minute, far from the epoch so that bucket arithmetic is not trivially zero. */
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static Instant minute(long n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    private static List<Long> countsOf(List<MinuteCounts.Minute> window) {
        return window.stream().map(MinuteCounts.Minute::count).toList();
    }

    @Test
    void constructorRejectsAWindowOfZeroMinutes() {
        assertThatThrownBy(() -> new MinuteCounts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsANegativeWindow() {
        assertThatThrownBy(() -> new MinuteCounts(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreshCounterHasAWindowOfZeros() {
        MinuteCounts counts = new MinuteCounts(5);

        assertThat(countsOf(counts.window(minute(0)))).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void eventsInTheCurrentMinuteAreCountedInTheLastEntry() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(0));
        counts.count(minute(0).plusSeconds(30));
        counts.count(minute(0).plusSeconds(59).plusNanos(999_999_999));

        assertThat(countsOf(counts.window(minute(0).plusSeconds(45)))).containsExactly(0L, 0L, 3L);
    }

    @Test
    void theSixtiethSecondBelongsToTheNextMinute() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(0).plusSeconds(59));
        counts.count(minute(0).plusSeconds(60));

        assertThat(countsOf(counts.window(minute(1)))).containsExactly(0L, 1L, 1L);
    }

    @Test
    void windowListsEveryMinuteOldestFirstWithMinuteAlignedStarts() {
        MinuteCounts counts = new MinuteCounts(4);

        List<MinuteCounts.Minute> window = counts.window(minute(10).plusSeconds(42));

        assertThat(window).extracting(MinuteCounts.Minute::start)
                .containsExactly(minute(7), minute(8), minute(9), minute(10));
    }

    @Test
    void windowFillsMinutesWithoutEventsWithZeros() {
        MinuteCounts counts = new MinuteCounts(5);
        counts.count(minute(1));
        counts.count(minute(3));
        counts.count(minute(3));

        assertThat(counts.window(minute(4))).containsExactly(
                new MinuteCounts.Minute(minute(0), 0),
                new MinuteCounts.Minute(minute(1), 1),
                new MinuteCounts.Minute(minute(2), 0),
                new MinuteCounts.Minute(minute(3), 2),
                new MinuteCounts.Minute(minute(4), 0));
    }

    @Test
    void aBucketIsResetWhenANewMinuteReusesIt() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(0));
        counts.count(minute(0));
        counts.count(minute(0));
        // minute 3 falls into the same bucket as minute 0, which has left the window
        counts.count(minute(3));

        assertThat(countsOf(counts.window(minute(3)))).containsExactly(0L, 0L, 1L);
    }

    @Test
    void minutesThatLeftTheWindowAreNoLongerShown() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(0));
        counts.count(minute(1));

        assertThat(countsOf(counts.window(minute(1)))).containsExactly(0L, 1L, 1L);
        assertThat(countsOf(counts.window(minute(2)))).containsExactly(1L, 1L, 0L);
        assertThat(countsOf(counts.window(minute(3)))).containsExactly(1L, 0L, 0L);
        assertThat(countsOf(counts.window(minute(4)))).containsExactly(0L, 0L, 0L);
    }

    @Test
    void anEventOlderThanTheWindowIsIgnored() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(3));
        // minute 0 shares minute 3's bucket but is older: it must neither count nor reset minute 3
        counts.count(minute(0));

        assertThat(countsOf(counts.window(minute(3)))).containsExactly(0L, 0L, 1L);
        assertThat(countsOf(counts.window(minute(0)))).containsExactly(0L, 0L, 0L);
    }

    @Test
    void aLateEventStillInsideTheWindowIsCounted() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(2));
        counts.count(minute(1));

        assertThat(countsOf(counts.window(minute(2)))).containsExactly(0L, 1L, 1L);
    }

    @Test
    void aWindowAfterALongGapIsAllZeros() {
        MinuteCounts counts = new MinuteCounts(60);
        for (int i = 0; i < 60; i++) {
            counts.count(minute(i));
        }

        List<MinuteCounts.Minute> window = counts.window(minute(59).plus(Duration.ofDays(3)));

        assertThat(window).hasSize(60);
        assertThat(countsOf(window)).containsOnly(0L);
    }

    @Test
    void aGapOfExactlyAMultipleOfTheWindowDoesNotResurrectOldCounts() {
        MinuteCounts counts = new MinuteCounts(5);
        counts.count(minute(2));

        // minute 12 maps to the same bucket as minute 2, two whole windows later
        assertThat(countsOf(counts.window(minute(12)))).containsOnly(0L);
    }

    @Test
    void aWindowOfOneMinuteShowsOnlyTheCurrentMinute() {
        MinuteCounts counts = new MinuteCounts(1);
        counts.count(minute(0));
        counts.count(minute(1));
        counts.count(minute(1));

        assertThat(counts.window(minute(1))).containsExactly(new MinuteCounts.Minute(minute(1), 2));
    }

    @Test
    void minutesBeforeTheEpochAreFlooredNotTruncated() {
        MinuteCounts counts = new MinuteCounts(2);
        counts.count(Instant.EPOCH.minusSeconds(1));
        counts.count(Instant.EPOCH);

        assertThat(counts.window(Instant.EPOCH)).containsExactly(
                new MinuteCounts.Minute(Instant.EPOCH.minusSeconds(60), 1),
                new MinuteCounts.Minute(Instant.EPOCH, 1));
    }

    @Test
    void windowDoesNotChangeTheCounts() {
        MinuteCounts counts = new MinuteCounts(3);
        counts.count(minute(0));
        counts.window(minute(100));

        assertThat(countsOf(counts.window(minute(0)))).containsExactly(0L, 0L, 1L);
    }
}
