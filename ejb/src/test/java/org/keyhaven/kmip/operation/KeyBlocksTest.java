package org.keyhaven.kmip.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.privateKey;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.publicKey;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.withReason;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_PKCS_1;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_PKCS_8;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_RAW;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PRIVATE;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PUBLIC;
import static org.keyhaven.kmip.operation.KmipAlgorithms.FORMAT_X_509;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBigInteger;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.testing.JdkKeyPairs;

/** Key Material of private and public keys in each Key Format Type, out and back, with keys the JDK made. */
class KeyBlocksTest {

    private static final byte[] RSA_PKCS8 = JdkKeyPairs.rsa(2048).getPrivate().getEncoded();
    private static final byte[] RSA_SPKI = JdkKeyPairs.rsa(2048).getPublic().getEncoded();
    private static final byte[] EC_PKCS8 = JdkKeyPairs.ec("secp256r1").getPrivate().getEncoded();
    private static final byte[] EC_SPKI = JdkKeyPairs.ec("secp256r1").getPublic().getEncoded();

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {FORMAT_PKCS_1, FORMAT_PKCS_8, FORMAT_TRANSPARENT_RSA_PRIVATE})
    void anRsaPrivateKeyComesBackFromEachFormatAsTheSamePkcs8(int format) {
        TtlvItem material = KeyBlocks.writePrivate(format, KeyAlgorithm.RSA, SecretBytes.copyOf(RSA_PKCS8));

        try (SecretBytes back = KeyBlocks.readPrivate(format, KeyAlgorithm.RSA, material)) {
            assertThat(back.copy()).isEqualTo(RSA_PKCS8);
        }
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {FORMAT_PKCS_1, FORMAT_X_509, FORMAT_TRANSPARENT_RSA_PUBLIC})
    void anRsaPublicKeyComesBackFromEachFormatAsTheSameSpki(int format) {
        TtlvItem material = KeyBlocks.writePublic(format, KeyAlgorithm.RSA, RSA_SPKI);

        assertThat(KeyBlocks.readPublic(format, KeyAlgorithm.RSA, material)).isEqualTo(RSA_SPKI);
    }

    @Test
    void pkcs8AndX509AreTheStoredEncodingsUnchanged() {
        assertThat(bytes(KeyBlocks.writePrivate(FORMAT_PKCS_8, KeyAlgorithm.RSA, SecretBytes.copyOf(RSA_PKCS8))))
                .isEqualTo(RSA_PKCS8);
        assertThat(bytes(KeyBlocks.writePublic(FORMAT_X_509, KeyAlgorithm.RSA, RSA_SPKI))).isEqualTo(RSA_SPKI);
    }

    @Test
    void theTransparentPrivateKeyCarriesTheJdksComponents() {
        RSAPrivateCrtKey jdk = (RSAPrivateCrtKey) JdkKeyPairs.rsa(2048).getPrivate();

        TtlvStructure material = KeyBlocks.writePrivate(FORMAT_TRANSPARENT_RSA_PRIVATE, KeyAlgorithm.RSA,
                SecretBytes.copyOf(RSA_PKCS8)).as(TtlvStructure.class);

        assertThat(material.tag()).isEqualTo(Tags.KEY_MATERIAL);
        assertThat(big(material, Tags.MODULUS)).isEqualTo(jdk.getModulus());
        assertThat(big(material, Tags.PUBLIC_EXPONENT)).isEqualTo(jdk.getPublicExponent());
        assertThat(big(material, Tags.PRIVATE_EXPONENT)).isEqualTo(jdk.getPrivateExponent());
        assertThat(big(material, Tags.P)).isEqualTo(jdk.getPrimeP());
        assertThat(big(material, Tags.Q)).isEqualTo(jdk.getPrimeQ());
        assertThat(big(material, Tags.PRIME_EXPONENT_P)).isEqualTo(jdk.getPrimeExponentP());
        assertThat(big(material, Tags.PRIME_EXPONENT_Q)).isEqualTo(jdk.getPrimeExponentQ());
        assertThat(big(material, Tags.CRT_COEFFICIENT)).isEqualTo(jdk.getCrtCoefficient());
    }

    @Test
    void theTransparentPublicKeyCarriesTheJdksModulusAndExponent() {
        RSAPublicKey jdk = (RSAPublicKey) JdkKeyPairs.rsa(2048).getPublic();

        TtlvStructure material = KeyBlocks.writePublic(FORMAT_TRANSPARENT_RSA_PUBLIC, KeyAlgorithm.RSA, RSA_SPKI)
                .as(TtlvStructure.class);

        assertThat(big(material, Tags.MODULUS)).isEqualTo(jdk.getModulus());
        assertThat(big(material, Tags.PUBLIC_EXPONENT)).isEqualTo(jdk.getPublicExponent());
        assertThat(material.children()).hasSize(2);
    }

    @Test
    void pkcs1IsTheRsaStructureTheJdkKeyIsMadeOf() throws IOException {
        assertThat(bytes(KeyBlocks.writePrivate(FORMAT_PKCS_1, KeyAlgorithm.RSA, SecretBytes.copyOf(RSA_PKCS8))))
                .isEqualTo(jdkPkcs1());
    }

    @Test
    void ecKeysRoundTripInPkcs8AndX509() {
        try (SecretBytes back = KeyBlocks.readPrivate(FORMAT_PKCS_8, KeyAlgorithm.EC,
                KeyBlocks.writePrivate(FORMAT_PKCS_8, KeyAlgorithm.EC, SecretBytes.copyOf(EC_PKCS8)))) {
            assertThat(back.copy()).isEqualTo(EC_PKCS8);
        }
        assertThat(KeyBlocks.readPublic(FORMAT_X_509, KeyAlgorithm.EC,
                KeyBlocks.writePublic(FORMAT_X_509, KeyAlgorithm.EC, EC_SPKI))).isEqualTo(EC_SPKI);
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {FORMAT_PKCS_1, FORMAT_TRANSPARENT_RSA_PRIVATE, FORMAT_TRANSPARENT_RSA_PUBLIC})
    void rsaOnlyFormatsAreNotSupportedForEcKeys(int format) {
        TtlvItem anyMaterial = new TtlvByteString(Tags.KEY_MATERIAL, EC_PKCS8);

        assertFormatNotSupported(() -> KeyBlocks.writePrivate(format, KeyAlgorithm.EC, SecretBytes.copyOf(EC_PKCS8)));
        assertFormatNotSupported(() -> KeyBlocks.writePublic(format, KeyAlgorithm.EC, EC_SPKI));
        assertFormatNotSupported(() -> KeyBlocks.readPrivate(format, KeyAlgorithm.EC, anyMaterial).close());
        assertFormatNotSupported(() -> KeyBlocks.readPublic(format, KeyAlgorithm.EC, anyMaterial));
    }

    @Test
    void formatsOfTheOtherHalfOrOfSymmetricKeysAreNotSupported() {
        TtlvItem anyMaterial = new TtlvByteString(Tags.KEY_MATERIAL, RSA_SPKI);

        assertFormatNotSupported(() -> KeyBlocks.writePrivate(FORMAT_X_509, KeyAlgorithm.RSA,
                SecretBytes.copyOf(RSA_PKCS8)));
        assertFormatNotSupported(() -> KeyBlocks.writePublic(FORMAT_PKCS_8, KeyAlgorithm.RSA, RSA_SPKI));
        assertFormatNotSupported(() -> KeyBlocks.readPrivate(FORMAT_RAW, KeyAlgorithm.RSA, anyMaterial).close());
        assertFormatNotSupported(() -> KeyBlocks.readPublic(FORMAT_TRANSPARENT_RSA_PRIVATE, KeyAlgorithm.RSA,
                anyMaterial));
    }

    @Test
    void emptyKeyMaterialIsAnInvalidField() {
        TtlvItem empty = new TtlvByteString(Tags.KEY_MATERIAL, new byte[0]);

        assertThatThrownBy(() -> KeyBlocks.readPublic(FORMAT_X_509, KeyAlgorithm.RSA, empty))
                .isInstanceOfSatisfying(KmipFailure.class, withReason(ResultReason.INVALID_FIELD));
        assertThatThrownBy(() -> KeyBlocks.readPrivate(FORMAT_PKCS_1, KeyAlgorithm.RSA, empty).close())
                .isInstanceOfSatisfying(KmipFailure.class, withReason(ResultReason.INVALID_FIELD));
    }

    @Test
    void rsaKeysAreServedAsPkcs1AndOtherKeysAsPkcs8OrX509() {
        assertThat(KeyBlocks.format(privateKey("RSA", 2048, null))).isEqualTo(FORMAT_PKCS_1);
        assertThat(KeyBlocks.format(publicKey("RSA", 2048, null))).isEqualTo(FORMAT_PKCS_1);
        assertThat(KeyBlocks.format(privateKey("EC", 256, "P-256"))).isEqualTo(FORMAT_PKCS_8);
        assertThat(KeyBlocks.format(publicKey("EC", 256, "P-256"))).isEqualTo(FORMAT_X_509);
        assertThat(KeyBlocks.format(privateKey("Ed25519", 256, null))).isEqualTo(FORMAT_PKCS_8);
        assertThat(KeyBlocks.format(publicKey("Ed25519", 256, null))).isEqualTo(FORMAT_X_509);
        assertThat(KeyBlocks.format(AttributeHandlingTest.aesKey(Map.of()))).isEqualTo(FORMAT_RAW);
    }

    @Test
    void theFormatAKeyWasRegisteredInWins() {
        assertThat(KeyBlocks.format(registered(false, FORMAT_PKCS_8))).isEqualTo(FORMAT_PKCS_8);
        assertThat(KeyBlocks.format(registered(false, FORMAT_TRANSPARENT_RSA_PRIVATE)))
                .isEqualTo(FORMAT_TRANSPARENT_RSA_PRIVATE);
        assertThat(KeyBlocks.format(registered(true, FORMAT_X_509))).isEqualTo(FORMAT_X_509);
    }

    @Test
    void theDigestOfAnRsaPrivateKeyIsSha256OfItsPkcs1Encoding() throws Exception {
        byte[] digest = KeyBlocks.digest(privateKey("RSA", 2048, null), SecretBytes.copyOf(RSA_PKCS8));

        assertThat(digest).isEqualTo(sha256(jdkPkcs1()));
    }

    @Test
    void theDigestOfAnRsaPublicKeyIsSha256OfItsPkcs1Encoding() throws Exception {
        RSAPublicKey jdk = (RSAPublicKey) JdkKeyPairs.rsa(2048).getPublic();
        byte[] pkcs1 = new org.bouncycastle.asn1.pkcs.RSAPublicKey(jdk.getModulus(), jdk.getPublicExponent())
                .getEncoded();

        byte[] digest = KeyBlocks.digest(publicKey("RSA", 2048, null), SecretBytes.copyOf(RSA_SPKI));

        assertThat(digest).isEqualTo(sha256(pkcs1));
    }

    @Test
    void theDigestFollowsTheFormatAKeyIsServedIn() throws Exception {
        assertThat(KeyBlocks.digest(registered(false, FORMAT_PKCS_8), SecretBytes.copyOf(RSA_PKCS8)))
                .isEqualTo(sha256(RSA_PKCS8));
        assertThat(KeyBlocks.digest(registered(true, FORMAT_X_509), SecretBytes.copyOf(RSA_SPKI)))
                .isEqualTo(sha256(RSA_SPKI));
        assertThat(KeyBlocks.digest(privateKey("EC", 256, "P-256"), SecretBytes.copyOf(EC_PKCS8)))
                .isEqualTo(sha256(EC_PKCS8));
        assertThat(KeyBlocks.digest(publicKey("EC", 256, "P-256"), SecretBytes.copyOf(EC_SPKI)))
                .isEqualTo(sha256(EC_SPKI));
    }

    @Test
    void theDigestLeavesTheLentMaterialIntact() {
        SecretBytes material = SecretBytes.copyOf(RSA_PKCS8);

        KeyBlocks.digest(privateKey("RSA", 2048, null), material);

        assertThat(material.isDestroyed()).isFalse();
        assertThat(material.copy()).isEqualTo(RSA_PKCS8);
    }

    private static org.keyhaven.key.KeyView registered(boolean publicKeyOnly, int format) {
        return AsymmetricFixtures.view("RSA", 2048, null, publicKeyOnly,
                Map.of(StoredAttributes.FORMAT, String.valueOf(format)));
    }

    /** PKCS#1 RSAPrivateKey (RFC 8017 appendix A.1.2) built from the components the JDK reports. */
    private static byte[] jdkPkcs1() throws IOException {
        RSAPrivateCrtKey jdk = (RSAPrivateCrtKey) JdkKeyPairs.rsa(2048).getPrivate();
        return new RSAPrivateKey(jdk.getModulus(), jdk.getPublicExponent(), jdk.getPrivateExponent(),
                jdk.getPrimeP(), jdk.getPrimeQ(), jdk.getPrimeExponentP(), jdk.getPrimeExponentQ(),
                jdk.getCrtCoefficient()).getEncoded();
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] bytes(TtlvItem material) {
        return material.as(TtlvByteString.class).value();
    }

    private static BigInteger big(TtlvStructure structure, org.keyhaven.kmip.ttlv.Tag tag) {
        return structure.get(tag, TtlvBigInteger.class).value();
    }

    private static void assertFormatNotSupported(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipFailure.class,
                withReason(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED));
    }
}
