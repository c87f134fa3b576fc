package org.keyhaven.crypto;

import java.security.MessageDigest;
import java.util.Objects;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC (RFC 2104) with SHA-256, SHA-384 or SHA-512 over Bouncy Castle's lightweight {@link HMac}, so the key
 * copy and the key-derived pads are wiped after each call. Several parts are MACed as their plain
 * concatenation: callers that need unambiguous framing must add it themselves (e.g. length prefixes).
 * Verification compares in constant time. Stateless and thread-safe.
 */
public final class Hmac {

    private Hmac() {
    }

    /** @return HMAC(key, parts[0] || parts[1] || ...) */
    public static byte[] compute(HmacAlgorithm algorithm, SecretBytes key, byte[]... parts) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parts, "parts");
        if (key.length() == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        HMac mac = new HMac(algorithm.newDigest());
        KeyParameter keyCopy = LightweightKeys.copyOf(key);
        try {
            mac.init(keyCopy);
            for (byte[] part : parts) {
                mac.update(Objects.requireNonNull(part, "part"), 0, part.length);
            }
            byte[] result = new byte[mac.getMacSize()];
            mac.doFinal(result, 0);
            return result;
        } finally {
            LightweightKeys.wipe(keyCopy);
            LightweightKeys.scrub(mac);
        }
    }

    /**
     * @return whether {@code expectedMac} is the full HMAC of the parts; compared in constant time (only the
     *     length, which is public, may end the comparison early); truncated MACs are refused
     */
    public static boolean verify(HmacAlgorithm algorithm, SecretBytes key, byte[] expectedMac, byte[]... parts) {
        Objects.requireNonNull(expectedMac, "expectedMac");
        return MessageDigest.isEqual(compute(algorithm, key, parts), expectedMac);
    }
}
