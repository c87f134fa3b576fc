package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keyhaven.testing.ManualClock;

/**
 * Per-operation counts, errors, the last-minute rate and latency percentiles: exact figures for known inputs, a
 * bounded window, one announcement per new operation, and no lost counts under concurrent callers.
 */
class OperationMetricsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock(T0);
    private final OperationMetrics metrics = new OperationMetrics(clock, 100);

    private OperationMetrics.Snapshot snapshot(String operation) {
        return metrics.snapshot(operation).orElseThrow();
    }

    @Test
    void anOperationNeverRecordedHasNoFigures() {
        assertThat(metrics.snapshot("key.create")).isEmpty();
        assertThat(metrics.operations()).isEmpty();
    }

    @Test
    void callsAndErrorsAreCountedPerOperation() {
        metrics.record("key.create", true, MS);
        metrics.record("key.create", false, MS);
        metrics.record("key.create", true, MS);
        metrics.record("key.destroy", false, MS);

        assertThat(snapshot("key.create").count()).isEqualTo(3);
        assertThat(snapshot("key.create").errors()).isEqualTo(1);
        assertThat(snapshot("key.destroy").count()).isEqualTo(1);
        assertThat(snapshot("key.destroy").errors()).isEqualTo(1);
        assertThat(metrics.operations()).containsExactly("key.create", "key.destroy");
    }

    @Test
    void percentilesAreNearestRankOverTheRecordedLatencies() {
        for (int millis = 100; millis >= 1; millis--) { // recorded out of order on purpose
            metrics.record("key.read", true, millis * MS);
        }

        OperationMetrics.Snapshot figures = snapshot("key.read");

        assertThat(figures.p50Millis()).isEqualTo(50.0);
        assertThat(figures.p90Millis()).isEqualTo(90.0);
        assertThat(figures.p99Millis()).isEqualTo(99.0);
        assertThat(figures.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void aSingleCallIsEveryPercentile() {
        metrics.record("key.read", true, 1_500_000L);

        OperationMetrics.Snapshot figures = snapshot("key.read");

        assertThat(figures.p50Millis()).isEqualTo(1.5);
        assertThat(figures.p99Millis()).isEqualTo(1.5);
        assertThat(figures.maxMillis()).isEqualTo(1.5);
    }

    @Test
    void latenciesCoverOnlyTheMostRecentCallsWhileCountsCoverAll() {
        OperationMetrics small = new OperationMetrics(clock, 3);
        small.record("key.read", true, 1000 * MS);
        small.record("key.read", true, 1 * MS);
        small.record("key.read", true, 2 * MS);
        small.record("key.read", true, 3 * MS);

        OperationMetrics.Snapshot figures = small.snapshot("key.read").orElseThrow();

        assertThat(figures.maxMillis()).isEqualTo(3.0); // the 1000 ms call has left the window
        assertThat(figures.count()).isEqualTo(4);
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        metrics.record("key.read", true, -5);

        assertThat(snapshot("key.read").maxMillis()).isZero();
    }

    @Test
    void perMinuteCountsTheCallsOfTheLastSixtySeconds() {
        metrics.record("key.create", true, MS);
        clock.advance(Duration.ofSeconds(30));
        metrics.record("key.create", true, MS);
        metrics.record("key.create", true, MS);

        assertThat(snapshot("key.create").perMinute()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(30)); // the first call is now 60 s old
        assertThat(snapshot("key.create").perMinute()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        assertThat(snapshot("key.create").perMinute()).isZero();
        assertThat(snapshot("key.create").count()).isEqualTo(3);
    }

    @Test
    void aSlotIsReusedOnceItsSecondHasLeftTheWindow() {
        metrics.record("key.create", true, MS);
        clock.advance(Duration.ofSeconds(60)); // same slot of the ring, a minute later
        metrics.record("key.create", true, MS);

        assertThat(snapshot("key.create").perMinute()).isEqualTo(1);
    }

    @Test
    void theListenerHearsOfEachOperationOnceAfterItsFirstCallIsCounted() {
        List<String> announced = new ArrayList<>();
        List<Long> countWhenAnnounced = new ArrayList<>();
        metrics.onFirstRecord(operation -> {
            announced.add(operation);
            countWhenAnnounced.add(snapshot(operation).count());
        });

        metrics.record("key.create", true, MS);
        metrics.record("key.create", true, MS);
        metrics.record("key.rotate", false, MS);

        assertThat(announced).containsExactly("key.create", "key.rotate");
        assertThat(countWhenAnnounced).containsExactly(1L, 1L);
    }

    @Test
    void aFailingListenerDoesNotReachTheCaller() {
        metrics.onFirstRecord(operation -> {
            throw new IllegalStateException("no MBean server");
        });

        metrics.record("key.create", true, MS);

        assertThat(snapshot("key.create").count()).isEqualTo(1);
    }

    @Test
    void noListenerMeansNobodyIsTold() {
        List<String> announced = new ArrayList<>();
        metrics.onFirstRecord(announced::add);
        metrics.onFirstRecord(null);

        metrics.record("key.create", true, MS);

        assertThat(announced).isEmpty();
    }

    @Test
    void operationNamesBeyondTheLimitAreNotCounted() {
        for (int i = 0; i < OperationMetrics.MAX_OPERATIONS; i++) {
            metrics.record("op." + i, true, MS);
        }

        metrics.record("one.too.many", true, MS);
        metrics.record("op.0", true, MS);

        assertThat(metrics.snapshot("one.too.many")).isEmpty();
        assertThat(metrics.operations()).hasSize(OperationMetrics.MAX_OPERATIONS);
        assertThat(snapshot("op.0").count()).isEqualTo(2);
    }

    @Test
    void aWindowOfNoCallsIsRefused() {
        assertThatThrownBy(() -> new OperationMetrics(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallersLoseNoCountAndAnnounceOnce() throws InterruptedException {
        List<String> announced = Collections.synchronizedList(new ArrayList<>());
        metrics.onFirstRecord(announced::add);
        int threads = 8;
        int callsEach = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                boolean succeeded = t % 2 == 0;
                pool.execute(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < callsEach; i++) {
                        metrics.record("crypto.encrypt", succeeded, MS);
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(snapshot("crypto.encrypt").count()).isEqualTo((long) threads * callsEach);
        assertThat(snapshot("crypto.encrypt").errors()).isEqualTo((long) threads / 2 * callsEach);
        assertThat(announced).containsExactly("crypto.encrypt");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
