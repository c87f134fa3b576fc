package org.keyhaven.jca.adapter;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The application client identity a connection factory is configured with: the client certificate chain (leaf
 * first) and its private key, loaded from the configured PKCS#12 file. Two factories with the same certificate are
 * the same identity; connections are matched on the leaf certificate's fingerprint.
 */
record ClientCredentials(List<X509Certificate> chain, PrivateKey privateKey, String fingerprint) {

    @Override
    public String toString() {
        return "ClientCredentials[" + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
}
