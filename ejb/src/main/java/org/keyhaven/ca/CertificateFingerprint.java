package org.keyhaven.ca;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** SHA-256 over a certificate's DER encoding, as lower-case hex: how clients and CAs are recognised. */
public record CertificateFingerprint(String hex) {

    public CertificateFingerprint {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
        }
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CertificateFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot fingerprint a certificate", null, e);
        }
    }
}
