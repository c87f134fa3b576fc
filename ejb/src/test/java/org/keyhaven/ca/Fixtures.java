package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/**
 * Keys, CSRs and CAs shared by the tests of this package. Key pairs are generated once per kind and JVM; a second
 * pair of a kind ({@link #otherPair}) serves as "another key of the same kind". Bouncy Castle operations use
 * {@link KeyhavenProvider#get()}; DSA comes from the JDK, whose 2048-bit parameters are precomputed.
 */
final class Fixtures {

    enum Kind {
        RSA_1024, RSA_2048, EC_P256, EC_P384, EC_P521, EC_SECP256K1, ED25519, X25519, DSA
    }

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();
    private static final Map<String, CertifiedKey> INTERNAL_CAS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static KeyPair pair(Kind kind) {
        return PAIRS.computeIfAbsent(kind.name(), name -> generate(kind));
    }

    static KeyPair otherPair(Kind kind) {
        return PAIRS.computeIfAbsent(kind.name() + " other", name -> generate(kind));
    }

    static KeyPair generate(Kind kind) {
        try {
            return switch (kind) {
                case RSA_1024 -> rsa(1024);
                case RSA_2048 -> rsa(2048);
                case EC_P256 -> ec("secp256r1");
                case EC_P384 -> ec("secp384r1");
                case EC_P521 -> ec("secp521r1");
                case EC_SECP256K1 -> ec("secp256k1");
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519", KeyhavenProvider.get()).generateKeyPair();
                case X25519 -> KeyPairGenerator.getInstance("X25519", KeyhavenProvider.get()).generateKeyPair();
                case DSA -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA", "SUN");
                    generator.initialize(2048);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + kind, e);
        }
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", KeyhavenProvider.get());
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", KeyhavenProvider.get());
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** The installation's internal CA of this label, created once per JVM and never closed. */
    static CertifiedKey internalCa(String label) {
        return INTERNAL_CAS.computeIfAbsent(label, InternalCaFactory::create);
    }

    static CertificateIssuer issuer(CertifiedKey ca) {
        return new CertificateIssuer(ca.certificate(), ca.privateKey());
    }

    /** An issuer for a CA certificate built in a test, signing with {@code pair}'s private key. */
    static CertificateIssuer issuer(X509Certificate caCertificate, KeyPair pair) {
        return new CertificateIssuer(caCertificate, pkcs8(pair));
    }

    static SecretBytes pkcs8(KeyPair pair) {
        return SecretBytes.copyOf(pair.getPrivate().getEncoded());
    }

    /** A CSR for the pair's key, signed by it. */
    static PKCS10CertificationRequest csr(KeyPair pair, String subject) {
        return csr(pair.getPublic(), pair.getPrivate(), subject);
    }

    /** A CSR naming {@code publicKey} but signed by {@code signingKey}, which need not match it. */
    static PKCS10CertificationRequest csr(PublicKey publicKey, PrivateKey signingKey, String subject) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), publicKey).build(signer(signingKey));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(signatureAlgorithm(key)).setProvider(KeyhavenProvider.get()).build(key);
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "DSA" -> "SHA256withDSA";
            default -> throw new IllegalArgumentException("no signature algorithm for " + key.getAlgorithm());
        };
    }

    static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        assertThat(value).as("subjectKeyIdentifier of %s", certificate.getSubjectX500Principal()).isNotNull();
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    static byte[] authorityKeyIdentifier(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        assertThat(value).as("authorityKeyIdentifier of %s", certificate.getSubjectX500Principal()).isNotNull();
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    /** The values of the attribute in the certificate's subject, in order. */
    static List<String> subjectAttribute(X509Certificate certificate, ASN1ObjectIdentifier attribute) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return Arrays.stream(name.getRDNs(attribute))
                .map(rdn -> ((ASN1String) rdn.getFirst().getValue()).getString()).toList();
    }


}
