package org.keyhaven.jca.spi;

import java.util.List;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * Keyhaven's in-server entry point for its resource adapter (local mode); not for applications. A session is opened
 * with proof of possession of a client's private key: the adapter signs a fresh challenge with the key of the client
 * certificate it is configured with, and Keyhaven checks the chain exactly as on its TLS ports. Every call then runs
 * as that client (grants, audit).
 */
public interface LocalGateway {

    /** Where the adapter finds the gateway. */
    String JNDI_NAME = "java:global/keyhaven/keyhaven-ejb/LocalGatewayBean!org.keyhaven.jca.spi.LocalGateway";

    /** A fresh random challenge, usable once, within a minute. */
    byte[] challenge();

    /**
     * Opens a session for the client whose certificate chain (DER, leaf first) is given, proven by {@code signature}
     * over {@code challenge} made with the leaf's private key ({@code SHA256withRSA}, {@code SHA256withECDSA} or
     * {@code Ed25519} by key type). Answers an opaque session handle.
     */
    String open(List<byte[]> certificateChain, byte[] challenge, byte[] signature) throws KeyManagerException;

    /** Ends a session; unknown handles are ignored. */
    void close(String session);

    KeyMaterial getKey(String session, String key, Integer version) throws KeyManagerException;

    Ciphertext encrypt(String session, String key, byte[] plaintext, byte[] aad) throws KeyManagerException;

    byte[] decrypt(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException;

    Signature sign(String session, String key, String algorithm, byte[] message) throws KeyManagerException;

    /** {@code version} null: the key's current version. */
    boolean verify(String session, String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException;

    MacValue mac(String session, String key, byte[] message) throws KeyManagerException;

    /** {@code version} null: the key's current version. */
    boolean verifyMac(String session, String key, byte[] message, byte[] mac, Integer version)
            throws KeyManagerException;

    DataKey generateDataKey(String session, String key, int bits, byte[] aad) throws KeyManagerException;

    Ciphertext rewrap(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException;

    byte[] random(String session, int length) throws KeyManagerException;

    /** Tells the listener, after commit, about every key whose state, versions or policy changed. */
    void addKeyChangeListener(KeyChangeListener listener);

    void removeKeyChangeListener(KeyChangeListener listener);
}
