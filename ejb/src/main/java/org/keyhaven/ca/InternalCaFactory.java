package org.keyhaven.ca;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.SecretBytes;

/**
 * Creates an installation's internal CA: an EC P-384 key and a self-signed root valid for 20 years that may sign
 * end-entity certificates only (path length 0).
 */
public final class InternalCaFactory {

    static final Duration VALIDITY = Duration.ofDays(20 * 365 + 5);
    static final String CURVE = "secp384r1";

    private InternalCaFactory() {
    }

    /** @param installation a short label that tells this installation's CA from others' in certificate viewers */
    public static CertifiedKey create(String installation) {
        KeyPair pair = CertificateSigning.generateEcKeyPair(CURVE);
        SecretBytes privateKey = CertificateSigning.encodeAndDestroy(pair.getPrivate());
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Keyhaven")
                .addRDN(BCStyle.CN, "Keyhaven internal CA " + installation).build();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        Instant now = Times.now();
        X509v3CertificateBuilder builder = CertificateSigning.builder(name, name, publicKey, now, VALIDITY);
        CertificateSigning.addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(0));
        CertificateSigning.addExtension(builder, Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        CertificateSigning.addExtension(builder, Extension.subjectKeyIdentifier, false,
                extensionUtils().createSubjectKeyIdentifier(publicKey));
        try {
            return new CertifiedKey(privateKey, List.of(CertificateSigning.sign(builder, privateKey)));
        } catch (RuntimeException e) {
            privateKey.close();
            throw e;
        }
    }

    static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
        }
    }
}
