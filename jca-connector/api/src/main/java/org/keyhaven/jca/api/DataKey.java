package org.keyhaven.jca.api;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/** A fresh data key: its plaintext (wipe it with {@link #destroy()} after use) and its copy wrapped by Keyhaven. */
public final class DataKey implements Destroyable {

    private final byte[] plaintext;
    private final Ciphertext wrapped;
    private volatile boolean destroyed;

    public DataKey(byte[] plaintext, Ciphertext wrapped) {
        this.plaintext = plaintext.clone();
        this.wrapped = wrapped;
    }

    /** A copy of the plaintext key. */
    public byte[] plaintext() {
        if (destroyed) {
            throw new IllegalStateException("the data key was destroyed");
        }
        return plaintext.clone();
    }

    /** The key wrapped under the Keyhaven key: store it with the data, have Keyhaven decrypt it later. */
    public Ciphertext wrapped() {
        return wrapped;
    }

    @Override
    public void destroy() {
        Arrays.fill(plaintext, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DataKey[wrapped under " + wrapped.keyId() + "]";
    }
}
