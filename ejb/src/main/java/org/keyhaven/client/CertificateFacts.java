package org.keyhaven.client;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.keyhaven.ca.CertificateFingerprint;
import org.keyhaven.ca.ClientCertificateCheck;
import org.keyhaven.ca.ClientCertificateVerdict;
import org.keyhaven.ca.Pem;
import org.keyhaven.ca.TrustedCa;

/** Bridges the PKI logic of {@code org.keyhaven.ca} and the stored clients and CAs. */
final class CertificateFacts {

    private CertificateFacts() {
    }

    static String fingerprint(X509Certificate certificate) {
        return CertificateFingerprint.of(certificate).hex();
    }

    /** Null when the certificate is acceptable now as issued by this CA, else why not, in words. */
    static String problemWith(X509Certificate leaf, CertificateAuthority issuer, Instant now) {
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(trusted(issuer)));
        ClientCertificateVerdict verdict = check.check(List.of(leaf), now);
        return verdict instanceof ClientCertificateVerdict.Refused refused ? refused.reason().description() : null;
    }

    static TrustedCa trusted(CertificateAuthority ca) {
        return new TrustedCa(ca.id(), Pem.certificate(ca.certificatePem()), ca.requireClientAuthEku());
    }

    static IssuedCertificate facts(X509Certificate certificate) {
        return new IssuedCertificate(fingerprint(certificate), certificate.getSerialNumber().toString(16),
                certificate.getSubjectX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Pem.write(certificate));
    }
}
