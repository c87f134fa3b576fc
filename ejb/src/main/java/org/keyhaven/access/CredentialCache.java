package org.keyhaven.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keyhaven.crypto.Hmac;
import org.keyhaven.crypto.HmacAlgorithm;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/**
 * Remembers successful logins for a short time (default 60 s, {@value #TTL_PROPERTY}) so that HTTP Basic callers do
 * not pay an Argon2id verification on every request. It stores no password: only an HMAC of the credentials under
 * a random key that lives in memory only, compared in constant time. Any change to a user (password, roles, lock,
 * disable) drops the user's entry at once.
 */
@ApplicationScoped
public class CredentialCache {

    public static final String TTL_PROPERTY = "keyhaven.login.cache-seconds";

    private final SecretBytes key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] fingerprint, LoginResult result, Instant expires) {
    }

    public CredentialCache() {
        byte[] bytes = new byte[32];
        KeyhavenProvider.random().nextBytes(bytes);
        key = SecretBytes.adopt(bytes);
    }

    Optional<LoginResult> lookup(String username, char[] password, Instant now) {
        Entry entry = entries.get(username);
        if (entry == null || entry.expires().isBefore(now)) {
            return Optional.empty();
        }
        byte[] fingerprint = fingerprint(username, password);
        return java.security.MessageDigest.isEqual(entry.fingerprint(), fingerprint)
                ? Optional.of(entry.result()) : Optional.empty();
    }

    void put(String username, char[] password, LoginResult result, Instant now) {
        Duration ttl = Duration.ofSeconds(Long.getLong(TTL_PROPERTY, 60L));
        entries.put(username, new Entry(fingerprint(username, password), result, now.plus(ttl)));
    }

    public void invalidate(String username) {
        entries.remove(username);
    }

    private byte[] fingerprint(String username, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = new byte[encoded.remaining()];
        encoded.get(passwordBytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return Hmac.compute(HmacAlgorithm.SHA256, key, username.getBytes(StandardCharsets.UTF_8), new byte[] {0},
                    passwordBytes);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }
}
