package org.keyhaven.client;

import java.time.Instant;

/** One of a client's certificates as callers see it. */
public record ClientCertificateView(String fingerprint, String serialNumber, String subject, String issuer,
        Instant notBefore, Instant notAfter, CertificateStatus status, Instant revokedAt) {
}
