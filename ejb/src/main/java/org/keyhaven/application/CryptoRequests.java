package org.keyhaven.application;

/**
 * Requests and results of the encryption services. Byte arrays travel as base64 in JSON. {@code key} is a key id or
 * name; {@code aad} is optional associated data bound into the ciphertext.
 */
public final class CryptoRequests {

    private CryptoRequests() {
    }

    public record Encrypt(String key, byte[] plaintext, byte[] aad) {
    }

    /** {@code key}, when given, must be the key the ciphertext names. */
    public record Decrypt(byte[] ciphertext, byte[] aad, String key) {
    }

    public record Sign(String key, byte[] message, String algorithm) {
    }

    /** {@code version} defaults to the key's current version. */
    public record Verify(String key, byte[] message, byte[] signature, String algorithm, Integer version) {
    }

    public record Mac(String key, byte[] message) {
    }

    public record MacVerify(String key, byte[] message, byte[] mac, Integer version) {
    }

    /** A fresh data key of {@code length} bits (default 256), wrapped under {@code key}; plaintext on request. */
    public record DataKey(String key, Integer length, Boolean includePlaintext, byte[] aad) {
    }

    public record Rewrap(byte[] ciphertext, byte[] aad) {
    }

    public record Random(Integer length) {
    }

    public record Ciphertext(String keyId, int version, byte[] ciphertext) {
    }

    public record Plaintext(String keyId, int version, byte[] plaintext) {
    }

    public record Signature(String keyId, int version, String algorithm, byte[] signature) {
    }

    public record Validity(String keyId, int version, boolean valid) {
    }

    public record MacValue(String keyId, int version, byte[] mac) {
    }

    public record WrappedDataKey(String keyId, int version, byte[] ciphertext, byte[] plaintext) {
    }

    public record RandomBytes(byte[] bytes) {
    }
}
