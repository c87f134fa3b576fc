package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.adapter.RemoteServers.Retry;
import org.keyhaven.jca.adapter.RemoteServers.ServerFailure;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * Failover without a network: three endpoints a, b and c whose behaviour each test scripts, a fake clock, and a
 * breaker that opens after 2 failures for 30 seconds. The log of attempts shows which endpoints a call reached.
 */
class RemoteServersTest {

    private static final RemoteEndpoint A = new RemoteEndpoint("a", 6003);
    private static final RemoteEndpoint B = new RemoteEndpoint("b", 6003);
    private static final RemoteEndpoint C = new RemoteEndpoint("c", 6003);

    private final AtomicLong nanos = new AtomicLong();
    private final RemoteServers servers = new RemoteServers(List.of(A, B, C), 2, Duration.ofSeconds(30), nanos::get);
    private final List<String> attempts = new ArrayList<>();

    /** What each endpoint does: answer "ok from x", or fail or refuse as given. */
    private RemoteServers.Attempt<String> scripted(Map<RemoteEndpoint, Object> behaviour) {
        return endpoint -> {
            attempts.add(endpoint.host());
            Object what = behaviour.getOrDefault(endpoint, "ok");
            if (what instanceof ServerFailure failure) {
                throw failure;
            }
            if (what instanceof KeyManagerException refusal) {
                throw refusal;
            }
            return what + " from " + endpoint.host();
        };
    }

    private static ServerFailure refused() {
        return new ServerFailure("connection refused", false, null);
    }

    private static ServerFailure timedOut() {
        return new ServerFailure("no answer in time", true, null);
    }

    @Test
    void theFirstEndpointThatAnswersServesTheCall() throws Exception {
        assertThat(servers.call("random", Retry.ALWAYS, scripted(Map.of()))).isEqualTo("ok from a");
        assertThat(attempts).containsExactly("a");
    }

    @Test
    void failedEndpointsArePassedInTheConfiguredOrder() throws Exception {
        String answer = servers.call("random", Retry.ALWAYS, scripted(Map.of(A, refused(), B, timedOut())));

        assertThat(answer).isEqualTo("ok from c");
        assertThat(attempts).containsExactly("a", "b", "c");
    }

    @Test
    void whenEveryEndpointFailsTheCallIsUnavailableWithEachCause() {
        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class, () -> servers.call("random",
                Retry.ALWAYS, scripted(Map.of(A, refused(), B, timedOut(),
                        C, new ServerFailure("TLS handshake failed", false, new IllegalStateException("internal"))))));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: a:6003 (connection refused),"
                + " b:6003 (no answer in time), c:6003 (TLS handshake failed)");
    }

    @Test
    void aRefusalEndsTheCallOnTheEndpointThatRefused() {
        KeyManagerException refusal = new KeyManagerException(Reason.NOT_GRANTED, "not granted");

        KeyManagerException thrown = catchThrowableOfType(KeyManagerException.class, () -> servers.call("encrypt",
                Retry.ALWAYS, scripted(Map.of(A, refused(), B, refusal))));

        assertThat(thrown).isSameAs(refusal);
        assertThat(attempts).containsExactly("a", "b");
    }

    @Test
    void aCallThatMustNotRunTwiceMovesOnOnlyWhenTheRequestWasNotSent() throws Exception {
        assertThat(servers.call("encrypt", Retry.BEFORE_SEND_ONLY, scripted(Map.of(A, refused())))).isEqualTo(
                "ok from b");

        attempts.clear();
        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class, () -> servers.call("encrypt",
                Retry.BEFORE_SEND_ONLY, scripted(Map.of(A, refused(), B, timedOut()))));

        assertThat(attempts).containsExactly("a", "b");
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: a:6003 (connection refused),"
                + " b:6003 (no answer in time; encrypt is not repeated on another server once the request was sent)");
    }

    @Test
    void anEndpointWhoseBreakerOpenedIsSkippedUntilItsTrial() throws Exception {
        Map<RemoteEndpoint, Object> aDown = Map.of(A, refused());
        servers.call("random", Retry.ALWAYS, scripted(aDown));
        servers.call("random", Retry.ALWAYS, scripted(aDown));
        assertThat(servers.state(0)).isEqualTo(RemoteBreaker.State.OPEN);
        attempts.clear();

        servers.call("random", Retry.ALWAYS, scripted(aDown));
        assertThat(attempts).as("a is skipped while open").containsExactly("b");

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        attempts.clear();
        assertThat(servers.call("random", Retry.ALWAYS, scripted(Map.of()))).isEqualTo("ok from a");
        assertThat(attempts).as("the trial call reaches a, which is back").containsExactly("a");
        assertThat(servers.state(0)).isEqualTo(RemoteBreaker.State.CLOSED);
    }

    @Test
    void aRefusalCountsAsTheEndpointAnswering() throws Exception {
        servers.call("random", Retry.ALWAYS, scripted(Map.of(A, refused())));
        catchThrowableOfType(KeyManagerException.class, () -> servers.call("getKey", Retry.ALWAYS,
                scripted(Map.of(A, new KeyManagerException(Reason.NOT_FOUND, "no such key")))));
        servers.call("random", Retry.ALWAYS, scripted(Map.of(A, refused())));

        assertThat(servers.state(0)).as("one failure, a refusal, one failure: not two in a row")
                .isEqualTo(RemoteBreaker.State.CLOSED);
    }

    @Test
    void withEveryBreakerOpenTheCallFailsAtOnce() {
        Map<RemoteEndpoint, Object> allDown = Map.of(A, refused(), B, refused(), C, refused());
        for (int i = 0; i < 2; i++) {
            catchThrowableOfType(KeyManagerException.class,
                    () -> servers.call("random", Retry.ALWAYS, scripted(allDown)));
        }
        attempts.clear();

        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class,
                () -> servers.call("random", Retry.ALWAYS, scripted(allDown)));

        assertThat(attempts).isEmpty();
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: a:6003 (circuit open),"
                + " b:6003 (circuit open), c:6003 (circuit open)");
    }

    @Test
    void anInterruptedCallStopsAndKeepsTheInterrupt() {
        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class,
                () -> servers.call("random", Retry.ALWAYS, endpoint -> {
                    attempts.add(endpoint.host());
                    throw new InterruptedException();
                }));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(attempts).containsExactly("a");
    }

    @Test
    void sharedInstancesAreOnePerClientAndSettings() {
        List<RemoteEndpoint> endpoints = List.of(A, B);
        RemoteServers first = RemoteServers.shared(endpoints, 3, Duration.ofSeconds(30), "client-1");

        assertThat(RemoteServers.shared(List.of(A, B), 3, Duration.ofSeconds(30), "client-1")).isSameAs(first);
        assertThat(RemoteServers.shared(endpoints, 3, Duration.ofSeconds(30), "client-2")).isNotSameAs(first);
        assertThat(RemoteServers.shared(endpoints, 4, Duration.ofSeconds(30), "client-1")).isNotSameAs(first);
        assertThat(RemoteServers.shared(List.of(B, A), 3, Duration.ofSeconds(30), "client-1")).isNotSameAs(first);
    }
}
