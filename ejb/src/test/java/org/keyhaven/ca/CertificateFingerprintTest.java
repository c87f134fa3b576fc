package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateFingerprintTest {

    @TempDir
    Path directory;

    @Test
    void equalsTheSha256FingerprintOpenSslComputes() {
        CertifiedKey ca = Fixtures.internalCa("fingerprints");
        X509Certificate leaf = Fixtures.issuer(ca).issueClientCertificate(
                Fixtures.csr(Fixtures.pair(Fixtures.Kind.RSA_2048), "CN=x"), "agent");

        for (X509Certificate certificate : new X509Certificate[] {ca.certificate(), leaf}) {
            Path file = OpenSsl.writeCertificates(directory, "certificate.pem", certificate);
            String output = OpenSsl.succeed(directory, "x509", "-in", file.toString(), "-noout", "-fingerprint",
                    "-sha256").trim();

            String openSsl = output.substring(output.indexOf('=') + 1).replace(":", "").toLowerCase(Locale.ROOT);
            assertThat(CertificateFingerprint.of(certificate).hex()).isEqualTo(openSsl).hasSize(64);
        }
    }

    @Test
    void differentCertificatesHaveDifferentFingerprints() {
        CertifiedKey ca = Fixtures.internalCa("fingerprints");
        CertificateIssuer issuer = Fixtures.issuer(ca);
        X509Certificate first = issuer.issueClientCertificate(
                Fixtures.csr(Fixtures.pair(Fixtures.Kind.EC_P256), "CN=x"), "agent");
        X509Certificate second = issuer.issueClientCertificate(
                Fixtures.csr(Fixtures.pair(Fixtures.Kind.EC_P256), "CN=x"), "agent");

        assertThat(CertificateFingerprint.of(first)).isNotEqualTo(CertificateFingerprint.of(second));
        assertThat(CertificateFingerprint.of(first)).isEqualTo(CertificateFingerprint.of(first));
    }

    @Test
    void sixtyFourLowerCaseHexDigitsAreAFingerprint() {
        String hex = "0123456789abcdef".repeat(4);

        assertThat(new CertificateFingerprint(hex).hex()).isEqualTo(hex);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
            "01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef",
            " 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"})
    void anythingElseIsRefused(String hex) {
        assertThatThrownBy(() -> new CertificateFingerprint(hex)).isInstanceOf(IllegalArgumentException.class);
    }
}
