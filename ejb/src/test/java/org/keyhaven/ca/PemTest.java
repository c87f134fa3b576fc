package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;
import static org.keyhaven.testing.Refusals.withCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.keyhaven.ca.Fixtures.Kind;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class PemTest {

    private static final String SECRET_MARKER = "S3cr3tM4rk3r";

    private final CertifiedKey ca = Fixtures.internalCa("pem tests");
    private final CertificateIssuer issuer = Fixtures.issuer(ca);
    private final X509Certificate leaf = issuer.issueClientCertificate(csr(pair(Kind.EC_P256), "CN=x"), "agent");

    @Test
    void aWrittenCertificateReadsBack() {
        String pem = Pem.write(leaf);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
        assertThat(Pem.certificate(pem)).isEqualTo(leaf);
        assertThat(Pem.certificates(pem)).containsExactly(leaf);
    }

    @Test
    void aWrittenChainReadsBackInOrder() {
        String pem = Pem.write(List.of(leaf, ca.certificate()));

        assertThat(Pem.certificates(pem)).containsExactly(leaf, ca.certificate());
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        String pem = Pem.write(leaf).replace("\n", "\r\n");

        assertThat(Pem.certificate(pem)).isEqualTo(leaf);
    }

    @Test
    void tenCertificatesAreAcceptedButElevenAreNot() {
        String ten = Pem.write(Collections.nCopies(10, leaf));
        String eleven = Pem.write(Collections.nCopies(11, leaf));

        assertThat(Pem.certificates(ten)).hasSize(10);
        assertRefused(() -> Pem.certificates(eleven), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void manyCertificatesAreRefused() {
        String many = Pem.write(Collections.nCopies(50, ca.certificate()));
        assertThat(many.length()).isLessThan(Pem.MAX_LENGTH);

        assertRefused(() -> Pem.certificates(many), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void twoCertificatesWhereOneIsExpectedAreRefused() {
        String two = Pem.write(List.of(leaf, ca.certificate()));

        assertRefused(() -> Pem.certificate(two), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void missingInputIsRefused() {
        for (String missing : new String[] {null, "", "   ", "\n\r\n\t"}) {
            assertRefused(() -> Pem.certificate(missing), ErrorCode.INVALID_CERTIFICATE);
            assertRefused(() -> Pem.certificates(missing), ErrorCode.INVALID_CERTIFICATE);
            assertRefused(() -> Pem.certificationRequest(missing), ErrorCode.INVALID_CSR);
        }
    }

    @Test
    void inputLongerThanTheLimitIsRefusedEvenIfValid() {
        String valid = Pem.write(leaf);
        String padded = valid + "\n".repeat(Pem.MAX_LENGTH - valid.length());
        String tooLong = padded + "\n";

        assertThat(Pem.certificate(padded)).isEqualTo(leaf);
        assertRefused(() -> Pem.certificate(tooLong), ErrorCode.INVALID_CERTIFICATE);
        String request = pem("CERTIFICATE REQUEST", csrDer());
        assertRefused(() -> Pem.certificationRequest(request + " ".repeat(Pem.MAX_LENGTH)), ErrorCode.INVALID_CSR);
    }

    @Test
    void nonAsciiInputIsRefused() {
        String withUmlaut = "Zertifikat für " + SECRET_MARKER + "\n" + Pem.write(leaf);

        assertRefused(() -> Pem.certificate(withUmlaut), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificationRequest(withUmlaut), ErrorCode.INVALID_CSR);
    }

    @Test
    void aPrivateKeyBlockIsNotACertificate() {
        String privateKey = pem("PRIVATE KEY", pair(Kind.EC_P256).getPrivate().getEncoded());
        String base64 = base64Lines(pair(Kind.EC_P256).getPrivate().getEncoded()).get(0);

        assertThatThrownBy(() -> Pem.certificate(privateKey))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CERTIFICATE))
                .hasMessageContaining("PRIVATE KEY")
                .hasMessageNotContaining(base64);
        assertThatThrownBy(() -> Pem.certificationRequest(privateKey))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR))
                .hasMessageNotContaining(base64);
    }

    @Test
    void aCertificateFollowedByAnotherBlockTypeIsRefused() {
        String mixed = Pem.write(leaf) + pem("PRIVATE KEY", pair(Kind.EC_P256).getPrivate().getEncoded());

        assertRefused(() -> Pem.certificates(mixed), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void aVeryLongBlockTypeIsShortenedInTheMessage() {
        String type = "X".repeat(500);
        String odd = pem(type, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> Pem.certificate(odd))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.getMessage())
                        .hasSizeLessThan(120).doesNotContain("X".repeat(41)));
    }

    @Test
    void textWithoutAnyPemBlockIsRefused() {
        assertRefused(() -> Pem.certificate("just " + SECRET_MARKER), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificationRequest("just " + SECRET_MARKER), ErrorCode.INVALID_CSR);
    }

    @Test
    void garbageBase64IsRefused() {
        String garbage = "-----BEGIN CERTIFICATE-----\n" + SECRET_MARKER + "!!!***\n-----END CERTIFICATE-----\n";
        String request = garbage.replace("CERTIFICATE", "CERTIFICATE REQUEST");

        assertRefused(() -> Pem.certificate(garbage), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificationRequest(request), ErrorCode.INVALID_CSR);
    }

    @Test
    void aBlockWithoutItsEndLineIsRefused() {
        String unterminated = "-----BEGIN CERTIFICATE-----\n" + SECRET_MARKER + "\n";
        String mismatched = "-----BEGIN CERTIFICATE-----\n" + SECRET_MARKER + "\n-----END PRIVATE KEY-----\n";

        assertRefused(() -> Pem.certificate(unterminated), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificate(mismatched), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void base64ThatIsNotACertificateIsRefused() {
        byte[] notDer = (SECRET_MARKER + " is not DER").getBytes(StandardCharsets.US_ASCII);
        String request = pem("CERTIFICATE REQUEST", notDer);

        assertRefused(() -> Pem.certificate(pem("CERTIFICATE", notDer)), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificationRequest(request), ErrorCode.INVALID_CSR);
    }

    @Test
    void aTruncatedCertificateIsRefused() throws CertificateEncodingException {
        byte[] der = leaf.getEncoded();
        byte[] truncated = Arrays.copyOf(der, der.length - 10);

        assertRefused(() -> Pem.certificate(pem("CERTIFICATE", truncated)), ErrorCode.INVALID_CERTIFICATE);
    }

    @Test
    void aCsrIsNotACertificateAndACertificateIsNotACsr() throws CertificateEncodingException {
        String request = pem("CERTIFICATE", csrDer());
        String certificate = pem("CERTIFICATE REQUEST", leaf.getEncoded());

        assertRefused(() -> Pem.certificate(request), ErrorCode.INVALID_CERTIFICATE);
        assertRefused(() -> Pem.certificationRequest(Pem.write(leaf)), ErrorCode.INVALID_CSR);
        assertRefused(() -> Pem.certificationRequest(certificate), ErrorCode.INVALID_CSR);
    }

    @Test
    void aCsrReadsBack() throws IOException {
        PKCS10CertificationRequest request = csr(pair(Kind.EC_P256), "CN=x");

        PKCS10CertificationRequest read = Pem.certificationRequest(pem("CERTIFICATE REQUEST", request.getEncoded()));

        assertThat(read.getEncoded()).isEqualTo(request.getEncoded());
    }

    @Test
    void theLegacyNewCertificateRequestTypeIsAccepted() throws IOException {
        PKCS10CertificationRequest request = csr(pair(Kind.EC_P256), "CN=x");

        PKCS10CertificationRequest read = Pem.certificationRequest(
                pem("NEW CERTIFICATE REQUEST", request.getEncoded()));

        assertThat(read.getEncoded()).isEqualTo(request.getEncoded());
    }

    @Test
    void aCsrMayAlsoBeItsDerInBase64OnOneLine() throws IOException {
        PKCS10CertificationRequest request = csr(pair(Kind.EC_P256), "CN=x");

        PKCS10CertificationRequest read = Pem.certificationRequest(
                Base64.getEncoder().encodeToString(request.getEncoded()) + "\n");

        assertThat(read.getEncoded()).isEqualTo(request.getEncoded());
    }

    @Test
    void base64ThatIsNotACsrIsRefused() {
        assertRefused(() -> Pem.certificationRequest("bm90IGEgQ1NS"), ErrorCode.INVALID_CSR);
    }

    @Test
    void twoCsrsAreRefused() {
        String one = pem("CERTIFICATE REQUEST", csrDer());

        assertRefused(() -> Pem.certificationRequest(one + one), ErrorCode.INVALID_CSR);
    }

    @Test
    void refusalsNeverEchoTheBlockContent() {
        String body = pem("CERTIFICATE", (SECRET_MARKER + SECRET_MARKER).getBytes(StandardCharsets.US_ASCII));
        String firstLine = body.lines().skip(1).findFirst().orElseThrow();
        List<Function<String, ?>> parsers = List.of(Pem::certificate, Pem::certificates, Pem::certificationRequest);

        for (Function<String, ?> parser : parsers) {
            assertThatThrownBy(() -> parser.apply(body)).isInstanceOf(KeyhavenException.class)
                    .hasMessageNotContaining(firstLine).hasNoCause();
        }
    }

    private byte[] csrDer() {
        try {
            return csr(pair(Kind.EC_P256), "CN=x").getEncoded();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class, withCode(code))
                .hasMessageNotContaining(SECRET_MARKER)
                .hasMessageNotContaining("für")
                .hasNoCause();
    }

    private static String pem(String type, byte[] der) {
        StringBuilder pem = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        for (String line : base64Lines(der)) {
            pem.append(line).append('\n');
        }
        return pem.append("-----END ").append(type).append("-----\n").toString();
    }

    private static List<String> base64Lines(byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < base64.length(); i += 64) {
            lines.add(base64.substring(i, Math.min(base64.length(), i + 64)));
        }
        return lines;
    }
}
