package org.keyhaven.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from the input keying material, then expand it
 * to {@code length} bytes bound to {@code info}.
 *
 * <p>Written over {@link HMac} rather than Bouncy Castle's {@code HKDFBytesGenerator} because the latter keeps
 * its own copies of the input keying material and of the pseudorandom key where nothing can wipe them; here
 * the PRK, every expansion block, every key copy and the HMAC pads are wiped before returning. Stateless and
 * thread-safe.
 */
public final class Hkdf {

    private static final int HASH_BYTES = 32;
    /** RFC 5869 section 2.3: L &lt;= 255 * HashLen. */
    public static final int MAX_LENGTH = 255 * HASH_BYTES;

    private Hkdf() {
    }

    /**
     * @param salt optional; null or empty means HashLen zero bytes (RFC 5869 section 2.2)
     * @param info optional context and application specific information; null means empty
     * @param length 1 to {@link #MAX_LENGTH} bytes
     * @return the output keying material, owned by the caller, who must close it
     */
    public static SecretBytes derive(SecretBytes ikm, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(ikm, "ikm");
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output is 1 to " + MAX_LENGTH + " bytes; got " + length);
        }
        byte[] context = info == null ? new byte[0] : info;
        HMac mac = new HMac(new SHA256Digest());
        byte[] prk = new byte[HASH_BYTES];
        byte[] block = new byte[HASH_BYTES];
        byte[] okm = new byte[length];
        KeyParameter saltKey = new KeyParameter(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt);
        KeyParameter prkKey = null;
        boolean complete = false;
        try {
            mac.init(saltKey);
            ikm.consume(bytes -> mac.update(bytes, 0, bytes.length));
            mac.doFinal(prk, 0);

            prkKey = new KeyParameter(prk);
            mac.init(prkKey);
            for (int counter = 1, offset = 0; offset < length; counter++) {
                if (counter > 1) {
                    mac.update(block, 0, block.length);
                }
                mac.update(context, 0, context.length);
                mac.update((byte) counter);
                mac.doFinal(block, 0);
                int take = Math.min(HASH_BYTES, length - offset);
                System.arraycopy(block, 0, okm, offset, take);
                offset += take;
            }
            complete = true;
            return SecretBytes.adopt(okm);
        } finally {
            if (!complete) {
                Arrays.fill(okm, (byte) 0);
            }
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(block, (byte) 0);
            LightweightKeys.wipe(saltKey);
            if (prkKey != null) {
                LightweightKeys.wipe(prkKey);
            }
            LightweightKeys.scrub(mac);
        }
    }
}
