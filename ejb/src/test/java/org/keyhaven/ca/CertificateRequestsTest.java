package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.otherPair;
import static org.keyhaven.ca.Fixtures.pair;
import static org.keyhaven.testing.Refusals.withCode;
import static org.keyhaven.testing.Tampering.flipBit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.ca.Fixtures.Kind;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;

class CertificateRequestsTest {

    private final CertificateIssuer issuer = Fixtures.issuer(Fixtures.internalCa("csr tests"));

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521", "ED25519"})
    void aCsrSignedByItsOwnAcceptableKeyYieldsThatKey(Kind kind) {
        PKCS10CertificationRequest request = csr(pair(kind), "CN=x");

        assertThat(CertificateRequests.verifiedPublicKey(request)).isEqualTo(request.getSubjectPublicKeyInfo());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "ED25519"})
    void aCsrWhoseSignatureWasTamperedWithIsRefused(Kind kind) throws IOException {
        byte[] encoded = csr(pair(kind), "CN=x").getEncoded();
        PKCS10CertificationRequest tampered = new PKCS10CertificationRequest(flipBit(encoded,
                (encoded.length - 2) * 8));

        assertThatThrownBy(() -> issuer.issueClientCertificate(tampered, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR))
                .hasMessageContaining("not signed by its own key");
    }

    @Test
    void aCsrWhoseSubjectWasChangedAfterSigningIsRefused() throws IOException {
        byte[] encoded = csr(pair(Kind.EC_P256), "CN=aaaa").getEncoded();
        byte[] changed = encoded.clone();
        int at = indexOf(changed, "aaaa".getBytes(StandardCharsets.US_ASCII));
        changed[at] = 'b';
        PKCS10CertificationRequest tampered = new PKCS10CertificationRequest(changed);

        assertThatThrownBy(() -> CertificateRequests.verifiedPublicKey(tampered))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RSA_2048", "EC_P256", "ED25519"})
    void aCsrSignedByAnotherKeyIsRefused(Kind kind) {
        PKCS10CertificationRequest request = csr(pair(kind).getPublic(), otherPair(kind).getPrivate(), "CN=x");

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
    }

    @Test
    void aCsrNamingAnRsaKeySignedWithAnEcKeyIsRefused() {
        PKCS10CertificationRequest request = csr(pair(Kind.RSA_2048).getPublic(), pair(Kind.EC_P256).getPrivate(),
                "CN=x");

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
    }

    @Test
    void aCsrSignedWithSha1IsRefusedAsWeak() throws Exception {
        KeyPair pair = pair(Kind.RSA_2048);
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"),
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA1withRSA")
                        .setProvider(KeyhavenProvider.get()).build(pair.getPrivate()));

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR))
                .hasMessageContaining("weak");
    }

    @Test
    void anRsa1024KeyIsRefused() {
        PKCS10CertificationRequest request = csr(pair(Kind.RSA_1024), "CN=x");

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR))
                .hasMessageContaining("key is refused");
    }

    @Test
    void anEcKeyOnSecp256k1IsRefused() {
        PKCS10CertificationRequest request = csr(pair(Kind.EC_SECP256K1), "CN=x");

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR))
                .hasMessageContaining("key is refused");
    }

    @Test
    void aDsaKeyIsRefused() {
        PKCS10CertificationRequest request = csr(pair(Kind.DSA), "CN=x");

        assertThatThrownBy(() -> issuer.issueClientCertificate(request, "agent"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
    }

    @Test
    void refusedCsrsAreRefusedForServerCertificatesToo() {
        PKCS10CertificationRequest weak = csr(pair(Kind.RSA_1024), "CN=x");
        PKCS10CertificationRequest forged = csr(pair(Kind.EC_P256).getPublic(), otherPair(Kind.EC_P256).getPrivate(),
                "CN=x");

        for (PKCS10CertificationRequest request : List.of(weak, forged)) {
            assertThatThrownBy(() -> issuer.issueServerCertificate(request, List.of("kms.example.org"), List.of(),
                    Duration.ofDays(90)))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CSR));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
