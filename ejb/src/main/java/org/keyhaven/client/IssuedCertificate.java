package org.keyhaven.client;

import java.time.Instant;

/** The facts Keyhaven keeps about a certificate it issued or registered for a client. */
public record IssuedCertificate(String fingerprint, String serialNumber, String subject, Instant notBefore,
        Instant notAfter, String pem) {
}
