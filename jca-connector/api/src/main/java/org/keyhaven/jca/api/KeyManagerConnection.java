package org.keyhaven.jca.api;

/**
 * Keys and cryptography from Keyhaven, as the factory's client. {@code key} arguments are a key id or name. Every
 * call is checked against the client's grants and audited. A connection is for one thread at a time; after
 * {@link #close()} every call fails.
 */
public interface KeyManagerConnection extends AutoCloseable {

    /** The current version of an exportable key the client may retrieve. */
    KeyMaterial getKey(String key) throws KeyManagerException;

    /** A given version of an exportable key the client may retrieve. */
    KeyMaterial getKey(String key, int version) throws KeyManagerException;

    /** AEAD encryption under the key's current version; {@code aad} (may be null) must be given again to decrypt. */
    Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException;

    /** The plaintext of a ciphertext made by {@link #encrypt}, {@link #rewrap} or a data key. */
    byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException;

    /**
     * A signature under the key's current version; {@code algorithm} as on port 6003 (null: the key's default). The
     * answer names the key, the version and the algorithm that made it: keep them with {@link Signature#bytes()}, and
     * verify with that version, so the signature still verifies after the key is rotated.
     */
    Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException;

    /**
     * Whether {@code signature} is a valid signature of {@code message} under the given version of the key
     * ({@code version} null: the key's current version). Pass the version (and algorithm) the {@link Signature}
     * names: once the key is rotated, a signature made with an older version does not verify with the current one.
     */
    boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException;

    /**
     * Whether {@code signature} verifies under the key's current version: {@link #verify(String, String, byte[],
     * byte[], Integer)} without a version. Only for signatures made since the last rotation.
     */
    default boolean verify(String key, String algorithm, byte[] message, byte[] signature)
            throws KeyManagerException {
        return verify(key, algorithm, message, signature, null);
    }

    /**
     * A MAC under the key's current version. The answer names the key and the version that made it: keep the version
     * with {@link MacValue#bytes()}, and verify with it, so the MAC still verifies after the key is rotated.
     */
    MacValue mac(String key, byte[] message) throws KeyManagerException;

    /**
     * Whether {@code mac} is the MAC of {@code message} under the given version of the key ({@code version} null: the
     * key's current version). Pass the version the {@link MacValue} names: once the key is rotated, a MAC made with an
     * older version does not verify with the current one.
     */
    boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException;

    /**
     * Whether {@code mac} verifies under the key's current version: {@link #verifyMac(String, byte[], byte[],
     * Integer)} without a version. Only for MACs made since the last rotation.
     */
    default boolean verifyMac(String key, byte[] message, byte[] mac) throws KeyManagerException {
        return verifyMac(key, message, mac, null);
    }

    /** A fresh data key of {@code bits} bits, in plaintext and wrapped under {@code key}. */
    DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException;

    /** The same plaintext encrypted under the current version of the ciphertext's key. */
    Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException;

    /** Random bytes from Keyhaven's generator. */
    byte[] random(int length) throws KeyManagerException;

    /** Hands the connection back; idempotent. */
    @Override
    void close();
}
