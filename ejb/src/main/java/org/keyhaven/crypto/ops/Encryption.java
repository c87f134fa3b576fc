package org.keyhaven.crypto.ops;

import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AesGcm;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.CiphertextEnvelope.Algorithm;
import org.keyhaven.key.KeySpec;

/**
 * Encrypts into and decrypts from {@link CiphertextEnvelope}s with AES-GCM or RSA-OAEP. The envelope header (key id,
 * key version, algorithm, format version) followed by the caller's associated data is what AES-GCM authenticates as
 * additional data and what RSA-OAEP uses as its label, so a changed header and a different associated data both make
 * decryption fail. Absent associated data ({@code null}) is the same as empty.
 *
 * <p><b>Errors.</b> Malformed requests (missing plaintext, plaintext too long for an RSA key, a ciphertext of another
 * algorithm than the key) are {@link ErrorCode#INVALID_REQUEST} with a message that says what to change. A ciphertext
 * that does not authenticate, for any reason (wrong key, wrong associated data, any changed byte), is an
 * {@link AuthenticationFailedException} ({@link ErrorCode#INTEGRITY_VIOLATION}) with one generic message that never
 * says which check failed. No partial plaintext is ever returned.
 *
 * <p>Which key an envelope names, whether that version may still decrypt, and the key's state and usage are the
 * caller's checks; this class only does the cryptography. Key material is lent and never retained. Stateless and
 * thread-safe.
 */
public final class Encryption {

    private Encryption() {
    }

    /**
     * @param key the AES key (16, 24 or 32 bytes) of version {@code version} of key {@code keyId}
     * @param aad associated data, authenticated but not encrypted; null means none
     * @return the encoded envelope, with a fresh random 96-bit nonce
     */
    public static byte[] encryptAesGcm(SecretBytes key, UUID keyId, int version, byte[] plaintext, byte[] aad) {
        Inputs.required(plaintext, "plaintext");
        byte[] header = CiphertextEnvelope.header(Algorithm.AES_GCM, keyId, version);
        byte[] nonce = AesGcm.newNonce();
        byte[] sealed = AesGcm.encrypt(key, nonce, plaintext, Inputs.concat(header, Inputs.optional(aad)));
        return new CiphertextEnvelope(Algorithm.AES_GCM, keyId, version, Inputs.concat(nonce, sealed)).encode();
    }

    /**
     * Decrypts an AES-GCM envelope.
     *
     * @param key the AES key of the version the envelope names
     * @throws AuthenticationFailedException if key, associated data or any byte of the envelope is not what it was
     */
    public static byte[] decrypt(CiphertextEnvelope envelope, SecretBytes key, byte[] aad) {
        requireAlgorithm(envelope, Algorithm.AES_GCM);
        byte[] body = envelope.body();
        byte[] nonce = Arrays.copyOfRange(body, 0, AesGcm.NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(body, AesGcm.NONCE_BYTES, body.length);
        return AesGcm.decrypt(key, nonce, sealed, associatedData(envelope, aad));
    }

    /**
     * @param publicKeySpki the X.509 SubjectPublicKeyInfo of a 2048, 3072 or 4096-bit RSA key
     * @return the encoded envelope; its body is as long as the modulus
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} if the plaintext is longer than the key can take
     *     (modulus bytes - 66) or the key has another size
     */
    public static byte[] encryptRsaOaep(byte[] publicKeySpki, UUID keyId, int version, byte[] plaintext,
            byte[] aad) {
        Inputs.required(plaintext, "plaintext");
        byte[] header = CiphertextEnvelope.header(Algorithm.RSA_OAEP_SHA256, keyId, version);
        RSAPublicKey key = RsaOaep.publicKey(publicKeySpki);
        int modulusBytes = RsaOaep.modulusBytes(key);
        if (!CiphertextEnvelope.isRsaOaepBodyLength(modulusBytes)) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "RSA-OAEP ciphertexts are defined for 2048, 3072 "
                    + "and 4096-bit keys; this key has " + RsaOaep.modulusBits(key) + " bits");
        }
        int maxPlaintext = RsaOaep.maxPlaintextBytes(modulusBytes);
        if (plaintext.length > maxPlaintext) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "plaintext is " + plaintext.length
                    + " bytes; RSA-OAEP with SHA-256 and a " + RsaOaep.modulusBits(key) + "-bit key takes at most "
                    + maxPlaintext + " bytes (encrypt larger data with an AES key or a data key)");
        }
        byte[] block = RsaOaep.encrypt(key, plaintext, Inputs.concat(header, Inputs.optional(aad)));
        return new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, keyId, version, block).encode();
    }

    /**
     * Decrypts an RSA-OAEP envelope.
     *
     * @param privateKeyPkcs8 the PKCS#8 private key of the version the envelope names, lent for this call
     * @throws AuthenticationFailedException for every failure of the ciphertext, with one message (no oracle)
     */
    public static byte[] decryptRsaOaep(SecretBytes privateKeyPkcs8, CiphertextEnvelope envelope, byte[] aad) {
        requireAlgorithm(envelope, Algorithm.RSA_OAEP_SHA256);
        byte[] label = associatedData(envelope, aad);
        byte[] block = envelope.body();
        return PrivateKeys.apply(Algorithm.RSA_OAEP_SHA256.keyAlgorithm(), privateKeyPkcs8,
                key -> RsaOaep.decrypt(key, block, label));
    }

    /**
     * Decrypts with the key the envelope names, whatever its algorithm: AES-GCM with a raw AES key, RSA-OAEP with a
     * PKCS#8 RSA private key.
     *
     * @param spec the key's algorithm and size
     * @param keyMaterial the key's secret material, lent for this call
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} if the envelope's algorithm needs another kind of
     *     key; {@link AuthenticationFailedException} as the algorithm-specific methods
     */
    public static byte[] decrypt(CiphertextEnvelope envelope, KeySpec spec, SecretBytes keyMaterial, byte[] aad) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(spec, "spec");
        if (spec.algorithm() != envelope.algorithm().keyAlgorithm()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the ciphertext is "
                    + envelope.algorithm().externalName() + " and needs an "
                    + envelope.algorithm().keyAlgorithm().externalName() + " key; the key it names is " + spec);
        }
        return switch (envelope.algorithm()) {
            case AES_GCM -> decrypt(envelope, keyMaterial, aad);
            case RSA_OAEP_SHA256 -> decryptRsaOaep(keyMaterial, envelope, aad);
        };
    }

    private static void requireAlgorithm(CiphertextEnvelope envelope, Algorithm expected) {
        Objects.requireNonNull(envelope, "envelope");
        if (envelope.algorithm() != expected) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the ciphertext is "
                    + envelope.algorithm().externalName() + ", not " + expected.externalName());
        }
    }

    private static byte[] associatedData(CiphertextEnvelope envelope, byte[] aad) {
        return Inputs.concat(envelope.header(), Inputs.optional(aad));
    }
}
