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

    /** A signature; {@code algorithm} as on port 6003 (null: the key's default). */
    byte[] sign(String key, String algorithm, byte[] message) throws KeyManagerException;

    boolean verify(String key, String algorithm, byte[] message, byte[] signature) throws KeyManagerException;

    byte[] mac(String key, byte[] message) throws KeyManagerException;

    boolean verifyMac(String key, byte[] message, byte[] mac) throws KeyManagerException;

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
