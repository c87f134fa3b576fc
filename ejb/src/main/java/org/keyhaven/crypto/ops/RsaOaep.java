package org.keyhaven.crypto.ops;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.KeyMaterialGenerator;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.key.KeyAlgorithm;

/**
 * RSAES-OAEP (RFC 8017 section 7.1) with SHA-256, MGF1 with SHA-256 and an explicit label, through Keyhaven's
 * Bouncy Castle provider, whose RSA decryption is blinded.
 *
 * <p><b>No oracle.</b> Once a private key is in hand, every way decryption of a block can fail (wrong length, value
 * not below the modulus, bad padding, wrong label, wrong key) ends in the same {@link AuthenticationFailedException}
 * with the same message and no cause, so a caller learns nothing about why. Failures that do not depend on the
 * ciphertext (no such cipher, unusable key) are {@link ErrorCode#INTERNAL}. Stateless and thread-safe.
 */
final class RsaOaep {

    static final int HASH_BYTES = 32;
    private static final String TRANSFORMATION = "RSA/NONE/OAEPPadding";
    /** What the encryption services use: SHA-256 and MGF1 with SHA-256. */
    static final OaepHashes SHA256 = new OaepHashes(Hash.SHA256, Hash.SHA256);

    /** The OAEP hash and the hash MGF1 uses (KMIP clients may choose both). */
    record OaepHashes(Hash hash, Hash mgf1) {
    }

    private RsaOaep() {
    }

    static RSAPublicKey publicKey(byte[] spki) {
        PublicKey key = KeyMaterialGenerator.publicKey(KeyAlgorithm.RSA, spki);
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new KeyhavenException(ErrorCode.INTERNAL, "stored RSA public key decoded to another key type");
    }

    static int modulusBits(RSAKey key) {
        return key.getModulus().bitLength();
    }

    static int modulusBytes(RSAKey key) {
        return (modulusBits(key) + 7) / 8;
    }

    /** RFC 8017 section 7.1.1: k - 2 hLen - 2. */
    static int maxPlaintextBytes(int modulusBytes) {
        return maxPlaintextBytes(modulusBytes, HASH_BYTES);
    }

    static int maxPlaintextBytes(int modulusBytes, int hashBytes) {
        return modulusBytes - 2 * hashBytes - 2;
    }

    /** The caller has checked the plaintext length against {@link #maxPlaintextBytes}. */
    static byte[] encrypt(RSAPublicKey key, byte[] plaintext, byte[] label) {
        return encrypt(key, SHA256, plaintext, label);
    }

    static byte[] encrypt(RSAPublicKey key, OaepHashes hashes, byte[] plaintext, byte[] label) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, KeyhavenProvider.get());
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(hashes, label), KeyhavenProvider.random());
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "RSA-OAEP encryption failed", null, e);
        }
    }

    /** @throws AuthenticationFailedException for every failure that depends on the block or the label */
    static byte[] decrypt(PrivateKey key, byte[] block, byte[] label) {
        return decrypt(key, SHA256, block, label);
    }

    static byte[] decrypt(PrivateKey key, OaepHashes hashes, byte[] block, byte[] label) {
        if (!(key instanceof RSAKey rsa)) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "stored RSA private key decoded to another key type");
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(TRANSFORMATION, KeyhavenProvider.get());
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(hashes, label), KeyhavenProvider.random());
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "RSA-OAEP decryption cannot start", null, e);
        }
        if (block.length != modulusBytes(rsa)) {
            throw new AuthenticationFailedException();
        }
        try {
            return cipher.doFinal(block);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Deliberately one answer, without the cause: its type and message would be a padding oracle.
            throw new AuthenticationFailedException();
        }
    }

    private static OAEPParameterSpec parameters(OaepHashes hashes, byte[] label) {
        return new OAEPParameterSpec(hashes.hash().jcaName(), "MGF1", hashes.mgf1().mgf1(),
                new PSource.PSpecified(label));
    }
}
