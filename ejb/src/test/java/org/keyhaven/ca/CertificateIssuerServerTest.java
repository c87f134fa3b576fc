package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.ca.Fixtures.authorityKeyIdentifier;
import static org.keyhaven.ca.Fixtures.csr;
import static org.keyhaven.ca.Fixtures.pair;
import static org.keyhaven.ca.Fixtures.subjectAttribute;
import static org.keyhaven.ca.Fixtures.subjectKeyIdentifier;
import static org.keyhaven.testing.Refusals.withCode;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.ca.Fixtures.Kind;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class CertificateIssuerServerTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int DNS = 2;
    private static final int IP = 7;
    private static final Duration VALIDITY = Duration.ofDays(90);

    private final CertifiedKey ca = Fixtures.internalCa("server tests");
    private final CertificateIssuer issuer = Fixtures.issuer(ca);
    private final PKCS10CertificationRequest request = csr(pair(Kind.EC_P256), "CN=ignored.example.org");

    @Test
    void theSubjectAlternativeNamesAreTheDnsNamesThenTheAddresses() throws CertificateParsingException {
        X509Certificate certificate = issuer.issueServerCertificate(request,
                List.of("kms.example.org", "kms-1.internal"), List.of("192.0.2.10", "2001:db8::1"), VALIDITY);

        assertThat(alternativeNames(certificate)).containsExactly(
                List.of(DNS, "kms.example.org"), List.of(DNS, "kms-1.internal"),
                List.of(IP, "192.0.2.10"), List.of(IP, "2001:db8:0:0:0:0:0:1"));
    }

    @Test
    void dnsNamesAreLowerCasedTrimmedAndDeduplicated() throws CertificateParsingException {
        X509Certificate certificate = issuer.issueServerCertificate(request,
                List.of(" KMS.Example.ORG ", "kms.example.org"), List.of(), VALIDITY);

        assertThat(alternativeNames(certificate)).containsExactly(List.of(DNS, "kms.example.org"));
        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("kms.example.org");
    }

    @Test
    void theCommonNameIsTheFirstDnsName() {
        X509Certificate certificate = issuer.issueServerCertificate(request, List.of("a.example.org", "b.example.org"),
                List.of("192.0.2.1"), VALIDITY);

        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("a.example.org");
        assertThat(subjectAttribute(certificate, BCStyle.OU)).containsExactly("Keyhaven server");
        assertThat(subjectAttribute(certificate, BCStyle.O)).containsExactly("Keyhaven");
    }

    @Test
    void withoutDnsNamesTheCommonNameIsTheFirstAddress() throws CertificateParsingException {
        X509Certificate certificate = issuer.issueServerCertificate(request, List.of(),
                List.of(" 10.1.2.3", "::1"), VALIDITY);

        assertThat(subjectAttribute(certificate, BCStyle.CN)).containsExactly("10.1.2.3");
        assertThat(alternativeNames(certificate)).containsExactly(List.of(IP, "10.1.2.3"),
                List.of(IP, "0:0:0:0:0:0:0:1"));
    }

    @Test
    void theCertificateIsForServerAuthenticationSignedByTheCa() throws GeneralSecurityException {
        X509Certificate certificate = issuer.issueServerCertificate(request, List.of("kms.example.org"), List.of(),
                VALIDITY);

        assertThat(certificate.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(authorityKeyIdentifier(certificate)).isEqualTo(subjectKeyIdentifier(ca.certificate()));
        assertThat(certificate.getPublicKey()).isEqualTo(pair(Kind.EC_P256).getPublic());
        certificate.verify(ca.certificate().getPublicKey());
    }

    @Test
    void theValidityIsTheRequestedOneFromFiveMinutesAgo() {
        Instant before = Instant.now();
        X509Certificate certificate = issuer.issueServerCertificate(request, List.of("kms.example.org"), List.of(),
                Duration.ofDays(30));
        Instant after = Instant.now();

        assertThat(certificate.getNotBefore().toInstant()).isBetween(
                before.minus(Duration.ofMinutes(5)).minusSeconds(1), after.minus(Duration.ofMinutes(5)));
        assertThat(certificate.getNotAfter().toInstant()).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(1),
                after.plus(Duration.ofDays(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example.org", "-a.b", "a-.b", "a..b", ".a.b", "a.b.", "kms example.org", "kms_1.org",
            "kms.example.org/", "", " ", "bücher.example"})
    void badDnsNamesAreRefused(String name) {
        assertThatThrownBy(() -> issuer.issueServerCertificate(request, List.of(name), List.of(), VALIDITY))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aBadDnsNameIsRefusedEvenBesideGoodOnes() {
        assertThatThrownBy(() -> issuer.issueServerCertificate(request, List.of("kms.example.org", "*.example.org"),
                List.of("192.0.2.1"), VALIDITY))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "kms.example.org", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1::2::3", ":::",
            "fe80::1%eth0", "[::1]", "", " "})
    void addressesThatAreNotLiteralsAreRefused(String address) {
        assertThatThrownBy(() -> issuer.issueServerCertificate(request, List.of("kms.example.org"), List.of(address),
                VALIDITY))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aCertificateWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> issuer.issueServerCertificate(request, List.of(), List.of(), VALIDITY))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    private static List<List<Object>> alternativeNames(X509Certificate certificate)
            throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        assertThat(names).isNotNull();
        List<List<Object>> result = new ArrayList<>();
        for (List<?> name : names) {
            result.add(List.of(name.get(0), name.get(1)));
        }
        return result;
    }
}
