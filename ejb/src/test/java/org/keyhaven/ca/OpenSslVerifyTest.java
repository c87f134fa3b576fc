package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.ca.Fixtures.Kind;

/** OpenSSL, which shares no code with Bouncy Castle or the JDK, accepts what Keyhaven issues for its purpose only. */
class OpenSslVerifyTest {

    @TempDir
    Path directory;

    private final CertifiedKey ca = Fixtures.internalCa("openssl verify");
    private final CertificateIssuer issuer = Fixtures.issuer(ca);

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519"})
    void issuedClientCertificatesVerifyForSslClient(Kind kind) {
        X509Certificate leaf = issuer.issueClientCertificate(csr(pair(kind), "CN=x"), "agent");

        assertThat(verify(leaf, "sslclient").stdout()).contains("OK");
    }

    @Test
    void aGeneratedClientKeysCertificateVerifiesForSslClient() {
        try (CertifiedKey generated = issuer.issueClientKeyAndCertificate("laptop")) {
            assertThat(verify(generated.certificate(), "sslclient").succeeded()).isTrue();
        }
    }

    @Test
    void issuedServerCertificatesVerifyForSslServerWithTheirNames() {
        X509Certificate server = issuer.issueServerCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                List.of("kms.example.org"), List.of("192.0.2.7", "2001:db8::7"), Duration.ofDays(90));
        Path caFile = OpenSsl.writeCertificates(directory, "ca.pem", ca.certificate());
        Path leafFile = OpenSsl.writeCertificates(directory, "leaf.pem", server);

        for (String[] name : new String[][] {{"-verify_hostname", "kms.example.org"}, {"-verify_ip", "192.0.2.7"},
                {"-verify_ip", "2001:db8::7"}}) {
            OpenSsl.succeed(directory, "verify", "-x509_strict", "-CAfile", caFile.toString(), "-purpose",
                    "sslserver", name[0], name[1], leafFile.toString());
        }
        OpenSsl.Result otherHost = OpenSsl.run(directory, "verify", "-CAfile", caFile.toString(), "-purpose",
                "sslserver", "-verify_hostname", "www.example.org", leafFile.toString());
        assertThat(otherHost.succeeded()).isFalse();
    }

    @Test
    void anRsaServerCertificateVerifiesForSslServer() {
        X509Certificate server = issuer.issueServerCertificate(csr(pair(Kind.RSA_2048), "CN=x"),
                List.of("kms.example.org"), List.of(), Duration.ofDays(90));

        assertThat(verify(server, "sslserver").succeeded()).isTrue();
    }

    @Test
    void aClientCertificateIsNotAServerCertificateAndViceVersa() {
        X509Certificate client = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");
        X509Certificate server = issuer.issueServerCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                List.of("kms.example.org"), List.of(), Duration.ofDays(90));

        assertThat(tryVerify(client, "sslserver").succeeded()).isFalse();
        assertThat(tryVerify(server, "sslclient").succeeded()).isFalse();
    }

    @Test
    void aCertificateOfAnotherCaDoesNotVerify() {
        try (CertifiedKey other = InternalCaFactory.create("openssl verify")) {
            X509Certificate leaf = Fixtures.issuer(other).issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"),
                    "agent");

            assertThat(tryVerify(leaf, "sslclient").succeeded()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P521", "ED25519"})
    void certificatesSignedWithOtherCaKeyTypesVerify(Kind kind) {
        KeyPair caPair = pair(kind);
        X509Certificate otherCa = TestCertificateBuilder.ca("CN=Other CA", caPair).build();
        X509Certificate leaf = Fixtures.issuer(otherCa, caPair).issueClientCertificate(
                csr(pair(Kind.EC_P256), "CN=x"), "agent");
        Path caFile = OpenSsl.writeCertificates(directory, "other-ca.pem", otherCa);
        Path leafFile = OpenSsl.writeCertificates(directory, "leaf.pem", leaf);

        OpenSsl.succeed(directory, "verify", "-x509_strict", "-CAfile", caFile.toString(), "-purpose", "sslclient",
                leafFile.toString());
    }

    private OpenSsl.Result verify(X509Certificate leaf, String purpose) {
        OpenSsl.Result result = tryVerify(leaf, purpose);
        assertThat(result.exitCode()).as("openssl verify: %s%s", result.stdout(), result.stderr()).isZero();
        return result;
    }

    private OpenSsl.Result tryVerify(X509Certificate leaf, String purpose) {
        Path caFile = OpenSsl.writeCertificates(directory, "ca.pem", ca.certificate());
        Path leafFile = OpenSsl.writeCertificates(directory, "leaf.pem", leaf);
        return OpenSsl.run(directory, "verify", "-x509_strict", "-CAfile", caFile.toString(), "-purpose", purpose,
                leafFile.toString());
    }
}
