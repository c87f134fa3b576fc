package org.keyhaven.jca.adapter;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;
import org.keyhaven.jca.spi.LocalGateway;

/**
 * Local mode: Keyhaven in the same server, reached through its {@link LocalGateway} with one session per managed
 * connection. The session is opened with proof of possession (the client key signs a fresh challenge), so every call
 * runs as the configured client, with its grants and audit, exactly as over mutual TLS. A gateway that fails outside
 * its contract (a runtime exception: Keyhaven undeployed or stopping) breaks the transport, so the pool drops it.
 */
final class LocalTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(LocalTransport.class.getName());

    @FunctionalInterface
    private interface Call<T> {
        T on(String session) throws KeyManagerException;
    }

    private final LocalGateway gateway;
    private final ClientCredentials credentials;
    private volatile String session;
    private volatile boolean closed;
    private volatile boolean broken;

    private LocalTransport(LocalGateway gateway, ClientCredentials credentials, String session) {
        this.gateway = gateway;
        this.credentials = credentials;
        this.session = session;
    }

    /** Opens a session for the client: challenge, signature with the client key, chain (leaf first). */
    static LocalTransport open(LocalGateway gateway, ClientCredentials credentials) throws KeyManagerException {
        return new LocalTransport(gateway, credentials, openSession(gateway, credentials));
    }

    private static String openSession(LocalGateway gateway, ClientCredentials credentials)
            throws KeyManagerException {
        try {
            byte[] challenge = gateway.challenge();
            byte[] signature = ProofOfPossession.sign(credentials.privateKey(), challenge);
            List<byte[]> chain = new ArrayList<>(credentials.chain().size());
            for (X509Certificate certificate : credentials.chain()) {
                chain.add(certificate.getEncoded());
            }
            return gateway.open(chain, challenge, signature);
        } catch (CertificateEncodingException e) {
            throw new KeyManagerException(KeyManagerException.Reason.AUTHENTICATION,
                    "the client certificate chain cannot be encoded: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new KeyManagerException(KeyManagerException.Reason.AUTHENTICATION,
                    "the client key cannot sign Keyhaven's challenge: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keyhaven's local gateway failed while opening a session", e);
            throw new KeyManagerException(KeyManagerException.Reason.UNAVAILABLE,
                    "Keyhaven's local gateway failed while opening a session (" + e.getClass().getName() + ")");
        }
    }

    @Override
    public KeyMaterial getKey(String key, Integer version) throws KeyManagerException {
        return call(s -> gateway.getKey(s, key, version));
    }

    @Override
    public Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        return call(s -> gateway.encrypt(s, key, plaintext, aad));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return call(s -> gateway.decrypt(s, ciphertext, aad));
    }

    @Override
    public Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException {
        return call(s -> gateway.sign(s, key, algorithm, message));
    }

    @Override
    public boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException {
        return call(s -> gateway.verify(s, key, algorithm, message, signature, version));
    }

    @Override
    public MacValue mac(String key, byte[] message) throws KeyManagerException {
        return call(s -> gateway.mac(s, key, message));
    }

    @Override
    public boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException {
        return call(s -> gateway.verifyMac(s, key, message, mac, version));
    }

    @Override
    public DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException {
        return call(s -> gateway.generateDataKey(s, key, bits, aad));
    }

    @Override
    public Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return call(s -> gateway.rewrap(s, ciphertext, aad));
    }

    @Override
    public byte[] random(int length) throws KeyManagerException {
        return call(s -> gateway.random(s, length));
    }

    /** No call is made: a probe would be audited as a client request. Broken or closed transports are invalid. */
    @Override
    public boolean valid() {
        return !closed && !broken;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gateway.close(session);
        } catch (RuntimeException e) {
            // Keyhaven stopping before the pool: its sessions end with it
            LOG.log(Level.FINE, "the local gateway could not close a session", e);
        }
    }

    /** A fresh session; when that fails too the transport is done (a refused identity keeps its reason). */
    private String reopen() throws KeyManagerException {
        try {
            return openSession(gateway, credentials);
        } catch (KeyManagerException e) {
            broken = true;
            throw e.reason() == KeyManagerException.Reason.AUTHENTICATION ? e : new KeyManagerException(
                    KeyManagerException.Reason.CONNECTION, "the Keyhaven session ended and cannot be opened again: "
                    + e.getMessage());
        }
    }

    private <T> T call(Call<T> call) throws KeyManagerException {
        if (closed) {
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION, "the Keyhaven session is closed");
        }
        try {
            try {
                return call.on(session);
            } catch (KeyManagerException e) {
                if (e.reason() != KeyManagerException.Reason.CONNECTION) {
                    throw e;
                }
                // the session ended on Keyhaven's side (idle expiry, restart): the call was not carried out, so
                // prove possession again and make it once more under a fresh session
                session = reopen();
                return call.on(session);
            }
        } catch (KeyManagerException e) {
            if (e.reason() == KeyManagerException.Reason.CONNECTION) {
                broken = true;
            }
            throw e;
        } catch (RuntimeException e) {
            broken = true;
            LOG.log(Level.WARNING, "Keyhaven's local gateway failed; the connection will be discarded", e);
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION,
                    "Keyhaven's local gateway failed (" + e.getClass().getName() + "); get a new connection");
        }
    }
}
