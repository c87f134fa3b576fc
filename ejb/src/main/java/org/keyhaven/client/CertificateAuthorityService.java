package org.keyhaven.client;

import java.util.List;

/** The certificate authorities whose client certificates are trusted: listed, registered and switched by admins. */
public interface CertificateAuthorityService {

    List<CaView> list();

    /** Registers an external CA (a CA certificate in PEM) whose client certificates may then be registered. */
    CaView registerExternal(String name, String certificatePem, boolean requireClientAuthEku);

    CaView setEnabled(String id, boolean enabled);

    CaView setRequireClientAuthEku(String id, boolean require);

    /** The internal CA certificate (PEM), which clients trust Keyhaven's TLS certificate by. Public. */
    String internalCaCertificatePem();
}
