package org.keyhaven.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * AES in the modes a KMIP client names (NIST SP 800-38A ECB, CBC, CTR; SP 800-38D GCM) on caller-supplied or
 * server-generated IVs, for the KMIP Encrypt and Decrypt operations, where the client keeps the IV and tag itself.
 * Keyhaven's own encryption services use {@link AesGcm} inside a self-describing envelope instead. Every key copy
 * made here is wiped after the call; a GCM tag failure reveals no plaintext.
 */
public final class BlockCiphers {

    private static final int BLOCK = 16;

    /** Block cipher modes over AES, and ChaCha20 (RFC 8439) with and without Poly1305. */
    public enum Mode {
        ECB, CBC, CTR, GCM, CHACHA20, CHACHA20_POLY1305;

        /** Whether the mode runs on a ChaCha20 key rather than an AES key. */
        public boolean chacha() {
            return this == CHACHA20 || this == CHACHA20_POLY1305;
        }

        boolean aead() {
            return this == GCM || this == CHACHA20_POLY1305;
        }
    }

    /** Padding: none, or PKCS#5 (PKCS#7 on 16-byte blocks), for ECB and CBC only. */
    public enum Padding {
        NONE, PKCS5
    }

    /**
     * What an encryption produced.
     *
     * @param iv the IV, counter or nonce used (the caller's, or the one generated); null for ECB
     * @param tag the GCM tag; null for the other modes
     */
    public record Encrypted(byte[] ciphertext, byte[] iv, byte[] tag) {
    }

    private BlockCiphers() {
    }

