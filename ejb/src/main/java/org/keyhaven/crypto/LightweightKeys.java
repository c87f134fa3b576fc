package org.keyhaven.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Key handling for the Bouncy Castle lightweight API, which has no {@code destroy()} on its objects.
 *
 * <p>{@link KeyParameter} copies the array it is given and {@link KeyParameter#getKey()} returns that internal
 * copy, so {@link #wipe(KeyParameter)} zeroes the only copy the parameter holds. Engines keep key-equivalent
 * state (AES round keys start with the key itself; HMAC keeps key XOR ipad/opad), and the only way to clear it
 * is to re-key them: {@code AESEngine.init} clears the previous round keys, {@code HMac.init} overwrites its pads
 * in place, GCM re-keys its cipher and recomputes its multiplier tables in place. The scrub methods re-key with
 * an all-zero key for that purpose; the objects must not be used afterwards.
 */
final class LightweightKeys {

    private static final int AES_BLOCK_BYTES = 16;
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private LightweightKeys() {
    }

    /** A Bouncy Castle copy of the secret; the caller must {@link #wipe(KeyParameter)} it when done. */
    static KeyParameter copyOf(SecretBytes key) {
        return key.use(KeyParameter::new);
    }

    static void wipe(KeyParameter parameter) {
        Arrays.fill(parameter.getKey(), (byte) 0);
    }

    static void scrub(BlockCipher engine) {
        engine.init(true, new KeyParameter(new byte[AES_BLOCK_BYTES]));
    }

    static void scrub(GCMModeCipher gcm) {
        // Decryption mode: GCM refuses to re-init for encryption with a key and nonce it has seen.
        gcm.init(false, new AEADParameters(new KeyParameter(new byte[AES_BLOCK_BYTES]), GCM_TAG_BITS,
                new byte[GCM_NONCE_BYTES]));
    }

    static void scrub(HMac mac) {
        mac.init(new KeyParameter(new byte[0]));
    }
}
