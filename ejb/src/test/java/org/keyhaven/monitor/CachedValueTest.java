package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keyhaven.testing.ManualClock;

/** An answer is reused while young, loaded again once old, and a failed load is never kept. */
class CachedValueTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final Deque<Optional<Integer>> answers = new ArrayDeque<>();
    private int loads;
    private final CachedValue<Integer> cached = new CachedValue<>(() -> {
        loads++;
        return answers.pop();
    }, Duration.ofSeconds(1), clock);

    @Test
    void aYoungAnswerIsReused() {
        answers.add(Optional.of(1));

        assertThat(cached.get()).contains(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(cached.get()).contains(1);
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void anOldAnswerIsLoadedAgain() {
        answers.add(Optional.of(1));
        answers.add(Optional.of(2));

        cached.get();
        clock.advance(Duration.ofSeconds(1));

        assertThat(cached.get()).contains(2);
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void aFailedLoadIsNotKeptAndIsTriedAgain() {
        answers.add(Optional.empty());
        answers.add(Optional.of(3));

        assertThat(cached.get()).isEmpty();
        assertThat(cached.get()).contains(3);
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void aFailedReloadAnswersEmptyRatherThanAStaleValue() {
        answers.add(Optional.of(1));
        answers.add(Optional.empty());

        cached.get();
        clock.advance(Duration.ofSeconds(5));

        assertThat(cached.get()).isEmpty();
    }
}
