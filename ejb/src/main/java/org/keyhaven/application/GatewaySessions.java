package org.keyhaven.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The open sessions of the in-server gateway. A session is named by a random handle of {@value #HANDLE_BYTES} bytes
 * (base64url), which is all a caller needs to act as the client, so it is kept as a SHA-256 digest only and never
 * printed. A session ends when closed, after {@link #IDLE_TIMEOUT} without use, or when {@value #MAX_SESSIONS}
 * others were used more recently and a new one is opened (the adapter then opens a new one; a bound keeps memory
 * finite whatever callers do).
 */
@ApplicationScoped
public class GatewaySessions {

    static final int HANDLE_BYTES = 32;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final int MAX_SESSIONS = 10_000;

    /**
     * Who a session acts for: the client (its id, stable across renames) and the certificate chain it proved, which
     * is authenticated again at every call.
     */
    public record Session(String clientId, List<X509Certificate> chain) {

        public Session {
            chain = List.copyOf(chain);
        }

        public X509Certificate[] certificates() {
            return chain.toArray(X509Certificate[]::new);
        }

        @Override
        public String toString() {
            return "Session[client " + clientId + "]";
        }
    }

    private static final class Entry {
        private final Session session;
        private Instant lastUsed;

        Entry(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;
    /** Digest of the handle to session, least recently used first (access order). */
    private final Map<String, Entry> byDigest = new LinkedHashMap<>(64, 0.75f, true);

    public GatewaySessions() {
        this(Clock.systemUTC(), IDLE_TIMEOUT, MAX_SESSIONS);
    }

    GatewaySessions(Clock clock, Duration idleTimeout, int maxSessions) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /** Opens a session and answers its handle. */
    public String open(Session session) {
        byte[] bytes = new byte[HANDLE_BYTES];
        random.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        synchronized (byDigest) {
            Iterator<Entry> leastRecent = byDigest.values().iterator();
            while (leastRecent.hasNext()) {
                Entry entry = leastRecent.next();
                if (byDigest.size() < maxSessions && !idle(entry, now)) {
                    break;
                }
                leastRecent.remove();
            }
            byDigest.put(digest(handle), new Entry(session, now));
        }
        return handle;
    }

    /** The session the handle names, if it is open; using it keeps it open. */
    public Optional<Session> use(String handle) {
        if (handle == null) {
            return Optional.empty();
        }
        String digest = digest(handle);
        Instant now = clock.instant();
        synchronized (byDigest) {
            Entry entry = byDigest.get(digest);
            if (entry == null) {
                return Optional.empty();
            }
            if (idle(entry, now)) {
                byDigest.remove(digest);
                return Optional.empty();
            }
            entry.lastUsed = now;
            return Optional.of(entry.session);
        }
    }

    /** Ends the session; an unknown handle is ignored. */
    public void close(String handle) {
        if (handle != null) {
            String digest = digest(handle);
            synchronized (byDigest) {
                byDigest.remove(digest);
            }
        }
    }

    /** How many sessions are remembered now (idle ones may linger until the next open). */
    int size() {
        synchronized (byDigest) {
            return byDigest.size();
        }
    }

    private boolean idle(Entry entry, Instant now) {
        return !now.isBefore(entry.lastUsed.plus(idleTimeout));
    }

    private static String digest(String handle) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(handle.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "SHA-256 is not available", null, e);
        }
    }
}
