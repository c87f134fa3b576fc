package org.keyhaven.seal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/**
 * Real {@link MasterKeyRing}s for tests outside this package, whose constructor is package-private. Every master key
 * is random; tests own their ring and {@link #seal(MasterKeyRing)} it when done.
 */
public final class TestRings {

    private TestRings() {
    }

    /** A ring holding a random AES-256 master key for each of {@code versions}; the highest is current. */
    public static MasterKeyRing withVersions(int... versions) {
        Map<Integer, SecretBytes> keys = new TreeMap<>();
        for (int version : versions) {
            keys.put(version, randomKey());
        }
        return new MasterKeyRing(null, keys);
    }

    /** The ring after a master key rotation to {@code version}: a new current key, the old ones kept. */
    public static MasterKeyRing rotated(MasterKeyRing ring, int version) {
        return ring.withVersion(version, randomKey());
    }

    /** The ring after a completed rotation retired {@code versions}. */
    public static MasterKeyRing retiring(MasterKeyRing ring, Integer... versions) {
        return ring.without(List.of(versions));
    }

    /** Wipes every key of the ring, as sealing does. */
    public static void seal(MasterKeyRing ring) {
        ring.destroy();
    }

    static SecretBytes randomKey() {
        byte[] key = new byte[32];
        KeyhavenProvider.random().nextBytes(key);
        return SecretBytes.adopt(key);
    }
}
