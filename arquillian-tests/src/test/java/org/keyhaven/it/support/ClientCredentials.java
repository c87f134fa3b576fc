package org.keyhaven.it.support;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an application holds after Keyhaven issued (or registered) its certificate: the client's id and name as the
 * management API knows them, the certificate's fingerprint, and the private key with the chain (leaf first) it
 * presents in the TLS handshake.
 */
public record ClientCredentials(String clientId, String clientName, String fingerprint, PrivateKey privateKey,
        List<X509Certificate> chain) {

    public ClientCredentials {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The actor name the audit trail gives this client. */
    public String actor() {
        return "client:" + clientName;
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientName + " " + fingerprint + "]";
    }
}
