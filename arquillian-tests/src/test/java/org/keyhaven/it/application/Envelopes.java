package org.keyhaven.it.application;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent implementation of Keyhaven's ciphertext envelope, format version 1, written from its published
 * description (the Javadoc of {@code org.keyhaven.crypto.ops.CiphertextEnvelope}, a public contract) with the JDK's
 * own providers: a 24-byte header ('K' 'H', format 1, algorithm, key id, key version, big-endian) and a body; for
 * AES-GCM the body is a 12-byte nonce, the ciphertext and a 16-byte tag with header plus associated data as the
 * GCM additional data; for RSA-OAEP (SHA-256, MGF1-SHA-256) the body is the encrypted block with header plus
 * associated data as the OAEP label.
 */
final class Envelopes {

    static final int HEADER = 24;
    static final int AES_GCM = 1;
    static final int RSA_OAEP = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelopes() {
    }

    static byte[] header(int algorithm, UUID keyId, int version) {
        return ByteBuffer.allocate(HEADER).put((byte) 'K').put((byte) 'H').put((byte) 1).put((byte) algorithm)
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits()).putInt(version)
                .array();
    }

    static int algorithm(byte[] envelope) {
        return envelope[3];
    }

    static UUID keyId(byte[] envelope) {
        ByteBuffer buffer = ByteBuffer.wrap(envelope, 4, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static int version(byte[] envelope) {
        return ByteBuffer.wrap(envelope, 20, 4).getInt();
    }

    /** Decrypts an AES-GCM envelope with the raw AES key; fails (AEADBadTagException) if anything was altered. */
    static byte[] openAesGcm(byte[] envelope, byte[] key, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(envelope, HEADER, HEADER + 12)));
        cipher.updateAAD(Arrays.copyOfRange(envelope, 0, HEADER));
        cipher.updateAAD(aad);
        return cipher.doFinal(envelope, HEADER + 12, envelope.length - HEADER - 12);
    }

    /** An AES-GCM envelope made here, as Keyhaven would make it for this key version. */
    static byte[] sealAesGcm(UUID keyId, int version, byte[] key, byte[] plaintext, byte[] aad)
            throws GeneralSecurityException {
        byte[] header = header(AES_GCM, keyId, version);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(header);
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(HEADER + 12 + sealed.length).put(header).put(nonce).put(sealed).array();
    }

    /** Decrypts an RSA-OAEP envelope with the RSA private key. */
    static byte[] openRsaOaep(byte[] envelope, PrivateKey key, byte[] aad) throws GeneralSecurityException {
        byte[] label = ByteBuffer.allocate(HEADER + aad.length).put(envelope, 0, HEADER).put(aad).array();
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(label)));
        return cipher.doFinal(envelope, HEADER, envelope.length - HEADER);
    }
}
