package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.ca.Fixtures.subjectAttribute;
import static org.keyhaven.testing.Refusals.withCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.testing.Refusals;
import org.keyhaven.testing.Tampering;

/** CSRs made by {@code openssl req} are read, accepted and certified; OpenSSL then verifies the result. */
class OpenSslCsrTest {

    @TempDir
    Path directory;

    private final CertifiedKey ca = Fixtures.internalCa("openssl csr");
    private final CertificateIssuer issuer = Fixtures.issuer(ca);

    @ParameterizedTest
    @ValueSource(strings = {"ec:P-256", "ec:P-384", "rsa:3072", "ed25519"})
    void anOpenSslCsrIsCertifiedForItsKey(String key) {
        Path csr = openSslCsr(key);

        X509Certificate certificate = issuer.issueClientCertificate(Pem.certificationRequest(OpenSsl.read(csr)),
                "agent");

        Path leaf = OpenSsl.writeCertificates(directory, "leaf.pem", certificate);
        Path caFile = OpenSsl.writeCertificates(directory, "ca.pem", ca.certificate());
        OpenSsl.succeed(directory, "verify", "-x509_strict", "-CAfile", caFile.toString(), "-purpose", "sslclient",
                leaf.toString());
        String keyPublic = OpenSsl.succeed(directory, "pkey", "-in", "key.pem", "-pubout");
        String certificatePublic = OpenSsl.succeed(directory, "x509", "-in", leaf.toString(), "-pubkey", "-noout");
        assertThat(certificatePublic).isEqualTo(keyPublic);
        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("agent");
    }

    @Test
    void anOpenSslCsrAskingForACaCertificateGetsAClientCertificate() {
        Path csr = openSslCsr("ec:P-256", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign", "-addext", "subjectAltName=DNS:evil.example.org");

        X509Certificate certificate = issuer.issueClientCertificate(Pem.certificationRequest(OpenSsl.read(csr)),
                "agent");

        Path leaf = OpenSsl.writeCertificates(directory, "leaf.pem", certificate);
        String text = OpenSsl.succeed(directory, "x509", "-in", leaf.toString(), "-noout", "-text");
        assertThat(text).contains("CA:FALSE", "TLS Web Client Authentication")
                .doesNotContain("Certificate Sign", "evil.example.org");
    }

    @Test
    void anOpenSslCsrWithATamperedSignatureIsRefused() {
        Path csr = openSslCsr("ec:P-256");
        String der = "csr.der";
        OpenSsl.succeed(directory, "req", "-in", csr.toString(), "-outform", "DER", "-out", der);
        byte[] bytes = readBytes(directory.resolve(der));
        byte[] tampered = Tampering.flipBit(bytes, (bytes.length - 2) * 8);
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(tampered)
                + "\n-----END CERTIFICATE REQUEST-----\n";

        assertThatThrownBy(() -> issuer.issueClientCertificate(Pem.certificationRequest(pem), "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
    }

    private Path openSslCsr(String key, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("req", "-new", "-nodes", "-subj", "/CN=x", "-keyout",
                "key.pem", "-out", "csr.pem"));
        if (key.startsWith("ec:")) {
            arguments.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + key.substring(3)));
        } else {
            arguments.addAll(List.of("-newkey", key));
        }
        arguments.addAll(List.of(extra));
        OpenSsl.succeed(directory, arguments.toArray(String[]::new));
        String pem = OpenSsl.read(directory.resolve("csr.pem"));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        return directory.resolve("csr.pem");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
