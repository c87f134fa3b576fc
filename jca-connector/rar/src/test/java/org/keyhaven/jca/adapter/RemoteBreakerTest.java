package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.jca.adapter.RemoteBreaker.State;

/**
 * The breaker's state machine on a fake clock: each row is a script of steps ({@code acquire}, {@code fail},
 * {@code ok}, {@code wait <seconds>}) with the answer of every acquire and the state at the end, for a breaker that
 * opens after 3 failures for 30 seconds.
 */
class RemoteBreakerTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RemoteBreaker breaker = new RemoteBreaker(3, Duration.ofSeconds(30), nanos::get);

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("a new breaker lets calls through", "acquire=true acquire=true", State.CLOSED),
                Arguments.of("two failures are not enough", "fail fail acquire=true", State.CLOSED),
                Arguments.of("the third failure in a row opens it", "fail fail fail acquire=false", State.OPEN),
                Arguments.of("a success between failures starts the count again",
                        "fail fail ok fail fail acquire=true", State.CLOSED),
                Arguments.of("it stays open for the open time", "fail fail fail wait 29 acquire=false", State.OPEN),
                Arguments.of("after the open time one trial goes through",
                        "fail fail fail wait 30 acquire=true acquire=false acquire=false", State.HALF_OPEN),
                Arguments.of("a successful trial closes it",
                        "fail fail fail wait 30 acquire=true ok acquire=true acquire=true", State.CLOSED),
                Arguments.of("a failed trial opens it again for the full time",
                        "fail fail fail wait 30 acquire=true fail wait 29 acquire=false", State.OPEN),
                Arguments.of("and after that time there is another trial",
                        "fail fail fail wait 30 acquire=true fail wait 30 acquire=true", State.HALF_OPEN),
                Arguments.of("a trial nobody reports on is given up after the open time",
                        "fail fail fail wait 30 acquire=true wait 29 acquire=false wait 1 acquire=true",
                        State.HALF_OPEN),
                Arguments.of("a closed breaker needs its three failures again after a trial closed it",
                        "fail fail fail wait 30 acquire=true ok fail fail acquire=true", State.CLOSED),
                Arguments.of("a late success of a call started before it opened closes it",
                        "fail fail fail ok acquire=true", State.CLOSED),
                Arguments.of("a late failure while open restarts the open time",
                        "fail fail fail wait 20 fail wait 20 acquire=false", State.OPEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void followsItsScript(String behaviour, String script, State end) {
        String[] steps = script.split(" ");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            if (step.startsWith("acquire=")) {
                assertThat(breaker.tryAcquire()).as("step %d (%s) of: %s", i + 1, step, script)
                        .isEqualTo(Boolean.parseBoolean(step.substring("acquire=".length())));
            } else if (step.equals("fail")) {
                breaker.recordFailure();
            } else if (step.equals("ok")) {
                breaker.recordSuccess();
            } else if (step.equals("wait")) {
                nanos.addAndGet(Duration.ofSeconds(Long.parseLong(steps[++i])).toNanos());
            } else {
                throw new IllegalArgumentException("unknown step " + step);
            }
        }
        assertThat(breaker.state()).isEqualTo(end);
    }

    @Test
    void recordFailureTellsOnlyTheFailureThatOpenedIt() {
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.recordFailure()).isTrue();
        assertThat(breaker.recordFailure()).isFalse();
    }

    @Test
    void anOpenBreakerShowsHalfOpenOnceItsTimeHasPassed() {
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordFailure();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void aThresholdOrOpenTimeOfZeroTurnsTheBreakerOff() {
        for (RemoteBreaker off : new RemoteBreaker[] {new RemoteBreaker(0, Duration.ofSeconds(30), nanos::get),
                new RemoteBreaker(3, Duration.ZERO, nanos::get)}) {
            for (int i = 0; i < 10; i++) {
                assertThat(off.recordFailure()).isFalse();
            }
            assertThat(off.tryAcquire()).isTrue();
            assertThat(off.state()).isEqualTo(State.CLOSED);
        }
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThatThrownBy(() -> new RemoteBreaker(-1, Duration.ofSeconds(1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteBreaker(1, Duration.ofSeconds(-1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
