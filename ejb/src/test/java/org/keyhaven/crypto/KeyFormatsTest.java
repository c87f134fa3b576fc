package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyFormats.RsaPrivateComponents;

/** RSA key encodings converted by Keyhaven and read back by the JDK. */
class KeyFormatsTest {

    private static KeyPair rsa;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    @Test
    void aPrivateKeyGoesToPkcs1AndBackToTheSameKey() throws Exception {
        SecretBytes pkcs8 = SecretBytes.copyOf(rsa.getPrivate().getEncoded());

        SecretBytes back = KeyFormats.pkcs8FromRsaPkcs1(KeyFormats.rsaPkcs1FromPkcs8(pkcs8));

        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(back.copy())))
                .isEqualTo(rsa.getPrivate());
    }

    @Test
    void aPublicKeyGoesToPkcs1AndBackToTheSameEncoding() {
        byte[] spki = rsa.getPublic().getEncoded();

        byte[] pkcs1 = KeyFormats.rsaPkcs1FromSpki(spki);

        assertThat(pkcs1.length).isLessThan(spki.length);
        assertThat(KeyFormats.spkiFromRsaPkcs1(pkcs1)).isEqualTo(spki);
    }

    @Test
    void theTransparentComponentsAreTheKeysAndRebuildIt() throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) rsa.getPrivate();

        RsaPrivateComponents components = KeyFormats.rsaComponents(SecretBytes.copyOf(crt.getEncoded()));
        SecretBytes rebuilt = KeyFormats.pkcs8FromRsaComponents(components);

        assertThat(components.modulus()).isEqualTo(crt.getModulus());
        assertThat(components.privateExponent()).isEqualTo(crt.getPrivateExponent());
        assertThat(components.crtCoefficient()).isEqualTo(crt.getCrtCoefficient());
        assertThat(components.toString()).doesNotContain(crt.getPrivateExponent().toString(16).substring(0, 12));
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rebuilt.copy())))
                .isEqualTo(crt);
    }

    @Test
    void componentsThatDoNotBelongTogetherAndGarbageAreRefusedWithoutEchoingThem() throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) rsa.getPrivate();
        RsaPrivateComponents tampered = new RsaPrivateComponents(crt.getModulus(), crt.getPublicExponent(),
                crt.getPrivateExponent().add(BigInteger.TWO), crt.getPrimeP(), crt.getPrimeQ(), crt.getPrimeExponentP(),
                crt.getPrimeExponentQ(), crt.getCrtCoefficient());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        byte[] ecKey = ec.generateKeyPair().getPrivate().getEncoded();

        assertThatThrownBy(() -> KeyFormats.pkcs8FromRsaComponents(tampered)).isInstanceOfSatisfying(
                KeyhavenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> KeyFormats.rsaPkcs1FromPkcs8(SecretBytes.copyOf(ecKey)))
                .isInstanceOf(KeyhavenException.class).hasMessage("the key is not a valid PKCS#8 RSA private key");
        assertThatThrownBy(() -> KeyFormats.spkiFromRsaPkcs1(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}))
                .isInstanceOf(KeyhavenException.class).hasMessage("the key is not a valid PKCS#1 RSA public key");
        assertThatThrownBy(() -> KeyFormats.pkcs8FromRsaPkcs1(SecretBytes.copyOf(new byte[] {1, 2, 3})))
                .isInstanceOf(KeyhavenException.class);
    }
}
