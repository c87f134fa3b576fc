package org.keyhaven.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** Message digests over Bouncy Castle's lightweight API (no provider lookup). */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
