package org.keyhaven.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, over Bouncy Castle's lightweight
 * {@code GCMBlockCipher} and {@code AESEngine} so that every copy of the key made here is wiped after the call.
 *
 * <p>Output of {@link #encrypt} is {@code ciphertext || tag}. {@link #decrypt} verifies the tag over the whole
 * input before anything is returned; on failure it wipes what it decrypted and throws
 * {@link AuthenticationFailedException}, so no partial plaintext ever leaves this class.
 *
 * <p>A nonce must never repeat under one key. {@link #newNonce()} gives random nonces; with random nonces a key
 * must not protect more than 2^32 messages (SP 800-38D section 8.3). Stateless and thread-safe.
 */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private AesGcm() {
    }

    /** Twelve bytes from {@link KeyhavenProvider#random()}. */
    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        KeyhavenProvider.random().nextBytes(nonce);
        return nonce;
    }

    /**
     * @param key a 16, 24 or 32-byte AES key
     * @param aad associated data, authenticated but not encrypted; null means none
     * @return ciphertext followed by the 16-byte tag
     */
    public static byte[] encrypt(SecretBytes key, byte[] nonce, byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return run(true, key, nonce, plaintext, aad);
        } catch (InvalidCipherTextException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "GCM encryption failed a tag check", null, e);
        }
    }

    /**
     * @return the plaintext, only if the tag verifies
     * @throws AuthenticationFailedException if the tag does not match key, nonce, ciphertext and aad
     */
    public static byte[] decrypt(SecretBytes key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) {
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        if (ciphertextAndTag.length < TAG_BYTES) {
            validate(key, nonce);
            throw new AuthenticationFailedException();
        }
        try {
            return run(false, key, nonce, ciphertextAndTag, aad);
        } catch (InvalidCipherTextException e) {
            throw new AuthenticationFailedException();
        }
    }

    private static byte[] run(boolean encrypt, SecretBytes key, byte[] nonce, byte[] input, byte[] aad)
            throws InvalidCipherTextException {
        validate(key, nonce);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        KeyParameter keyCopy = LightweightKeys.copyOf(key);
        byte[] output = null;
        boolean complete = false;
        try {
            gcm.init(encrypt, new AEADParameters(keyCopy, TAG_BYTES * 8, nonce, aad));
            output = new byte[gcm.getOutputSize(input.length)];
            int length = gcm.processBytes(input, 0, input.length, output, 0);
            length += gcm.doFinal(output, length);
            if (length != output.length) {
                throw new KeyhavenException(ErrorCode.INTERNAL,
                        "GCM produced " + length + " of " + output.length + " bytes");
            }
            complete = true;
            return output;
        } finally {
            if (!complete && output != null) {
                Arrays.fill(output, (byte) 0);
            }
            LightweightKeys.wipe(keyCopy);
            LightweightKeys.scrub(gcm);
        }
    }

    private static void validate(SecretBytes key, byte[] nonce) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        int length = key.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("AES keys are 16, 24 or 32 bytes; got " + length);
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("the GCM nonce is " + NONCE_BYTES + " bytes; got " + nonce.length);
        }
    }
}
