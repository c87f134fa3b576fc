package org.keyhaven.jca.adapter;

import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * The handle an application holds: a thin, single-thread view of a pooled {@link KeyhavenManagedConnection}. Before
 * each call it checks that it is still valid (not closed, not detached by the pool's cleanup, its managed connection
 * neither destroyed nor broken) and fails with {@link KeyManagerException.Reason#CONNECTION} otherwise, so a leaked
 * or stale handle can never act through a connection the pool has handed to someone else. The container may move the
 * handle to another managed connection of the same identity ({@code associateConnection}).
 */
final class KeyhavenConnection implements KeyManagerConnection {

    private volatile KeyhavenManagedConnection managed;
    /** Why the handle no longer works; null while it does. */
    private volatile String invalidReason;

    KeyhavenConnection(KeyhavenManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public KeyMaterial getKey(String key) throws KeyManagerException {
        return valid().getKey(this, key, null);
    }

    @Override
    public KeyMaterial getKey(String key, int version) throws KeyManagerException {
        return valid().getKey(this, key, version);
    }

    @Override
    public Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        return valid().call(this, t -> t.encrypt(key, plaintext, aad));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return valid().call(this, t -> t.decrypt(ciphertext, aad));
    }

    @Override
    public Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException {
        return valid().call(this, t -> t.sign(key, algorithm, message));
    }

    @Override
    public boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException {
        return valid().call(this, t -> t.verify(key, algorithm, message, signature, version));
    }

    @Override
    public MacValue mac(String key, byte[] message) throws KeyManagerException {
        return valid().call(this, t -> t.mac(key, message));
    }

    @Override
    public boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException {
        return valid().call(this, t -> t.verifyMac(key, message, mac, version));
    }

    @Override
    public DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException {
        return valid().call(this, t -> t.generateDataKey(key, bits, aad));
    }

    @Override
    public Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return valid().call(this, t -> t.rewrap(ciphertext, aad));
    }

    @Override
    public byte[] random(int length) throws KeyManagerException {
        return valid().call(this, t -> t.random(length));
    }

    /** Hands the connection back to the pool (CONNECTION_CLOSED); later calls fail; idempotent. */
    @Override
    public void close() {
        KeyhavenManagedConnection current;
        synchronized (this) {
            if (invalidReason != null) {
                return;
            }
            invalidReason = "the connection is closed; get a new one from the connection factory";
            current = managed;
        }
        current.handleClosed(this);
    }

    @Override
    public String toString() {
        return "KeyhavenConnection[" + (invalidReason == null ? "open" : "closed") + "]";
    }

    /** The pool moved this handle to another managed connection of the same identity. */
    synchronized void associate(KeyhavenManagedConnection target) {
        managed = target;
    }

    /** The managed connection was cleaned up or destroyed while this handle was still open. */
    synchronized void invalidate(String reason) {
        if (invalidReason == null) {
            invalidReason = reason;
        }
    }

    KeyhavenManagedConnection managed() {
        return managed;
    }

    private KeyhavenManagedConnection valid() throws KeyManagerException {
        KeyhavenManagedConnection current = managed;
        String reason = invalidReason;
        if (reason != null) {
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION, reason);
        }
        current.checkUsable();
        return current;
    }
}
