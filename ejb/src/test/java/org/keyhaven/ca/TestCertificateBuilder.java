package org.keyhaven.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * Builds the certificates Keyhaven does not issue itself (external CAs, odd client certificates) with Bouncy
 * Castle's {@link X509v3CertificateBuilder}. Every property has a conventional default that a test overrides; the
 * result is parsed by the JDK's certificate factory, as certificates from the network are.
 */
final class TestCertificateBuilder {

    private static long serial = 1000;
    private String signatureAlgorithm;
    private String criticalExtension;

    private X500Name subject;
    private PublicKey subjectKey;
    private X500Name issuer;
    private PrivateKey signingKey;
    private PublicKey issuerKey;
    private Instant notBefore;
    private Instant notAfter;
    private BasicConstraints basicConstraints;
    private Integer keyUsage;
    private KeyPurposeId[] extendedKeyUsage;

    private TestCertificateBuilder() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        notBefore = now.minus(Duration.ofDays(1));
        notAfter = now.plus(Duration.ofDays(30));
    }

    /** A self-signed root: cA=true (critical), keyUsage keyCertSign and cRLSign (critical), valid a month. */
    static TestCertificateBuilder ca(String subject, KeyPair pair) {
        TestCertificateBuilder builder = new TestCertificateBuilder();
        builder.subject = new X500Name(subject);
        builder.subjectKey = pair.getPublic();
        builder.issuer = builder.subject;
        builder.signingKey = pair.getPrivate();
        builder.issuerKey = pair.getPublic();
        builder.basicConstraints = new BasicConstraints(true);
        builder.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
        return builder;
    }

    /**
     * A client certificate for {@code key} signed by the CA: cA=false, keyUsage digitalSignature, extended key usage
     * clientAuth, valid a month.
     */
    static TestCertificateBuilder client(String subject, PublicKey key, X509Certificate ca, PrivateKey caKey) {
        TestCertificateBuilder builder = new TestCertificateBuilder();
        builder.subject = new X500Name(subject);
        builder.subjectKey = key;
        builder.issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        builder.signingKey = caKey;
        builder.issuerKey = ca.getPublicKey();
        builder.basicConstraints = new BasicConstraints(false);
        builder.keyUsage = KeyUsage.digitalSignature;
        builder.extendedKeyUsage = new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth};
        return builder;
    }

    TestCertificateBuilder validity(Instant from, Instant to) {
        notBefore = from;
        notAfter = to;
        return this;
    }

    /** Null leaves the extension out. */
    TestCertificateBuilder basicConstraints(BasicConstraints constraints) {
        basicConstraints = constraints;
        return this;
    }

    /** Null leaves the extension out. */
    TestCertificateBuilder keyUsage(Integer usage) {
        keyUsage = usage;
        return this;
    }

    /** Signs with this JCA algorithm instead of the conventional SHA-256 one. */
    TestCertificateBuilder signatureAlgorithm(String algorithm) {
        signatureAlgorithm = algorithm;
        return this;
    }

    /** Adds a critical extension of this type (with an empty value) that nobody processes. */
    TestCertificateBuilder criticalExtension(String oid) {
        criticalExtension = oid;
        return this;
    }

    /** No purposes leaves the extension out. */
    TestCertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        extendedKeyUsage = purposes;
        return this;
    }

    X509Certificate build() {
        try {
            SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded());
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, nextSerial(), Date.from(notBefore),
                    Date.from(notAfter), subject, key);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            if (basicConstraints != null) {
                builder.addExtension(Extension.basicConstraints, true, basicConstraints);
            }
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (extendedKeyUsage != null && extendedKeyUsage.length > 0) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKey));
            if (criticalExtension != null) {
                builder.addExtension(new ASN1ObjectIdentifier(criticalExtension), true, DERNull.INSTANCE);
            }
            ContentSigner signer = signatureAlgorithm == null ? Fixtures.signer(signingKey)
                    : new JcaContentSignerBuilder(signatureAlgorithm).setProvider(KeyhavenProvider.get())
                            .build(signingKey);
            byte[] der = builder.build(signer).getEncoded();
            return parse(der);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build a test certificate", e);
        }
    }

    static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static synchronized BigInteger nextSerial() {
        return BigInteger.valueOf(++serial);
    }
}
