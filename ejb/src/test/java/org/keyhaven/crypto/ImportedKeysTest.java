package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;
import org.keyhaven.testing.JdkKeyPairs;

/** Keys a client registers, made by the JDK: measured, their public key derived, and the unusable ones refused. */
class ImportedKeysTest {

    @Test
    void anRsaPrivateKeyIsMeasuredAndGivesTheJdksOwnPublicKey() {
        KeyPair jdk = JdkKeyPairs.rsa(2048);

        ImportedKeys.PrivateKeyFacts facts = inspectPrivate(KeyAlgorithm.RSA, jdk.getPrivate().getEncoded());

        assertThat(facts.spec()).isEqualTo(KeySpec.of(KeyAlgorithm.RSA, 2048, null));
        assertThat(facts.publicKey()).isEqualTo(jdk.getPublic().getEncoded());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"secp256r1, P-256", "secp384r1, P-384", "secp521r1, P-521"})
    void anEcPrivateKeyIsPlacedOnItsCurveAndGivesTheJdksOwnPublicKey(String jcaCurve, String curve) {
        KeyPair jdk = JdkKeyPairs.ec(jcaCurve);

        ImportedKeys.PrivateKeyFacts facts = inspectPrivate(KeyAlgorithm.EC, jdk.getPrivate().getEncoded());

        assertThat(facts.spec()).isEqualTo(KeySpec.of(KeyAlgorithm.EC, null, curve));
        assertThat(facts.publicKey()).isEqualTo(jdk.getPublic().getEncoded());
    }

    @Test
    void anEd25519PrivateKeyGivesTheJdksOwnPublicKey() {
        KeyPair jdk = JdkKeyPairs.ed25519();

        ImportedKeys.PrivateKeyFacts facts = inspectPrivate(KeyAlgorithm.ED25519, jdk.getPrivate().getEncoded());

        assertThat(facts.spec()).isEqualTo(KeySpec.of(KeyAlgorithm.ED25519, null, null));
        assertThat(facts.publicKey()).isEqualTo(jdk.getPublic().getEncoded());
    }

    @Test
    void theLentPrivateKeyIsLeftIntactForTheCaller() {
        byte[] encoded = JdkKeyPairs.ec("secp256r1").getPrivate().getEncoded();
        SecretBytes pkcs8 = SecretBytes.copyOf(encoded);

        ImportedKeys.inspectPrivate(KeyAlgorithm.EC, pkcs8);

        assertThat(pkcs8.isDestroyed()).isFalse();
        assertThat(pkcs8.copy()).isEqualTo(encoded);
    }

    @Test
    void publicKeysAreMeasuredLikePrivateKeys() {
        assertThat(ImportedKeys.inspectPublic(KeyAlgorithm.RSA, JdkKeyPairs.rsa(2048).getPublic().getEncoded()))
                .isEqualTo(KeySpec.of(KeyAlgorithm.RSA, 2048, null));
        assertThat(ImportedKeys.inspectPublic(KeyAlgorithm.EC, JdkKeyPairs.ec("secp384r1").getPublic().getEncoded()))
                .isEqualTo(KeySpec.of(KeyAlgorithm.EC, null, "P-384"));
        assertThat(ImportedKeys.inspectPublic(KeyAlgorithm.ED25519, JdkKeyPairs.ed25519().getPublic().getEncoded()))
                .isEqualTo(KeySpec.of(KeyAlgorithm.ED25519, null, null));
    }

    @Test
    void anRsaKeyOf1024BitsIsRefusedAsAnInvalidLength() {
        KeyPair weak = JdkKeyPairs.rsa(1024);

        assertThatThrownBy(() -> inspectPrivate(KeyAlgorithm.RSA, weak.getPrivate().getEncoded()))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_KEY_LENGTH));
        assertThatThrownBy(() -> ImportedKeys.inspectPublic(KeyAlgorithm.RSA, weak.getPublic().getEncoded()))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_KEY_LENGTH));
    }

    @Test
    void anEcKeyOnACurveKeyhavenDoesNotSupportIsRefusedNamingTheSupportedCurves() throws Exception {
        // the JDK no longer offers secp256k1, Bouncy Castle does
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", KeyhavenProvider.get());
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair k1 = generator.generateKeyPair();

        assertThatThrownBy(() -> inspectPrivate(KeyAlgorithm.EC, k1.getPrivate().getEncoded()))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContainingAll("P-256", "P-384", "P-521");
        assertThatThrownBy(() -> ImportedKeys.inspectPublic(KeyAlgorithm.EC, k1.getPublic().getEncoded()))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContainingAll("P-256", "P-384", "P-521");
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        byte[] garbage = HexFormat.of().parseHex("3082010a0282010100c0ffee00deadbeef5ec0e7c0ffee00deadbeef");
        String hex = HexFormat.of().formatHex(garbage);

        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.RSA, KeyAlgorithm.EC, KeyAlgorithm.ED25519}) {
            assertThatThrownBy(() -> inspectPrivate(algorithm, garbage))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .satisfies(e -> assertNoEcho(e, hex));
            assertThatThrownBy(() -> ImportedKeys.inspectPublic(algorithm, garbage))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .satisfies(e -> assertNoEcho(e, hex));
        }
    }

    @Test
    void anRsaKeyWhosePrivateExponentDoesNotBelongToItIsRefused() {
        SecretBytes tampered = rsaWith(crt -> new RSAPrivateKey(crt.getModulus(), crt.getPublicExponent(),
                crt.getPrivateExponent().add(BigInteger.TWO), crt.getPrimeP(), crt.getPrimeQ(),
                crt.getPrimeExponentP(), crt.getPrimeExponentQ(), crt.getCrtCoefficient()));

        assertThatThrownBy(() -> ImportedKeys.inspectPrivate(KeyAlgorithm.RSA, tampered))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void anRsaKeyWhosePrimesDoNotMakeItsModulusIsRefused() {
        SecretBytes tampered = rsaWith(crt -> new RSAPrivateKey(crt.getModulus(), crt.getPublicExponent(),
                crt.getPrivateExponent(), crt.getPrimeP().add(BigInteger.TWO), crt.getPrimeQ(),
                crt.getPrimeExponentP(), crt.getPrimeExponentQ(), crt.getCrtCoefficient()));

        assertThatThrownBy(() -> ImportedKeys.inspectPrivate(KeyAlgorithm.RSA, tampered))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void anRsaKeyWhoseCrtExponentDoesNotBelongToItIsRefused() {
        SecretBytes tampered = rsaWith(crt -> new RSAPrivateKey(crt.getModulus(), crt.getPublicExponent(),
                crt.getPrivateExponent(), crt.getPrimeP(), crt.getPrimeQ(),
                crt.getPrimeExponentP().add(BigInteger.TWO), crt.getPrimeExponentQ(), crt.getCrtCoefficient()));

        assertThatThrownBy(() -> ImportedKeys.inspectPrivate(KeyAlgorithm.RSA, tampered))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefused() {
        byte[] ecPrivate = JdkKeyPairs.ec("secp256r1").getPrivate().getEncoded();
        byte[] ecPublic = JdkKeyPairs.ec("secp256r1").getPublic().getEncoded();
        byte[] rsaPublic = JdkKeyPairs.rsa(2048).getPublic().getEncoded();

        assertThatThrownBy(() -> ImportedKeys.inspectPublic(KeyAlgorithm.RSA, ecPublic))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> inspectPrivate(KeyAlgorithm.RSA, ecPrivate))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> ImportedKeys.inspectPublic(KeyAlgorithm.EC, rsaPublic))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aSymmetricAlgorithmHasNoKeysToInspect() {
        byte[] rsaPublic = JdkKeyPairs.rsa(2048).getPublic().getEncoded();

        assertThatThrownBy(() -> ImportedKeys.inspectPublic(KeyAlgorithm.AES, rsaPublic))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    private static ImportedKeys.PrivateKeyFacts inspectPrivate(KeyAlgorithm algorithm, byte[] pkcs8) {
        try (SecretBytes secret = SecretBytes.copyOf(pkcs8)) {
            return ImportedKeys.inspectPrivate(algorithm, secret);
        }
    }

    /** The JDK's RSA-2048 key as a PKCS#1 structure built by {@code build} from its components, as PKCS#8. */
    private static SecretBytes rsaWith(Function<RSAPrivateCrtKey, RSAPrivateKey> build) {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) JdkKeyPairs.rsa(2048).getPrivate();
        try {
            return KeyFormats.pkcs8FromRsaPkcs1(SecretBytes.adopt(build.apply(crt).getEncoded()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Neither the message nor any cause's quotes the input, in whole or in a recognisable part. */
    private static void assertNoEcho(Throwable e, String hex) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            assertThat(message).doesNotContain(hex).doesNotContain("c0ffee00deadbeef").doesNotContain("5ec0e7");
        }
    }
}
