package org.keyhaven.jca.adapter;

import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * How one managed connection reaches Keyhaven, as its client: in the same server ({@code LocalTransport}, through
 * Keyhaven's local gateway) or over mutual TLS to a list of servers ({@code RemoteTransport}). A transport that
 * fails with {@link KeyManagerException.Reason#CONNECTION} is broken and its managed connection is discarded.
 */
interface Transport extends AutoCloseable {

    KeyMaterial getKey(String key, Integer version) throws KeyManagerException;

    Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException;

    byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException;

    Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException;

    /** {@code version} null: the key's current version. */
    boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException;

    MacValue mac(String key, byte[] message) throws KeyManagerException;

    /** {@code version} null: the key's current version. */
    boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException;

    DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException;

    Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException;

    byte[] random(int length) throws KeyManagerException;

    /** Whether the transport still works (a cheap check, used when the pool validates a connection). */
    boolean valid();

    @Override
    void close();
}
