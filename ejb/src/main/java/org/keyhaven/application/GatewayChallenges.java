package org.keyhaven.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The challenges the in-server gateway hands out for proof of possession: {@value #LENGTH} random bytes each, usable
 * once, within {@link #LIFETIME}. At most {@value #MAX_OUTSTANDING} are outstanding; beyond that the oldest is
 * forgotten, so that callers that never come back cannot fill the memory. A challenge is not secret (the caller signs
 * it), only fresh: what matters is that no signature is accepted twice or late.
 */
@ApplicationScoped
public class GatewayChallenges {

    static final int LENGTH = 32;
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final int MAX_OUTSTANDING = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final int maxOutstanding;
    /** Challenge (base64) to expiry, in the order issued, which is also the order of expiry. */
    private final Map<String, Instant> outstanding = new LinkedHashMap<>();

    public GatewayChallenges() {
        this(Clock.systemUTC(), LIFETIME, MAX_OUTSTANDING);
    }

    GatewayChallenges(Clock clock, Duration lifetime, int maxOutstanding) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxOutstanding = maxOutstanding;
    }

    /** A fresh challenge; the caller gets its own copy. */
    public byte[] issue() {
        byte[] challenge = new byte[LENGTH];
        random.nextBytes(challenge);
        Instant now = clock.instant();
        synchronized (outstanding) {
            dropExpired(now);
            Iterator<String> oldest = outstanding.keySet().iterator();
            while (outstanding.size() >= maxOutstanding && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
            outstanding.put(key(challenge), now.plus(lifetime));
        }
        return challenge.clone();
    }

    /** Whether the challenge is outstanding and not expired. It is used up in any case. */
    public boolean consume(byte[] challenge) {
        if (challenge == null || challenge.length != LENGTH) {
            return false;
        }
        Instant now = clock.instant();
        Instant expires;
        synchronized (outstanding) {
            expires = outstanding.remove(key(challenge));
        }
        return expires != null && now.isBefore(expires);
    }

    /** How many challenges are remembered now (expired ones may linger until the next issue). */
    int outstanding() {
        synchronized (outstanding) {
            return outstanding.size();
        }
    }

    private void dropExpired(Instant now) {
        Iterator<Instant> expiries = outstanding.values().iterator();
        while (expiries.hasNext() && !now.isBefore(expiries.next())) {
            expiries.remove();
        }
    }

    private static String key(byte[] challenge) {
        return Base64.getEncoder().encodeToString(challenge);
    }
}
