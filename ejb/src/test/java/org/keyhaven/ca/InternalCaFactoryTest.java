package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.keyhaven.ca.Fixtures.subjectAttribute;
import static org.keyhaven.ca.Fixtures.subjectKeyIdentifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.keyhaven.crypto.SecretBytes;

class InternalCaFactoryTest {

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SHA384_WITH_ECDSA = "1.2.840.10045.4.3.3";

    @Test
    void theCaCertificateIsSelfSignedAndVerifiesWithItsOwnKey() throws GeneralSecurityException {
        X509Certificate ca = Fixtures.internalCa("self-signed").certificate();

        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getSigAlgOID()).isEqualTo(SHA384_WITH_ECDSA);
        assertThat(ca.getVersion()).isEqualTo(3);
    }

    @Test
    void theCaKeyIsEcOnP384() {
        X509Certificate ca = Fixtures.internalCa("curve").certificate();

        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded());
        assertThat(info.getAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
        assertThat(info.getAlgorithm().getParameters()).isEqualTo(SECObjectIdentifiers.secp384r1);
        assertThat(((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(384);
    }

    @Test
    void theCaMaySignEndEntityCertificatesOnly() {
        X509Certificate ca = Fixtures.internalCa("constraints").certificate();

        assertThat(ca.getBasicConstraints()).as("cA=true with pathLenConstraint 0").isZero();
        assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS);
    }

    @Test
    void theKeyUsageIsKeyCertSignAndCrlSignOnlyAndCritical() {
        X509Certificate ca = Fixtures.internalCa("usage").certificate();

        boolean[] expected = new boolean[9];
        expected[5] = true;
        expected[6] = true;
        assertThat(Arrays.copyOf(ca.getKeyUsage(), 9)).containsExactly(expected);
        assertThat(ca.getCriticalExtensionOIDs()).contains(KEY_USAGE);
    }

    @Test
    void theCaIsValidFromFiveMinutesAgoForTwentyYears() {
        Instant before = Instant.now();
        X509Certificate ca;
        try (CertifiedKey created = InternalCaFactory.create("validity")) {
            ca = created.certificate();
        }
        Instant after = Instant.now();

        Instant notBefore = ca.getNotBefore().toInstant();
        Instant notAfter = ca.getNotAfter().toInstant();
        assertThat(notBefore).isBetween(before.minus(Duration.ofMinutes(5)).minusSeconds(1),
                after.minus(Duration.ofMinutes(5)));
        assertThat(notAfter).isBetween(before.plus(InternalCaFactory.VALIDITY).minusSeconds(1),
                after.plus(InternalCaFactory.VALIDITY));
        assertThat(ChronoUnit.DAYS.between(before, notAfter) / 365.25).isCloseTo(20.0, within(0.01));
    }

    @Test
    void theCommonNameCarriesTheInstallationLabel() {
        X509Certificate ca = Fixtures.internalCa("prod-eu-1").certificate();

        assertThat(subjectAttribute(ca, BCStyle.CN)).singleElement().asString().contains("prod-eu-1");
        assertThat(subjectAttribute(ca, BCStyle.O)).containsExactly("Keyhaven");
    }

    @Test
    void theSubjectKeyIdentifierIsTheSha1OfTheKey() throws GeneralSecurityException {
        X509Certificate ca = Fixtures.internalCa("ski").certificate();

        ASN1BitString key = SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded()).getPublicKeyData();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(key.getOctets());
        assertThat(subjectKeyIdentifier(ca)).isEqualTo(sha1);
    }

    @Test
    void thePrivateKeyIsPkcs8AndMatchesTheCertificate() throws GeneralSecurityException {
        CertifiedKey ca = Fixtures.internalCa("private key");
        byte[] pkcs8 = ca.privateKey().copy();
        byte[] message = "installation".getBytes(StandardCharsets.UTF_8);

        ASN1ObjectIdentifier algorithm = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm();
        assertThat(algorithm).isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
        PrivateKey key = KeyFactory.getInstance("EC", "SunEC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Arrays.fill(pkcs8, (byte) 0);
        Signature signer = Signature.getInstance("SHA384withECDSA", "SunEC");
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA384withECDSA", "SunEC");
        verifier.initVerify(ca.certificate().getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void theChainIsTheCaCertificateAlone() {
        CertifiedKey ca = Fixtures.internalCa("chain");

        assertThat(ca.chain()).containsExactly(ca.certificate());
    }

    @Test
    void closingWipesThePrivateKey() {
        CertifiedKey ca = InternalCaFactory.create("wipe");
        SecretBytes key = ca.privateKey();
        assertThat(key.isDestroyed()).isFalse();

        ca.close();

        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> key.use(bytes -> bytes)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCaHasItsOwnKeyAndSerialNumber() {
        try (CertifiedKey first = InternalCaFactory.create("same label");
                CertifiedKey second = InternalCaFactory.create("same label")) {
            assertThat(first.certificate().getSubjectX500Principal())
                    .isEqualTo(second.certificate().getSubjectX500Principal());
            assertThat(first.certificate().getPublicKey()).isNotEqualTo(second.certificate().getPublicKey());
            assertThat(first.certificate().getSerialNumber()).isNotEqualTo(second.certificate().getSerialNumber());
        }
    }
}
