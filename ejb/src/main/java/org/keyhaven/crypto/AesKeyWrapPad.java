package org.keyhaven.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES Key Wrap with Padding (RFC 5649, NIST SP 800-38F "KWP"): deterministic, authenticated wrapping of key
 * material of any length from 1 byte under a key-encryption key of 16, 24 or 32 bytes. The wrapped form is
 * the plaintext length rounded up to a multiple of 8, plus 8 bytes.
 *
 * <p>Unwrapping checks the alternative initial value, the length indicator and the zero padding; any
 * failure is an {@link AuthenticationFailedException} that does not say which check failed. The KEK copy and
 * the AES round keys made here are wiped after each call; the intermediate buffers inside Bouncy Castle's
 * wrap engine are not reachable and are left to the garbage collector. Stateless and thread-safe.
 */
public final class AesKeyWrapPad {

    private AesKeyWrapPad() {
    }

    /** @return the RFC 5649 wrapping of {@code plaintextKey} (1 byte or more) under {@code kek} */
    public static byte[] wrap(SecretBytes kek, byte[] plaintextKey) {
        Objects.requireNonNull(plaintextKey, "plaintextKey");
        if (plaintextKey.length == 0) {
            throw new IllegalArgumentException("nothing to wrap");
        }
        checkKek(kek);
        BlockCipher aes = AESEngine.newInstance();
        RFC5649WrapEngine engine = new RFC5649WrapEngine(aes);
        KeyParameter kekCopy = LightweightKeys.copyOf(kek);
        try {
            engine.init(true, kekCopy);
            return engine.wrap(plaintextKey, 0, plaintextKey.length);
        } finally {
            LightweightKeys.wipe(kekCopy);
            LightweightKeys.scrub(aes);
        }
    }

    /**
     * @return the unwrapped key material, owned by the caller, who must close it
     * @throws AuthenticationFailedException if {@code wrapped} was not produced by {@link #wrap} under {@code kek}
     */
    public static SecretBytes unwrap(SecretBytes kek, byte[] wrapped) {
        Objects.requireNonNull(wrapped, "wrapped");
        checkKek(kek);
        BlockCipher aes = AESEngine.newInstance();
        RFC5649WrapEngine engine = new RFC5649WrapEngine(aes);
        KeyParameter kekCopy = LightweightKeys.copyOf(kek);
        try {
            engine.init(false, kekCopy);
            return SecretBytes.adopt(engine.unwrap(wrapped, 0, wrapped.length));
        } catch (InvalidCipherTextException e) {
            throw new AuthenticationFailedException();
        } finally {
            LightweightKeys.wipe(kekCopy);
            LightweightKeys.scrub(aes);
        }
    }

    private static void checkKek(SecretBytes kek) {
        Objects.requireNonNull(kek, "kek");
        int length = kek.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("AES key-encryption keys are 16, 24 or 32 bytes; got " + length);
        }
    }
}
