package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.client.TestClients.T0;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keyhaven.ca.CertificateFingerprint;
import org.keyhaven.ca.CertificateIssuer;
import org.keyhaven.ca.CertifiedKey;
import org.keyhaven.ca.ClientCertificateRefusal;
import org.keyhaven.ca.InternalCaFactory;
import org.keyhaven.ca.Pem;
import org.keyhaven.ca.TrustedCa;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;

/**
 * The bridge between stored clients and CAs and the PKI logic, with real certificates: an internal CA entity whose
 * unwrapped key issues a client certificate, which is then stored for a client and checked against its issuer.
 */
class CertificateFactsTest {

    private static final String CA_ID = "0c0a0b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";

    private static MasterKeyRing ring;
    private static CertifiedKey root;
    private static CertifiedKey otherRoot;
    private static CertificateAuthority internalCa;
    /** Issued by {@link #internalCa} with its unwrapped key: chain is client certificate, then the CA. */
    private static CertifiedKey clientKey;
    private static Instant issuedAround;

    @BeforeAll
    static void issue() {
        ring = TestRings.withVersions(1);
        root = InternalCaFactory.create("facts");
        otherRoot = InternalCaFactory.create("other");
        internalCa = CertificateAuthority.internal(CA_ID, "internal", Pem.write(root.certificate()),
                CertificateFacts.fingerprint(root.certificate()), root.privateKey(), ring, T0);
        internalCa.protectWith(ring);
        issuedAround = Instant.now();
        try (SecretBytes caKey = internalCa.unwrapPrivateKey(ring)) {
            CertificateIssuer issuer = new CertificateIssuer(Pem.certificate(internalCa.certificatePem()), caKey);
            clientKey = issuer.issueClientKeyAndCertificate("orders-app");
        }
    }

    @AfterAll
    static void wipe() {
        clientKey.close();
        root.close();
        otherRoot.close();
        TestRings.seal(ring);
    }

    @Test
    void theFingerprintIsTheLowerCaseSha256HexOfTheDerEncoding() throws Exception {
        X509Certificate leaf = clientKey.certificate();

        String fingerprint = CertificateFacts.fingerprint(leaf);

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(fingerprint).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded())));
        assertThat(fingerprint).isEqualTo(CertificateFingerprint.of(leaf).hex());
        assertThat(fingerprint).isNotEqualTo(CertificateFacts.fingerprint(root.certificate()));
    }

    @Test
    void theFactsAreWhatTheCertificateSays() {
        X509Certificate leaf = clientKey.certificate();

        IssuedCertificate facts = CertificateFacts.facts(leaf);

        assertThat(facts.fingerprint()).isEqualTo(CertificateFacts.fingerprint(leaf));
        assertThat(facts.serialNumber()).isEqualTo(leaf.getSerialNumber().toString(16)).matches("[0-9a-f]+");
        assertThat(facts.subject()).contains("CN=orders-app");
        assertThat(facts.notBefore()).isEqualTo(leaf.getNotBefore().toInstant());
        assertThat(facts.notAfter()).isEqualTo(leaf.getNotAfter().toInstant());
        assertThat(Pem.certificate(facts.pem())).isEqualTo(leaf);
        assertThat(facts.pem()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aCertificateIssuedByTheInternalCaIsAcceptableFromIt() {
        assertThat(CertificateFacts.problemWith(clientKey.certificate(), internalCa, Instant.now())).isNull();
    }

    @Test
    void aCertificateIsRefusedAsIssuedByAnotherCa() {
        CertificateAuthority other = CertificateAuthority.external("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "other",
                Pem.write(otherRoot.certificate()), CertificateFacts.fingerprint(otherRoot.certificate()), false,
                "security-admin", T0);

        assertThat(CertificateFacts.problemWith(clientKey.certificate(), other, Instant.now()))
                .isEqualTo(ClientCertificateRefusal.UNTRUSTED_ISSUER.description());
    }

    @Test
    void aCertificateIsRefusedOutsideItsValidity() {
        X509Certificate leaf = clientKey.certificate();

        assertThat(CertificateFacts.problemWith(leaf, internalCa, leaf.getNotAfter().toInstant().plusSeconds(1)))
                .isEqualTo(ClientCertificateRefusal.EXPIRED.description());
        assertThat(CertificateFacts.problemWith(leaf, internalCa, leaf.getNotBefore().toInstant().minusSeconds(1)))
                .isEqualTo(ClientCertificateRefusal.NOT_YET_VALID.description());
    }

    @Test
    void aCaCertificateIsNotAClientCertificate() {
        assertThat(CertificateFacts.problemWith(root.certificate(), internalCa, Instant.now()))
                .isEqualTo(ClientCertificateRefusal.IS_A_CA.description());
    }

    @Test
    void theTrustedCaCarriesTheStoredIdCertificateAndClientAuthRule() {
        TrustedCa trusted = CertificateFacts.trusted(internalCa);

        assertThat(trusted.id()).isEqualTo(CA_ID);
        assertThat(trusted.certificate()).isEqualTo(root.certificate());
        assertThat(trusted.requireClientAuthEku()).isTrue();
    }

    @Test
    void theIssuedCertificateIsStoredForTheClientAndShownInItsView() {
        Client client = new Client("orders-app", "officer", T0);
        IssuedCertificate facts = CertificateFacts.facts(clientKey.certificate());

        ClientCertificate stored = client.addCertificate(facts, internalCa, T0);

        assertThat(stored.fingerprint()).isEqualTo(facts.fingerprint());
        ClientCertificateView view = client.toView().certificates().get(0);
        assertThat(view.issuer()).isEqualTo("internal");
        assertThat(view.subject()).contains("CN=orders-app");
        assertThat(view.notAfter()).isEqualTo(facts.notAfter().truncatedTo(ChronoUnit.MICROS));
        // valid for CLIENT_VALIDITY from issuance; notBefore is backdated a little against clock skew
        assertThat(view.notAfter()).isBetween(issuedAround.plus(CertificateIssuer.CLIENT_VALIDITY).minusSeconds(2),
                Instant.now().plus(CertificateIssuer.CLIENT_VALIDITY).plusSeconds(2));
        assertThat(view.notBefore()).isBefore(issuedAround).isAfter(issuedAround.minus(Duration.ofHours(1)));
    }

    @Test
    void theIssuedChainIsTheClientCertificateThenTheInternalCa() {
        assertThat(clientKey.chain()).containsExactly(clientKey.certificate(), root.certificate());
    }
}
