package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.ca.Fixtures.pair;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.ca.Fixtures.Kind;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.testing.Refusals;
import org.keyhaven.testing.Tampering;

class CaCertificatesTest {

    private static final String ROOT = "CN=Example Root CA, O=Example";

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void aSelfSignedCaIsAcceptedAndFingerprinted(Kind kind) {
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(kind)).build();

        assertThat(CaCertificates.validateExternalCa(ca)).isEqualTo(CertificateFingerprint.of(ca));
    }

    @Test
    void theInternalCaIsAnAcceptableExternalCa() {
        X509Certificate ca = Fixtures.internalCa("external").certificate();

        assertThat(CaCertificates.validateExternalCa(ca)).isEqualTo(CertificateFingerprint.of(ca));
    }

    @Test
    void aCaWithoutKeyUsageIsAccepted() {
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256)).keyUsage(null).build();

        assertThat(CaCertificates.validateExternalCa(ca)).isEqualTo(CertificateFingerprint.of(ca));
    }

    @Test
    void anIntermediateCaIsAcceptedWithoutItsIssuer() {
        X509Certificate root = TestCertificateBuilder.ca(ROOT, pair(Kind.RSA_2048)).build();
        X509Certificate intermediate = TestCertificateBuilder.client("CN=Example Issuing CA",
                        pair(Kind.EC_P256).getPublic(), root, pair(Kind.RSA_2048).getPrivate())
                .basicConstraints(new BasicConstraints(0)).keyUsage(KeyUsage.keyCertSign).extendedKeyUsage()
                .build();

        assertThat(CaCertificates.validateExternalCa(intermediate))
                .isEqualTo(CertificateFingerprint.of(intermediate));
    }

    @Test
    void anEndEntityCertificateIsRefused() {
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256)).build();
        X509Certificate leaf = TestCertificateBuilder.client("CN=leaf", pair(Kind.EC_P384).getPublic(), ca,
                pair(Kind.EC_P256).getPrivate()).build();

        assertRefused(leaf, "not a CA");
    }

    @Test
    void aSelfSignedCertificateWithCaFalseIsRefused() {
        X509Certificate notCa = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256))
                .basicConstraints(new BasicConstraints(false)).build();

        assertRefused(notCa, "not a CA");
    }

    @Test
    void aSelfSignedCertificateWithoutBasicConstraintsIsRefused() {
        X509Certificate notCa = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256)).basicConstraints(null).build();

        assertRefused(notCa, "not a CA");
    }

    @Test
    void aCaWhoseKeyUsageLacksKeyCertSignIsRefused() {
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256))
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign).build();

        assertRefused(ca, "key usage");
    }

    @Test
    void anExpiredCaIsRefused() {
        Instant now = Instant.now();
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256))
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofMinutes(1))).build();

        assertRefused(ca, "validity");
    }

    @Test
    void aCaThatIsNotValidYetIsRefused() {
        Instant now = Instant.now();
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(Kind.EC_P256))
                .validity(now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30))).build();

        assertRefused(ca, "validity");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_1024", "EC_SECP256K1"})
    void aCaWithARefusedKeyIsRefused(Kind kind) {
        X509Certificate ca = TestCertificateBuilder.ca(ROOT, pair(kind)).build();

        assertRefused(ca, "key");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "ED25519"})
    void aSelfSignedCaWhoseSignatureIsCorruptedIsRefused(Kind kind) throws GeneralSecurityException {
        byte[] der = TestCertificateBuilder.ca(ROOT, pair(kind)).build().getEncoded();
        X509Certificate corrupted = TestCertificateBuilder.parse(Tampering.flipBit(der, (der.length - 2) * 8));

        assertRefused(corrupted, "self-signature");
    }

    @Test
    void aSelfIssuedCaSignedByAnotherKeyIsRefused() {
        X509Certificate ca = TestCertificateBuilder.client(ROOT, pair(Kind.EC_P256).getPublic(),
                        TestCertificateBuilder.ca(ROOT, Fixtures.otherPair(Kind.EC_P256)).build(),
                        Fixtures.otherPair(Kind.EC_P256).getPrivate())
                .basicConstraints(new BasicConstraints(true)).keyUsage(KeyUsage.keyCertSign).build();
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());

        assertRefused(ca, "self-signature");
    }

    private static void assertRefused(X509Certificate certificate, String why) {
        assertThatThrownBy(() -> CaCertificates.validateExternalCa(certificate))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CERTIFICATE))
                .hasMessageContaining("the CA certificate is refused")
                .hasMessageContaining(why);
    }
}
