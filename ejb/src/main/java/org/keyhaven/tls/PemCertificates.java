package org.keyhaven.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Reading facts from PEM certificates the TLS layer handles. */
final class PemCertificates {

    private PemCertificates() {
    }

    static Instant notAfterOfFirst(String pemChain) {
        try {
            X509Certificate first = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemChain.getBytes(StandardCharsets.US_ASCII)));
            return first.getNotAfter().toInstant();
        } catch (CertificateException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "issued server certificate does not parse", null, e);
        }
    }
}
