package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.ca.Fixtures.Kind;

class CertificateSigningTest {

    @Test
    void serialNumbersArePositiveAtMost20OctetsAndDiffer() {
        CertifiedKey ca = Fixtures.internalCa("serials");
        CertificateIssuer issuer = Fixtures.issuer(ca);
        X509Certificate first = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");
        X509Certificate second = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");
        X509Certificate server = issuer.issueServerCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                List.of("kms.example.org"), List.of(), Duration.ofDays(1));

        for (X509Certificate certificate : List.of(ca.certificate(), first, second, server)) {
            BigInteger serial = certificate.getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.toByteArray()).hasSizeLessThanOrEqualTo(20);
        }
        assertThat(Set.of(ca.certificate().getSerialNumber(), first.getSerialNumber(), second.getSerialNumber(),
                server.getSerialNumber())).hasSize(4);
    }

    @Test
    void generatedSerialNumbersHaveAtLeast64RandomBitsAndFitIn20Octets() {
        Set<BigInteger> serials = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            BigInteger serial = CertificateSigning.serialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isBetween(151, 159);
            assertThat(serial.toByteArray()).hasSizeLessThanOrEqualTo(20);
            serials.add(serial);
        }

        assertThat(serials).hasSize(1000);
    }

    static Stream<Arguments> caKeys() {
        return Stream.of(Arguments.of(Kind.EC_P256, "1.2.840.10045.4.3.2"),
                Arguments.of(Kind.EC_P384, "1.2.840.10045.4.3.3"), Arguments.of(Kind.EC_P521, "1.2.840.10045.4.3.4"),
                Arguments.of(Kind.RSA_2048, "1.2.840.113549.1.1.11"), Arguments.of(Kind.ED25519, "1.3.101.112"));
    }

    @ParameterizedTest
    @MethodSource("caKeys")
    void theSignatureHashMatchesTheCaKey(Kind kind, String signatureAlgorithm) throws GeneralSecurityException {
        KeyPair caPair = pair(kind);
        X509Certificate caCertificate = TestCertificateBuilder.ca("CN=Test CA", caPair).build();

        X509Certificate leaf = Fixtures.issuer(caCertificate, caPair).issueClientCertificate(
                csr(pair(Kind.EC_P256), "CN=x"), "agent");

        assertThat(leaf.getSigAlgOID()).isEqualTo(signatureAlgorithm);
        leaf.verify(caCertificate.getPublicKey());
    }
}
