package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.keyhaven.ca.ClientCertificateVerdict.Accepted;
import org.keyhaven.ca.ClientCertificateVerdict.Refused;
import org.keyhaven.ca.Fixtures.Kind;
import org.keyhaven.testing.Tampering;

class ClientCertificateCheckTest {

    private static final String CA_NAME = "CN=Example Client CA, O=Example";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final KeyPair caPair = pair(Kind.EC_P256);
    private final X509Certificate externalCa = TestCertificateBuilder.ca(CA_NAME, caPair)
            .validity(now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(365))).build();
    private final TrustedCa external = new TrustedCa("external", externalCa, true);
    private final CertifiedKey internalCa = Fixtures.internalCa("client check");
    private final TrustedCa internal = new TrustedCa("internal", internalCa.certificate(), true);
    private final PublicKey clientKey = pair(Kind.EC_P384).getPublic();

    @Test
    void aCertificateIssuedByTheInternalCaIsAccepted() {
        X509Certificate leaf = Fixtures.issuer(internalCa).issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                "agent");
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(external, internal));

        assertThat(check.check(List.of(leaf), now)).isEqualTo(new Accepted(internal));
        assertThat(check.check(Fixtures.issuer(internalCa).chain(leaf), now)).isEqualTo(new Accepted(internal));
    }

    @Test
    void aCertificateIssuedByAnExternalCaIsAcceptedAsThatCas() {
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(internal, external));

        assertThat(check.check(List.of(client().build()), now)).isEqualTo(new Accepted(external));
    }

    @Test
    void anEd25519ClientOfAnRsaCaIsAccepted() {
        KeyPair rsa = pair(Kind.RSA_2048);
        X509Certificate ca = TestCertificateBuilder.ca("CN=RSA CA", rsa).build();
        X509Certificate leaf = TestCertificateBuilder.client("CN=ed", pair(Kind.ED25519).getPublic(), ca,
                rsa.getPrivate()).build();
        TrustedCa trusted = new TrustedCa("rsa", ca, true);

        assertThat(new ClientCertificateCheck(List.of(trusted)).check(List.of(leaf), now))
                .isEqualTo(new Accepted(trusted));
    }

    @Test
    void noCertificateIsRefused() {
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(external));

        assertThat(check.check(List.of(), now)).isEqualTo(refused(ClientCertificateRefusal.NO_CERTIFICATE));
        assertThat(check.check(null, now)).isEqualTo(refused(ClientCertificateRefusal.NO_CERTIFICATE));
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() {
        X509Certificate leaf = client().build();

        assertThat(verdict(List.of(internal), leaf)).isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
    }

    @Test
    void aCertificateOfAnotherCaWithTheSameNameIsRefused() {
        KeyPair impostorPair = Fixtures.otherPair(Kind.EC_P256);
        X509Certificate impostor = TestCertificateBuilder.ca(CA_NAME, impostorPair).build();
        X509Certificate leaf = TestCertificateBuilder.client("CN=agent", clientKey, impostor,
                impostorPair.getPrivate()).build();
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(externalCa.getSubjectX500Principal());

        assertThat(verdict(List.of(external), leaf)).isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
    }

    @Test
    void aCertificateOfAnotherInternalCaWithTheSameLabelIsRefused() {
        try (CertifiedKey otherInstallation = InternalCaFactory.create("client check")) {
            X509Certificate leaf = Fixtures.issuer(otherInstallation).issueClientCertificate(
                    csr(pair(Kind.EC_P256), "CN=x"), "agent");

            assertThat(verdict(List.of(internal), leaf))
                    .isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
        }
    }

    @Test
    void aCertificateWithACorruptedSignatureIsRefused() throws GeneralSecurityException {
        byte[] der = client().build().getEncoded();
        X509Certificate corrupted = TestCertificateBuilder.parse(Tampering.flipBit(der, (der.length - 2) * 8));

        assertThat(verdict(List.of(external), corrupted))
                .isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
    }

    @Test
    void onlyTheLeafIsCheckedNotCertificatesThatFollowIt() {
        X509Certificate untrusted = client().build();
        X509Certificate trusted = Fixtures.issuer(internalCa).issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                "agent");

        assertThat(verdict(List.of(internal), untrusted, trusted))
                .isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
    }

    @Test
    void aCertificateIsValidFromItsNotBeforeToItsNotAfterInclusive() {
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(1));
        X509Certificate leaf = client().validity(from, to).build();
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(external));

        assertThat(check.check(List.of(leaf), from.minusSeconds(1)))
                .isEqualTo(refused(ClientCertificateRefusal.NOT_YET_VALID));
        assertThat(check.check(List.of(leaf), from)).isEqualTo(new Accepted(external));
        assertThat(check.check(List.of(leaf), to)).isEqualTo(new Accepted(external));
        assertThat(check.check(List.of(leaf), to.plusSeconds(1))).isEqualTo(refused(ClientCertificateRefusal.EXPIRED));
    }

    @Test
    void anIssuedCertificateExpiresAfter397Days() {
        X509Certificate leaf = Fixtures.issuer(internalCa).issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                "agent");
        ClientCertificateCheck check = new ClientCertificateCheck(List.of(internal));

        assertThat(check.check(List.of(leaf), now.plus(Duration.ofDays(396))).getClass()).isEqualTo(Accepted.class);
        assertThat(check.check(List.of(leaf), now.plus(Duration.ofDays(398))))
                .isEqualTo(refused(ClientCertificateRefusal.EXPIRED));
        assertThat(check.check(List.of(leaf), now.minus(Duration.ofMinutes(6))))
                .isEqualTo(refused(ClientCertificateRefusal.NOT_YET_VALID));
    }

    @Test
    void aCertificateOfAnExpiredCaIsRefused() {
        X509Certificate shortLivedCa = TestCertificateBuilder.ca(CA_NAME, caPair)
                .validity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))).build();
        X509Certificate leaf = client().validity(now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(5))).build();

        assertThat(verdict(List.of(new TrustedCa("expired", shortLivedCa, true)), leaf))
                .isEqualTo(refused(ClientCertificateRefusal.ISSUER_NOT_VALID));
    }

    @Test
    void aCertificateOfACaThatIsNotValidYetIsRefused() {
        X509Certificate futureCa = TestCertificateBuilder.ca(CA_NAME, caPair)
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))).build();
        X509Certificate leaf = client().validity(now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(5))).build();

        assertThat(verdict(List.of(new TrustedCa("future", futureCa, true)), leaf))
                .isEqualTo(refused(ClientCertificateRefusal.ISSUER_NOT_VALID));
    }

    @Test
    void aLeafThatIsACaIsRefused() {
        X509Certificate subCa = client().basicConstraints(new BasicConstraints(true)).build();
        X509Certificate subCaWithPathLength = client().basicConstraints(new BasicConstraints(0)).build();

        assertThat(verdict(List.of(external), subCa)).isEqualTo(refused(ClientCertificateRefusal.IS_A_CA));
        assertThat(verdict(List.of(external), subCaWithPathLength))
                .isEqualTo(refused(ClientCertificateRefusal.IS_A_CA));
    }

    @Test
    void aLeafWithoutBasicConstraintsIsAnEndEntity() {
        X509Certificate leaf = client().basicConstraints(null).build();

        assertThat(verdict(List.of(external), leaf)).isEqualTo(new Accepted(external));
    }

    @Test
    void aKeyUsageWithoutDigitalSignatureIsRefused() {
        X509Certificate leaf = client().keyUsage(KeyUsage.keyEncipherment | KeyUsage.keyAgreement).build();

        assertThat(verdict(List.of(external), leaf))
                .isEqualTo(refused(ClientCertificateRefusal.NO_SIGNATURE_KEY_USAGE));
    }

    @Test
    void aLeafSignedWithSha1IsRefused() {
        X509Certificate leaf = client().signatureAlgorithm("SHA1withECDSA").build();

        assertThat(verdict(List.of(external), leaf)).isEqualTo(refused(ClientCertificateRefusal.WEAK_SIGNATURE));
    }

    @Test
    void aLeafWithACriticalExtensionNobodyProcessesIsRefused() {
        X509Certificate leaf = client().criticalExtension("1.3.6.1.4.1.99999.1").build();

        assertThat(verdict(List.of(external), leaf))
                .isEqualTo(refused(ClientCertificateRefusal.UNKNOWN_CRITICAL_EXTENSION));
    }

    @Test
    void aLeafWithoutKeyUsageIsAccepted() {
        X509Certificate leaf = client().keyUsage(null).build();

        assertThat(verdict(List.of(external), leaf)).isEqualTo(new Accepted(external));
    }

    @Test
    void withoutTheClientAuthUsageALeafIsRefusedWhereTheCaRequiresIt() {
        X509Certificate noUsage = client().extendedKeyUsage().build();
        X509Certificate serverOnly = client().extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build();

        assertThat(verdict(List.of(external), noUsage))
                .isEqualTo(refused(ClientCertificateRefusal.NO_CLIENT_AUTH_USAGE));
        assertThat(verdict(List.of(external), serverOnly))
                .isEqualTo(refused(ClientCertificateRefusal.NO_CLIENT_AUTH_USAGE));
    }

    @Test
    void withoutTheClientAuthUsageALeafIsAcceptedWhereTheCaDoesNotRequireIt() {
        TrustedCa lenient = new TrustedCa("vcenter", externalCa, false);
        X509Certificate noUsage = client().extendedKeyUsage().build();
        X509Certificate serverOnly = client().extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build();

        assertThat(verdict(List.of(lenient), noUsage)).isEqualTo(new Accepted(lenient));
        assertThat(verdict(List.of(lenient), serverOnly)).isEqualTo(new Accepted(lenient));
    }

    @Test
    void anyExtendedKeyUsageIsAccepted() {
        X509Certificate any = client().extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).build();
        X509Certificate several = client()
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth).build();

        assertThat(verdict(List.of(external), any)).isEqualTo(new Accepted(external));
        assertThat(verdict(List.of(external), several)).isEqualTo(new Accepted(external));
    }

    @Test
    void aServerCertificateOfTheInternalCaIsNotAClientCertificate() {
        X509Certificate server = Fixtures.issuer(internalCa).issueServerCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                List.of("kms.example.org"), List.of(), Duration.ofDays(30));

        assertThat(verdict(List.of(internal), server))
                .isEqualTo(refused(ClientCertificateRefusal.NO_CLIENT_AUTH_USAGE));
    }

    @Test
    void aLeafWithAWeakKeyIsRefused() {
        X509Certificate rsa1024 = TestCertificateBuilder.client("CN=old", pair(Kind.RSA_1024).getPublic(),
                externalCa, caPair.getPrivate()).build();
        X509Certificate secp256k1 = TestCertificateBuilder.client("CN=coin", pair(Kind.EC_SECP256K1).getPublic(),
                externalCa, caPair.getPrivate()).build();

        assertThat(verdict(List.of(external), rsa1024)).isEqualTo(refused(ClientCertificateRefusal.WEAK_KEY));
        assertThat(verdict(List.of(external), secp256k1)).isEqualTo(refused(ClientCertificateRefusal.WEAK_KEY));
    }

    @Test
    void withoutTrustedCasNothingIsAccepted() {
        assertThat(new ClientCertificateCheck(List.of()).check(List.of(client().build()), now))
                .isEqualTo(refused(ClientCertificateRefusal.UNTRUSTED_ISSUER));
    }

    @Test
    void everyRefusalHasADescription() {
        for (ClientCertificateRefusal refusal : ClientCertificateRefusal.values()) {
            assertThat(refusal.description()).isNotBlank();
        }
    }

    private TestCertificateBuilder client() {
        return TestCertificateBuilder.client("CN=agent", clientKey, externalCa, caPair.getPrivate());
    }

    private ClientCertificateVerdict verdict(List<TrustedCa> trusted, X509Certificate... chain) {
        return new ClientCertificateCheck(trusted).check(List.of(chain), now);
    }

    private static ClientCertificateVerdict refused(ClientCertificateRefusal reason) {
        return new Refused(reason);
    }
}
