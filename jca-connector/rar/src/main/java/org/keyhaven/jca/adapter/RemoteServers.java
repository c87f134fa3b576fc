package org.keyhaven.jca.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.keyhaven.jca.api.KeyManagerException;

/**
 * Failover over the endpoints of one kind (all retrieval ports, or all encryption ports) in their configured order,
 * each behind its own {@link RemoteBreaker}. The rules:
 * <ol>
 * <li>An endpoint whose breaker is open is skipped.</li>
 * <li>A server failure ({@link ServerFailure}: cannot connect, TLS handshake refused, timeout, 5xx, an answer that
 * is not Keyhaven's) counts against the endpoint's breaker, and the call moves on to the next endpoint.</li>
 * <li>Unless the call is {@link Retry#BEFORE_SEND_ONLY} and the failure happened after the request may have reached
 * the server: then the call ends there, UNAVAILABLE, and is not repeated elsewhere (encrypt, data key and rewrap
 * must not run twice behind the caller's back: each run is audited, and a second one answers a different
 * ciphertext).</li>
 * <li>A refusal by a reachable server ({@link KeyManagerException}: not granted, not found, invalid) counts as a
 * success for the breaker and ends the call: another server would refuse it the same way.</li>
 * <li>When no endpoint is left: UNAVAILABLE, listing each endpoint with a short cause and nothing else.</li>
 * </ol>
 * A call tries each endpoint at most once. Instances are shared by the transports of one client identity and
 * configuration ({@link #shared}, one entry per such pair for the life of the deployment), so that one managed
 * connection's failures spare the others the wait.
 */
final class RemoteServers {

    private static final Logger LOG = Logger.getLogger(RemoteServers.class.getName());

    private static final Map<SharedKey, RemoteServers> SHARED = new ConcurrentHashMap<>();

    /** Whether a call may be repeated on another server after a failure. */
    enum Retry {
        /** the call may run twice without harm (reads, verifications, decryption, signing, random) */
        ALWAYS,
        /** repeated elsewhere only when the failed server surely did not receive the request */
        BEFORE_SEND_ONLY
    }

    /** A call to one endpoint. */
    @FunctionalInterface
    interface Attempt<T> {
        T call(RemoteEndpoint endpoint) throws ServerFailure, KeyManagerException, InterruptedException;
    }

    /**
     * An endpoint could not serve a call. {@code phrase} is a short cause for messages (never an exception text from
     * the peer); {@code requestSent} tells whether the server may have received (and carried out) the request.
     */
    static final class ServerFailure extends Exception {

        private static final long serialVersionUID = 1L;

        private final String phrase;
        private final boolean requestSent;

        ServerFailure(String phrase, boolean requestSent, Throwable origin) {
            super(phrase, origin, false, false);
            this.phrase = phrase;
            this.requestSent = requestSent;
        }

        String shortCause() {
            return phrase;
        }

        boolean requestSent() {
            return requestSent;
        }
    }

    private record SharedKey(List<RemoteEndpoint> endpoints, int failures, Duration openFor, String client) {
    }

    private final List<RemoteEndpoint> endpoints;
    private final List<RemoteBreaker> breakers;
    private final Duration breakerOpen;

    RemoteServers(List<RemoteEndpoint> endpoints, int breakerFailures, Duration breakerOpen, LongSupplier clock) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no Keyhaven server configured");
        }
        this.endpoints = List.copyOf(endpoints);
        List<RemoteBreaker> list = new ArrayList<>(endpoints.size());
        endpoints.forEach(endpoint -> list.add(new RemoteBreaker(breakerFailures, breakerOpen, clock)));
        this.breakers = List.copyOf(list);
        this.breakerOpen = breakerOpen;
    }

    /**
     * The instance for these endpoints and breaker limits as used by one client identity (by certificate
     * fingerprint): a client whose certificate the servers refuse in the handshake must not open the breakers of
     * another client's connections to the same servers.
     */
    static RemoteServers shared(List<RemoteEndpoint> endpoints, int breakerFailures, Duration breakerOpen,
            String clientFingerprint) {
        return SHARED.computeIfAbsent(new SharedKey(List.copyOf(endpoints), breakerFailures, breakerOpen,
                clientFingerprint), key -> new RemoteServers(key.endpoints(), key.failures(), key.openFor(),
                System::nanoTime));
    }

    List<RemoteEndpoint> endpoints() {
        return endpoints;
    }

    RemoteBreaker.State state(int index) {
        return breakers.get(index).state();
    }

    /**
     * Runs {@code attempt} on the first endpoint that takes it, following the class rules.
     *
     * @param operation what the call is, for messages (e.g. {@code encrypt})
     */
    <T> T call(String operation, Retry retry, Attempt<T> attempt) throws KeyManagerException {
        List<String> causes = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            RemoteEndpoint endpoint = endpoints.get(i);
            RemoteBreaker breaker = breakers.get(i);
            if (!breaker.tryAcquire()) {
                causes.add(endpoint + " (circuit open)");
                continue;
            }
            T result;
            try {
                result = attempt.call(endpoint);
            } catch (KeyManagerException refusal) {
                breaker.recordSuccess();
                throw refusal;
            } catch (ServerFailure failure) {
                if (breaker.recordFailure()) {
                    LOG.warning(() -> "Keyhaven server " + endpoint + " failed (" + failure.shortCause()
                            + (failure.getCause() == null ? "" : ": " + failure.getCause()) + "); skipped for "
                            + breakerOpen.toSeconds() + " s");
                } else {
                    LOG.fine(() -> "Keyhaven server " + endpoint + " failed (" + failure.shortCause() + ")");
                }
                if (retry == Retry.BEFORE_SEND_ONLY && failure.requestSent()) {
                    causes.add(endpoint + " (" + failure.shortCause() + "; " + operation
                            + " is not repeated on another server once the request was sent)");
                    throw unavailable(causes);
                }
                causes.add(endpoint + " (" + failure.shortCause() + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeyManagerException(KeyManagerException.Reason.UNAVAILABLE,
                        "interrupted while calling Keyhaven server " + endpoint);
            }
            breaker.recordSuccess();
            return result;
        }
        throw unavailable(causes);
    }

    private static KeyManagerException unavailable(List<String> causes) {
        return new KeyManagerException(KeyManagerException.Reason.UNAVAILABLE,
                "no Keyhaven server reachable: " + String.join(", ", causes));
    }
}
