package org.keyhaven.crypto;

import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The HMAC hash functions Keyhaven offers (RFC 2104 over FIPS 180-4 SHA-2). */
public enum HmacAlgorithm {
    SHA256(32, SHA256Digest::new),
    SHA384(48, SHA384Digest::new),
    SHA512(64, SHA512Digest::new);

    private final int macBytes;
    private final Supplier<Digest> digest;

    HmacAlgorithm(int macBytes, Supplier<Digest> digest) {
        this.macBytes = macBytes;
        this.digest = digest;
    }

    /** Length of the MAC (the hash output) in bytes. */
    public int macBytes() {
        return macBytes;
    }

    /** A fresh, unshared digest instance. */
    Digest newDigest() {
        return digest.get();
    }
}
