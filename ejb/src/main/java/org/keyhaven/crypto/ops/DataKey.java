package org.keyhaven.crypto.ops;

import java.util.Objects;
import org.keyhaven.crypto.SecretBytes;

/**
 * A freshly generated data key: its plaintext, owned by this holder and wiped by {@link #close()}, and the same key
 * encrypted under a managed AES key as an AES-GCM {@link CiphertextEnvelope}, which {@link Encryption#decrypt}
 * turns back into exactly the plaintext. {@link #toString()} shows sizes only.
 */
public final class DataKey implements AutoCloseable {

    private final SecretBytes plaintext;
    private final byte[] ciphertextEnvelope;

    /** Takes ownership of {@code plaintext}. */
    DataKey(SecretBytes plaintext, byte[] ciphertextEnvelope) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.ciphertextEnvelope = Objects.requireNonNull(ciphertextEnvelope, "ciphertextEnvelope").clone();
    }

    /** The plaintext key, lent: it stays owned by this holder and is wiped by {@link #close()}. */
    public SecretBytes plaintext() {
        return plaintext;
    }

    /** A copy of the encoded envelope. */
    public byte[] ciphertextEnvelope() {
        return ciphertextEnvelope.clone();
    }

    @Override
    public void close() {
        plaintext.close();
    }

    @Override
    public String toString() {
        return "DataKey[" + plaintext.length() * 8 + " bits" + (plaintext.isDestroyed() ? ", destroyed" : "")
                + ", envelope " + ciphertextEnvelope.length + " bytes]";
    }
}
