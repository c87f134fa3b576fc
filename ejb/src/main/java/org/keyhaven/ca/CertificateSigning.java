package org.keyhaven.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/** What every certificate Keyhaven signs has in common: serial numbers, validity, the signature, key handling. */
final class CertificateSigning {

    /** Certificates start a little in the past so that a peer whose clock lags accepts them at once. */
    static final Duration BACKDATING = Duration.ofMinutes(5);

    private CertificateSigning() {
    }

    /** 159 random bits, positive and never zero (RFC 5280: at most 20 octets; CA/B Forum: 64 random bits at least). */
    static BigInteger serialNumber() {
        return new BigInteger(159, KeyhavenProvider.random()).setBit(150);
    }

    static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo key, Instant now,
            Duration validity) {
        return new X509v3CertificateBuilder(issuer, serialNumber(), Date.from(now.minus(BACKDATING)),
                Date.from(now.plus(validity)), subject, key);
    }

    /** Signs with the issuer's key (PKCS#8, lent) using the hash that matches its strength. */
    static X509Certificate sign(X509v3CertificateBuilder builder, SecretBytes issuerKey) {
        String algorithm = issuerKey.use(CertificateSigning::signatureAlgorithm);
        PrivateKey key = privateKey(issuerKey);
        try {
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).setProvider(KeyhavenProvider.get())
                    .setSecureRandom(KeyhavenProvider.random()).build(key)).getEncoded();
            return Pem.parseCertificate(der);
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot sign a certificate", null, e);
        } finally {
            destroy(key);
        }
    }

    static void addExtension(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid, boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot encode a certificate extension", null, e);
        }
    }

    static KeyPair generateEcKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", KeyhavenProvider.get());
            generator.initialize(new ECGenParameterSpec(curve), KeyhavenProvider.random());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot generate an EC key pair", null, e);
        }
    }

    /** The PKCS#8 encoding of a freshly generated key, which is destroyed: the encoding is all that remains. */
    static SecretBytes encodeAndDestroy(PrivateKey key) {
        SecretBytes encoded = SecretBytes.adopt(key.getEncoded());
        destroy(key);
        return encoded;
    }

    static PrivateKey privateKey(SecretBytes pkcs8) {
        return pkcs8.use(encoded -> {
            try {
                String algorithm = keyAlgorithm(PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm()
                        .getAlgorithm());
                return KeyFactory.getInstance(algorithm, KeyhavenProvider.get())
                        .generatePrivate(new PKCS8EncodedKeySpec(encoded));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new KeyhavenException(ErrorCode.INTERNAL, "a CA private key does not decode", null, e);
            }
        });
    }

    static void destroy(PrivateKey key) {
        try {
            if (!key.isDestroyed()) {
                key.destroy();
            }
        } catch (DestroyFailedException e) {
            // Ed25519 keys cannot be destroyed; the garbage collector takes them
        }
    }

    private static String keyAlgorithm(ASN1ObjectIdentifier oid) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "EC";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "Ed25519";
        }
        return "RSA";
    }

    private static String signatureAlgorithm(byte[] pkcs8) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            Object curve = info.getPrivateKeyAlgorithm().getParameters();
            if (SECObjectIdentifiers.secp521r1.equals(curve)) {
                return "SHA512withECDSA";
            }
            return SECObjectIdentifiers.secp384r1.equals(curve) ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return EdECObjectIdentifiers.id_Ed25519.equals(algorithm) ? "Ed25519" : "SHA256withRSA";
    }
}
