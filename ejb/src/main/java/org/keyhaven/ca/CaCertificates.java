package org.keyhaven.ca;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;

/** Rules for a certificate an administrator registers as an external CA. */
public final class CaCertificates {

    private static final int KEY_CERT_SIGN = 5;

    private CaCertificates() {
    }

    /**
     * It must be a CA certificate (basic constraints, and keyCertSign where key usage is given), valid now, with an
     * acceptable key and, when self-issued, a valid self-signature.
     */
    public static CertificateFingerprint validateExternalCa(X509Certificate certificate) {
        if (certificate.getBasicConstraints() < 0) {
            throw refused("it is not a CA certificate (no basic constraints with cA=true)");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && (usage.length <= KEY_CERT_SIGN || !usage[KEY_CERT_SIGN])) {
            throw refused("its key usage does not allow signing certificates");
        }
        Instant now = Times.now();
        if (certificate.getNotBefore().after(Date.from(now)) || certificate.getNotAfter().before(Date.from(now))) {
            throw refused("it is not within its validity period");
        }
        String keyProblem = PublicKeyPolicy.problemWith(certificate.getPublicKey());
        if (keyProblem != null) {
            throw refused(keyProblem);
        }
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            try {
                certificate.verify(certificate.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                throw refused("its self-signature does not verify");
            }
        }
        return CertificateFingerprint.of(certificate);
    }

    private static KeyhavenException refused(String why) {
        return new KeyhavenException(ErrorCode.INVALID_CERTIFICATE, "the CA certificate is refused: " + why);
    }
}
