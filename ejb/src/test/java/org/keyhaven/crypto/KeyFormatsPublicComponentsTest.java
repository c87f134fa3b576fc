package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyFormats.RsaPrivateComponents;
import org.keyhaven.crypto.KeyFormats.RsaPublicComponents;
import org.keyhaven.testing.JdkKeyPairs;

/** The Transparent RSA Public Key components, and the check that RSA private components belong together. */
class KeyFormatsPublicComponentsTest {

    private static final BigInteger ONE = BigInteger.ONE;

    @Test
    void theComponentsOfAPublicKeyAreTheJdksModulusAndExponent() {
        RSAPublicKey jdk = (RSAPublicKey) JdkKeyPairs.rsa(2048).getPublic();

        RsaPublicComponents components = KeyFormats.rsaPublicComponents(jdk.getEncoded());

        assertThat(components.modulus()).isEqualTo(jdk.getModulus());
        assertThat(components.publicExponent()).isEqualTo(jdk.getPublicExponent());
    }

    @Test
    void componentsRebuildTheSameEncodingWhichTheJdkReadsAsTheSameKey() throws Exception {
        RSAPublicKey jdk = (RSAPublicKey) JdkKeyPairs.rsa(3072).getPublic();

        byte[] spki = KeyFormats.spkiFromRsaComponents(KeyFormats.rsaPublicComponents(jdk.getEncoded()));

        assertThat(spki).isEqualTo(jdk.getEncoded());
        assertThat(KeyFactory.getInstance("RSA", "SunRsaSign").generatePublic(new X509EncodedKeySpec(spki)))
                .isEqualTo(jdk);
    }

    @Test
    void componentsGivenByHandBecomeAKeyTheJdkReads() throws Exception {
        RSAPublicKey jdk = (RSAPublicKey) JdkKeyPairs.rsa(2048).getPublic();

        byte[] spki = KeyFormats.spkiFromRsaComponents(new RsaPublicComponents(jdk.getModulus(), BigInteger.valueOf(3)));

        RSAPublicKey read = (RSAPublicKey) KeyFactory.getInstance("RSA", "SunRsaSign")
                .generatePublic(new X509EncodedKeySpec(spki));
        assertThat(read.getModulus()).isEqualTo(jdk.getModulus());
        assertThat(read.getPublicExponent()).isEqualTo(3);
    }

    @Test
    void aPublicKeyOfAnotherAlgorithmHasNoRsaComponents() {
        byte[] ec = JdkKeyPairs.ec("secp256r1").getPublic().getEncoded();

        assertThatThrownBy(() -> KeyFormats.rsaPublicComponents(ec))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> KeyFormats.rsaPublicComponents(new byte[] {0x30, 0x00}))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theComponentsOfARealKeyBelongTogether() {
        assertThat(KeyFormats.consistent(components(jdkPrivate()))).isTrue();
    }

    @Test
    void anyComponentChangedNoLongerBelongs() {
        RsaPrivateComponents c = components(jdkPrivate());
        BigInteger two = BigInteger.TWO;

        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus().add(two), c.publicExponent(),
                c.privateExponent(), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ(), c.crtCoefficient())))
                .as("modulus").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent().add(two),
                c.privateExponent(), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ(), c.crtCoefficient())))
                .as("public exponent").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent().add(two), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ(),
                c.crtCoefficient()))).as("private exponent").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), c.q(), c.p(), c.primeExponentP(), c.primeExponentQ(), c.crtCoefficient())))
                .as("primes swapped without their CRT values").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), c.p(), c.q(), c.primeExponentP().add(two), c.primeExponentQ(),
                c.crtCoefficient()))).as("dP").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ().add(two),
                c.crtCoefficient()))).as("dQ").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ(),
                c.crtCoefficient().add(two)))).as("qInv").isFalse();
    }

    @Test
    void degeneratePrimesThatStillMultiplyToTheModulusDoNotBelong() {
        RsaPrivateComponents c = components(jdkPrivate());

        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), ONE, c.modulus(), c.primeExponentP(), c.primeExponentQ(), c.crtCoefficient())))
                .as("1 and n").isFalse();
        assertThat(KeyFormats.consistent(new RsaPrivateComponents(c.modulus(), c.publicExponent(),
                c.privateExponent(), c.p().negate(), c.q().negate(), c.primeExponentP(), c.primeExponentQ(),
                c.crtCoefficient()))).as("-p and -q").isFalse();
    }

    private static RsaPrivateComponents components(RSAPrivateCrtKey crt) {
        return new RsaPrivateComponents(crt.getModulus(), crt.getPublicExponent(), crt.getPrivateExponent(),
                crt.getPrimeP(), crt.getPrimeQ(), crt.getPrimeExponentP(), crt.getPrimeExponentQ(),
                crt.getCrtCoefficient());
    }

    @Test
    void transparentPrivateComponentsWithDegeneratePrimesAreRefusedAsInvalid() {
        RSAPrivateCrtKey crt = jdkPrivate();
        RsaPrivateComponents degenerate = new RsaPrivateComponents(crt.getModulus(), crt.getPublicExponent(),
                crt.getPrivateExponent(), ONE, crt.getModulus(), crt.getPrimeExponentP(), crt.getPrimeExponentQ(),
                crt.getCrtCoefficient());

        assertThatThrownBy(() -> KeyFormats.pkcs8FromRsaComponents(degenerate))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    private static RSAPrivateCrtKey jdkPrivate() {
        return (RSAPrivateCrtKey) JdkKeyPairs.rsa(2048).getPrivate();
    }
}
