package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.ca.Fixtures.authorityKeyIdentifier;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;
import static org.keyhaven.ca.Fixtures.subjectAttribute;
import static org.keyhaven.ca.Fixtures.subjectKeyIdentifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.ca.Fixtures.Kind;

class CertificateIssuerClientTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    private final CertifiedKey ca = Fixtures.internalCa("client tests");
    private final CertificateIssuer issuer = Fixtures.issuer(ca);

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void certifiesTheKeyOfTheCsr(Kind kind) {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(kind), "CN=ignored"), "backup-agent");

        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(pair(kind).getPublic().getEncoded());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void theCertificateIsSignedByTheCa(Kind kind) throws GeneralSecurityException {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(kind), "CN=x"), "backup-agent");

        certificate.verify(ca.certificate().getPublicKey());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    }

    @Test
    void theSubjectNamesTheClientNotTheCsrSubject() {
        PKCS10CertificationRequest request = csr(pair(Kind.EC_P256), "CN=admin, O=Keyhaven, OU=Keyhaven clients");

        X509Certificate certificate = issuer.issueClientCertificate(request, "backup-agent");

        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("backup-agent");
        assertThat(subjectAttribute(certificate, BCStyle.O)).containsExactly("Keyhaven");
        assertThat(subjectAttribute(certificate, BCStyle.OU)).containsExactly("Keyhaven clients");
        assertThat(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs()).hasSize(3);
    }

    @Test
    void aClientNameThatLooksLikeADistinguishedNameStaysOneCommonName() {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                "agent, OU=admins, CN=root");

        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("agent, OU=admins, CN=root");
        assertThat(subjectAttribute(certificate, BCStyle.OU)).containsExactly("Keyhaven clients");
    }

    @Test
    void theCertificateIsForClientAuthenticationOnly() throws CertificateParsingException {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");

        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        boolean[] digitalSignatureOnly = new boolean[9];
        digitalSignatureOnly[0] = true;
        assertThat(Arrays.copyOf(certificate.getKeyUsage(), 9)).containsExactly(digitalSignatureOnly);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(KEY_USAGE, BASIC_CONSTRAINTS);
    }

    @Test
    void theCertificateIsNotACa() {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtensionValue(BASIC_CONSTRAINTS)).as("cA=false stated explicitly").isNotNull();
    }

    @Test
    void theAuthorityKeyIdentifierIsTheCasSubjectKeyIdentifier() {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");

        assertThat(authorityKeyIdentifier(certificate)).isEqualTo(subjectKeyIdentifier(ca.certificate()));
        assertThat(subjectKeyIdentifier(certificate)).isNotEqualTo(subjectKeyIdentifier(ca.certificate()));
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets());
        assertThat(aki.getAuthorityCertIssuer()).as("no issuer name").isNull();
        assertThat(aki.getAuthorityCertSerialNumber()).as("no issuer serial number").isNull();
    }

    @Test
    void theCertificateIsValidFor397DaysFromFiveMinutesAgo() {
        Instant before = Instant.now();
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");
        Instant after = Instant.now();

        assertThat(certificate.getNotBefore().toInstant()).isBetween(
                before.minus(Duration.ofMinutes(5)).minusSeconds(1), after.minus(Duration.ofMinutes(5)));
        assertThat(certificate.getNotAfter().toInstant()).isBetween(
                before.plus(Duration.ofDays(397)).minusSeconds(1), after.plus(Duration.ofDays(397)));
        assertThat(CertificateIssuer.CLIENT_VALIDITY).isEqualTo(Duration.ofDays(397));
    }

    @Test
    void extensionsRequestedInTheCsrAreIgnored()
            throws IOException, OperatorCreationException, CertificateParsingException {
        ExtensionsGenerator requested = new ExtensionsGenerator();
        requested.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        requested.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
        requested.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"),
                pair(Kind.EC_P256).getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, requested.generate())
                .build(Fixtures.signer(pair(Kind.EC_P256).getPrivate()));

        X509Certificate certificate = issuer.issueClientCertificate(request, "agent");

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getKeyUsage()[5]).isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    }

    @Test
    void theChainIsTheLeafThenTheCa() {
        X509Certificate certificate = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");

        assertThat(issuer.chain(certificate)).containsExactly(certificate, ca.certificate());
    }

    @Test
    void aGeneratedKeyIsEcP256AndMatchesItsCertificate() throws GeneralSecurityException {
        try (CertifiedKey generated = issuer.issueClientKeyAndCertificate("laptop")) {
            X509Certificate certificate = generated.certificate();
            byte[] pkcs8 = generated.privateKey().copy();
            PrivateKey key = KeyFactory.getInstance("EC", "SunEC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Arrays.fill(pkcs8, (byte) 0);
            byte[] message = "challenge".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message);

            assertThat(verifier.verify(signature)).isTrue();
            assertThat(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()).getAlgorithm()
                    .getParameters()).isEqualTo(SECObjectIdentifiers.secp256r1);
            assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("laptop");
            assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
            certificate.verify(ca.certificate().getPublicKey());
        }
    }

    @Test
    void aGeneratedKeyComesWithTheChainToTheCa() {
        try (CertifiedKey generated = issuer.issueClientKeyAndCertificate("laptop")) {
            assertThat(generated.chain()).containsExactly(generated.certificate(), ca.certificate());
        }
    }

    @Test
    void closingAGeneratedKeyWipesIt() {
        CertifiedKey generated = issuer.issueClientKeyAndCertificate("laptop");

        generated.close();

        assertThat(generated.privateKey().isDestroyed()).isTrue();
    }

    @Test
    void twoGeneratedKeysDiffer() {
        try (CertifiedKey first = issuer.issueClientKeyAndCertificate("a");
                CertifiedKey second = issuer.issueClientKeyAndCertificate("a")) {
            assertThat(first.certificate().getPublicKey()).isNotEqualTo(second.certificate().getPublicKey());
        }
    }

    @Test
    void theIssuerDoesNotWipeTheLentCaKey() {
        issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");
        issuer.issueClientKeyAndCertificate("laptop").close();

        assertThat(ca.privateKey().isDestroyed()).isFalse();
    }
}
