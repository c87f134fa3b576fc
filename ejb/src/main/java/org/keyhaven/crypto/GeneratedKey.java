package org.keyhaven.crypto;

import java.util.Objects;

/**
 * Freshly generated key material, as it is stored (after wrapping) and exported.
 *
 * <ul>
 *   <li>{@link #secret()}: the raw key bytes for symmetric keys and secret data; the PKCS#8
 *       {@code PrivateKeyInfo} DER encoding (RFC 5208 / RFC 5958) for RSA, EC and Ed25519.</li>
 *   <li>{@link #publicKey()}: the X.509 {@code SubjectPublicKeyInfo} DER encoding for asymmetric keys, null
 *       otherwise.</li>
 * </ul>
 * The holder owns the secret: {@link #close()} wipes it. {@link #toString()} shows sizes only.
 */
public final class GeneratedKey implements AutoCloseable {

    private final SecretBytes secret;
    private final byte[] publicKey;

    GeneratedKey(SecretBytes secret, byte[] publicKey) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.publicKey = publicKey == null ? null : publicKey.clone();
    }

    /** The secret part, lent: it stays owned by this holder and is wiped by {@link #close()}. */
    public SecretBytes secret() {
        return secret;
    }

    /** A copy of the public key encoding, or null for symmetric keys and secret data. */
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    @Override
    public void close() {
        secret.close();
    }

    @Override
    public String toString() {
        return "GeneratedKey[secret " + secret.length() + " bytes"
                + (publicKey == null ? "" : ", public key " + publicKey.length + " bytes")
                + (secret.isDestroyed() ? ", destroyed]" : "]");
    }
}
