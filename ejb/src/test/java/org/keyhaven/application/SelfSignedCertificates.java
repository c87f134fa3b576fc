package org.keyhaven.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates for the keys a test generates, parsed back by the JDK as certificates from a caller are:
 * enough for proof of possession, which looks at the leaf's public key only (whether the certificate identifies a
 * client is ClientAuthenticator's business, tested with it).
 */
final class SelfSignedCertificates {

    private SelfSignedCertificates() {
    }

    static X509Certificate of(KeyPair pair) {
        Instant now = Instant.now();
        String algorithm = switch (pair.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name("CN=orders-app"),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=orders-app"),
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new AssertionError("cannot make a test certificate", e);
        }
    }
}
