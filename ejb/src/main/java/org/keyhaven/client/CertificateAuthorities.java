package org.keyhaven.client;

import java.util.List;

/** The CAs as the TLS layer needs them: the internal CA signs the server's certificate; enabled CAs are trusted. */
public interface CertificateAuthorities {

    /** Whether the internal CA exists (it is made at the first unseal). */
    boolean hasInternalCa();

    /** Signs a server certificate request with the internal CA; the PEM chain, server certificate first. */
    String issueServerCertificateChain(String csrPem, List<String> dnsNames, List<String> ipAddresses);

    /** Every enabled CA, internal and external: what the client trust store must hold. */
    List<TrustAnchor> clientTrustAnchors();

    /** The internal CA certificate as PEM (what clients trust the server by). */
    String internalCaCertificatePem();
}
