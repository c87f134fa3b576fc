package org.keyhaven.ca;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A CA whose certificates identify clients, and whether they must carry the clientAuth extended key usage (some
 * real clients, vCenter among them, present certificates without it).
 */
public record TrustedCa(String id, X509Certificate certificate, boolean requireClientAuthEku) {

    public TrustedCa {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificate, "certificate");
    }
}