    /**
     * @param iv the IV (CBC), initial counter block (CTR) or nonce (GCM); null to generate a random one of
     *     {@code ivLength} bytes (0: 16 for CBC and CTR, 12 for GCM)
     * @param aad GCM associated data, may be null
     * @param tagLength GCM tag bytes: 4, 8 or 12 to 16 (SP 800-38D)
     */
    public static Encrypted encrypt(SecretBytes key, Mode mode, Padding padding, byte[] iv, int ivLength,
            byte[] plaintext, byte[] aad, int tagLength) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] usedIv = mode == Mode.ECB ? null : iv != null ? iv.clone() : randomIv(mode, ivLength);
        if (mode == Mode.CHACHA20) {
            return new Encrypted(chacha20(key, usedIv, plaintext), usedIv, null);
        }
        if (mode.aead()) {
            byte[] sealed = aead(true, key, mode, usedIv, plaintext, aad, tagLength);
            int split = sealed.length - tagLength;
            return new Encrypted(Arrays.copyOf(sealed, split), usedIv, Arrays.copyOfRange(sealed, split,
                    sealed.length));
        }
        return new Encrypted(block(true, key, mode, padding, usedIv, plaintext), usedIv, null);
    }

    /**
     * @param tag the GCM tag (its length is the tag length); ignored for other modes
     * @throws AuthenticationFailedException if the GCM tag does not verify
     * @throws KeyhavenException {@link ErrorCode#INVALID_CIPHERTEXT} if the padding is wrong or the length is not
     *     a whole number of blocks
     */
    public static byte[] decrypt(SecretBytes key, Mode mode, Padding padding, byte[] iv, byte[] ciphertext,
            byte[] aad, byte[] tag) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (mode != Mode.ECB && iv == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "an IV, counter or nonce is required for " + mode);
        }
        if (mode == Mode.CHACHA20) {
            return chacha20(key, iv, ciphertext);
        }
        if (mode.aead()) {
            if (tag == null) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the authentication tag is required");
            }
            byte[] sealed = new byte[ciphertext.length + tag.length];
            System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
            System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
            return aead(false, key, mode, iv, sealed, aad, tag.length);
        }
        return block(false, key, mode, padding, iv, ciphertext);
    }

    /**
     * Starts a multi-part operation: the parts go through {@link Stream#update} and {@link Stream#finish}, as KMIP
     * clients send them with a Correlation Value. A GCM decryption releases no plaintext before the tag has been
     * verified: its parts are held and the whole plaintext comes from {@code finish}.
     *
     * @param iv as for {@link #encrypt}; required for decryption in every mode but ECB
     */
    public static Stream start(boolean encrypt, SecretBytes key, Mode mode, Padding padding, byte[] iv,
            int ivLength, byte[] aad, int tagLength) {
        if (mode.chacha()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "multi-part operations take AES modes only");
        }
        requireAesKey(key);
        byte[] usedIv = mode == Mode.ECB ? null : iv != null ? iv.clone() : encrypt ? randomIv(mode, ivLength) : null;
        if (mode != Mode.ECB && usedIv == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "an IV, counter or nonce is required for " + mode);
        }
        return new Stream(encrypt, key, mode, padding, usedIv, aad, tagLength);
    }

    /** A multi-part encryption or decryption in progress; holds a copy of the key until finished or closed. */
    public static final class Stream implements AutoCloseable {

        private final boolean encrypt;
        private final Mode mode;
        private final byte[] iv;
        private final int tagLength;
        private final KeyParameter keyCopy;
        private final BlockCipher engine = AESEngine.newInstance();
        private final GCMModeCipher gcm;
        private final BufferedBlockCipher block;
        private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
        private boolean closed;

        private Stream(boolean encrypt, SecretBytes key, Mode mode, Padding padding, byte[] iv, byte[] aad,
                int tagLength) {
            this.encrypt = encrypt;
            this.mode = mode;
            this.iv = iv;
            this.tagLength = tagLength;
            this.keyCopy = LightweightKeys.copyOf(key);
            if (mode == Mode.GCM) {
                if (!(tagLength == 4 || tagLength == 8 || (tagLength >= 12 && tagLength <= 16))) {
                    LightweightKeys.wipe(keyCopy);
                    throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a GCM tag is 4, 8 or 12 to 16 bytes;"
                            + " got " + tagLength);
                }
                gcm = GCMBlockCipher.newInstance(engine);
                gcm.init(encrypt, new AEADParameters(keyCopy, tagLength * 8, iv, aad));
                block = null;
            } else {
                BlockCipher chained = switch (mode) {
                    case CBC -> CBCBlockCipher.newInstance(engine);
                    case CTR -> SICBlockCipher.newInstance(engine);
                    default -> engine;
                };
                block = padding == Padding.PKCS5 ? new PaddedBufferedBlockCipher(chained, new PKCS7Padding())
                        : new DefaultBufferedBlockCipher(chained);
                block.init(encrypt, mode == Mode.ECB ? keyCopy : new ParametersWithIV(keyCopy, iv));
                gcm = null;
            }
        }

        /** The IV, counter or nonce in use (generated if the caller gave none); null for ECB. */
        public byte[] iv() {
            return iv == null ? null : iv.clone();
        }

        /** The output this part completes (possibly empty). */
        public byte[] update(byte[] part) {
            requireOpen();
            if (gcm != null && !encrypt) {
                held.writeBytes(part);
                return new byte[0];
            }
            byte[] output = new byte[gcm != null ? gcm.getUpdateOutputSize(part.length)
                    : block.getUpdateOutputSize(part.length)];
            int length = gcm != null ? gcm.processBytes(part, 0, part.length, output, 0)
                    : block.processBytes(part, 0, part.length, output, 0);
            return Arrays.copyOf(output, length);
        }

        /**
         * The last part: the remaining output and, for GCM encryption, the tag. Closes the stream.
         *
         * @param tag the GCM tag of a decryption; ignored otherwise
         * @throws AuthenticationFailedException if a GCM decryption does not verify
         */
        public Encrypted finish(byte[] last, byte[] tag) {
            requireOpen();
            try {
                if (gcm != null && !encrypt) {
                    held.writeBytes(last);
                    if (tag == null || tag.length != tagLength) {
                        throw new AuthenticationFailedException();
                    }
                    held.writeBytes(tag);
                    byte[] sealed = held.toByteArray();
                    byte[] output = new byte[gcm.getOutputSize(sealed.length)];
                    int length = gcm.processBytes(sealed, 0, sealed.length, output, 0);
                    length += gcm.doFinal(output, length);
                    Arrays.fill(sealed, (byte) 0);
                    return new Encrypted(Arrays.copyOf(output, length), iv, null);
                }
                byte[] output = new byte[gcm != null ? gcm.getOutputSize(last.length)
                        : block.getOutputSize(last.length)];
                int length = gcm != null ? gcm.processBytes(last, 0, last.length, output, 0)
                        : block.processBytes(last, 0, last.length, output, 0);
                length += gcm != null ? gcm.doFinal(output, length) : block.doFinal(output, length);
                if (gcm != null) {
                    return new Encrypted(Arrays.copyOf(output, length - tagLength), iv,
                            Arrays.copyOfRange(output, length - tagLength, length));
                }
                return new Encrypted(Arrays.copyOf(output, length), iv, null);
            } catch (InvalidCipherTextException e) {
                if (gcm != null) {
                    throw new AuthenticationFailedException();
                }
                throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the data is not a whole number of blocks"
                        + " or its padding is not valid PKCS#5");
            } catch (org.bouncycastle.crypto.DataLengthException e) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "without padding " + mode + " takes whole "
                        + BLOCK + "-byte blocks");
            } finally {
                close();
            }
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException("the stream is finished");
            }
        }

        /** Wipes the key copy and what was held; the stream cannot be used afterwards. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                LightweightKeys.wipe(keyCopy);
                if (gcm != null) {
                    LightweightKeys.scrub(gcm);
                }
                LightweightKeys.scrub(engine);
                byte[] rest = held.toByteArray();
                Arrays.fill(rest, (byte) 0);
                held.reset();
            }
        }
    }

    private static byte[] randomIv(Mode mode, int ivLength) {
        int length = ivLength > 0 ? ivLength : mode == Mode.GCM || mode.chacha() ? AesGcm.NONCE_BYTES : BLOCK;
        byte[] iv = new byte[length];
        KeyhavenProvider.random().nextBytes(iv);
        return iv;
    }

    private static byte[] block(boolean encrypt, SecretBytes key, Mode mode, Padding padding, byte[] iv,
            byte[] input) {
        requireAesKey(key);
        if ((mode == Mode.CBC || mode == Mode.CTR) && iv.length != BLOCK) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, mode + " takes a " + BLOCK + "-byte IV; got "
                    + iv.length);
        }
        if (mode == Mode.CTR && padding == Padding.PKCS5) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "CTR takes no padding");
        }
        if (padding == Padding.NONE && mode != Mode.CTR && input.length % BLOCK != 0) {
            throw new KeyhavenException(encrypt ? ErrorCode.INVALID_REQUEST : ErrorCode.INVALID_CIPHERTEXT,
                    "without padding " + mode + " takes whole " + BLOCK + "-byte blocks; got " + input.length
                            + " bytes");
        }
        BlockCipher engine = AESEngine.newInstance();
        BlockCipher chained = switch (mode) {
            case ECB -> engine;
            case CBC -> CBCBlockCipher.newInstance(engine);
            case CTR -> SICBlockCipher.newInstance(engine);
            case GCM, CHACHA20, CHACHA20_POLY1305 -> throw new IllegalArgumentException(mode
                    + " is not a plain block mode");
        };
        BufferedBlockCipher cipher = padding == Padding.PKCS5
                ? new PaddedBufferedBlockCipher(chained, new PKCS7Padding()) : new DefaultBufferedBlockCipher(chained);
        KeyParameter keyCopy = LightweightKeys.copyOf(key);
        byte[] output = new byte[0];
        try {
            cipher.init(encrypt, mode == Mode.ECB ? keyCopy : new ParametersWithIV(keyCopy, iv));
            output = new byte[cipher.getOutputSize(input.length)];
            int length = cipher.processBytes(input, 0, input.length, output, 0);
            length += cipher.doFinal(output, length);
            return Arrays.copyOf(output, length);
        } catch (InvalidCipherTextException e) {
            throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the padding of the decrypted data is not"
                    + " valid PKCS#5");
        } finally {
            Arrays.fill(output, (byte) 0);
            LightweightKeys.wipe(keyCopy);
            LightweightKeys.scrub(engine);
        }
    }

    /** ChaCha20: a 64-bit nonce is the original construction, a 96-bit one RFC 8439's. */
    private static byte[] chacha20(SecretBytes key, byte[] nonce, byte[] input) {
        requireChaChaKey(key);
        if (nonce.length != 8 && nonce.length != 12) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a ChaCha20 nonce is 8 or 12 bytes; got "
                    + nonce.length);
        }
        StreamCipher cipher = nonce.length == 8 ? new ChaChaEngine() : new ChaCha7539Engine();
        KeyParameter keyCopy = LightweightKeys.copyOf(key);
        try {
            cipher.init(true, new ParametersWithIV(keyCopy, nonce));
            byte[] output = new byte[input.length];
            cipher.processBytes(input, 0, input.length, output, 0);
            return output;
        } finally {
            LightweightKeys.wipe(keyCopy);
            cipher.init(true, new ParametersWithIV(new KeyParameter(new byte[32]), new byte[nonce.length]));
        }
    }

    private static byte[] aead(boolean encrypt, SecretBytes key, Mode mode, byte[] nonce, byte[] input, byte[] aad,
            int tagLength) {
        if (mode == Mode.CHACHA20_POLY1305) {
            requireChaChaKey(key);
            if (tagLength != 16 || nonce.length != 12) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "ChaCha20-Poly1305 takes a 12-byte nonce and"
                        + " a 16-byte tag");
            }
            return sealed(encrypt, new ChaCha20Poly1305(), key, nonce, input, aad, tagLength);
        }
        return gcm(encrypt, key, nonce, input, aad, tagLength);
    }

    private static byte[] gcm(boolean encrypt, SecretBytes key, byte[] nonce, byte[] input, byte[] aad,
            int tagLength) {
        requireAesKey(key);
        if (!(tagLength == 4 || tagLength == 8 || (tagLength >= 12 && tagLength <= 16))) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a GCM tag is 4, 8 or 12 to 16 bytes; got "
                    + tagLength);
        }
        if (nonce.length == 0 || nonce.length > 128) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a GCM nonce is 1 to 128 bytes; got "
                    + nonce.length);
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        try {
            return sealed(encrypt, gcm, key, nonce, input, aad, tagLength);
        } finally {
            LightweightKeys.scrub(gcm);
        }
    }

    /** An AEAD cipher over the whole input; a failed tag reveals nothing. */
    private static byte[] sealed(boolean encrypt, AEADCipher cipher, SecretBytes key, byte[] nonce, byte[] input,
            byte[] aad, int tagLength) {
        if (!encrypt && input.length < tagLength) {
            throw new AuthenticationFailedException();
        }
        KeyParameter keyCopy = LightweightKeys.copyOf(key);
        byte[] output = new byte[0];
        try {
            cipher.init(encrypt, new AEADParameters(keyCopy, tagLength * 8, nonce, aad));
            output = new byte[cipher.getOutputSize(input.length)];
            int length = cipher.processBytes(input, 0, input.length, output, 0);
            length += cipher.doFinal(output, length);
            return Arrays.copyOf(output, length);
        } catch (InvalidCipherTextException e) {
            throw new AuthenticationFailedException();
        } finally {
            Arrays.fill(output, (byte) 0);
            LightweightKeys.wipe(keyCopy);
        }
    }

    private static void requireChaChaKey(SecretBytes key) {
        if (key.length() != 32) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "ChaCha20 keys are 32 bytes; got " + key.length());
        }
    }

    private static void requireAesKey(SecretBytes key) {
        int length = key.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "AES keys are 16, 24 or 32 bytes; got " + length);
        }
    }
}
