package org.keyhaven.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

class KeyMaterialGeneratorTest {

    private static final byte[] MESSAGE = "key material generator test".getBytes(US_ASCII);
    /** One generated PKCS#8 and SPKI encoding per algorithm, made on first use by the damage property. */
    private static final Map<KeyAlgorithm, byte[][]> ENCODINGS = new ConcurrentHashMap<>();

    static Stream<KeySpec> secretSpecs() {
        return Stream.of(
                KeySpec.of(KeyAlgorithm.AES, 128, null),
                KeySpec.of(KeyAlgorithm.AES, 192, null),
                KeySpec.of(KeyAlgorithm.AES, 256, null),
                KeySpec.of(KeyAlgorithm.HMAC_SHA256, null, null),
                KeySpec.of(KeyAlgorithm.HMAC_SHA384, null, null),
                KeySpec.of(KeyAlgorithm.HMAC_SHA512, null, null),
                KeySpec.of(KeyAlgorithm.HMAC_SHA256, 1024, null),
                KeySpec.of(KeyAlgorithm.SECRET_DATA, null, null),
                KeySpec.of(KeyAlgorithm.SECRET_DATA, 8, null));
    }

    /** Spec, signature algorithm, key algorithm OID, curve OID (EC only). */
    static Stream<Arguments> keyPairSpecs() {
        return Stream.of(
                Arguments.of(KeySpec.of(KeyAlgorithm.RSA, 2048, null), "SHA256withRSA", "1.2.840.113549.1.1.1", null),
                Arguments.of(KeySpec.of(KeyAlgorithm.RSA, 3072, null), "SHA256withRSA", "1.2.840.113549.1.1.1", null),
                Arguments.of(KeySpec.of(KeyAlgorithm.RSA, 4096, null), "SHA512withRSA", "1.2.840.113549.1.1.1", null),
                Arguments.of(KeySpec.of(KeyAlgorithm.EC, null, "P-256"), "SHA256withECDSA", "1.2.840.10045.2.1",
                        "1.2.840.10045.3.1.7"),
                Arguments.of(KeySpec.of(KeyAlgorithm.EC, null, "P-384"), "SHA384withECDSA", "1.2.840.10045.2.1",
                        "1.3.132.0.34"),
                Arguments.of(KeySpec.of(KeyAlgorithm.EC, null, "P-521"), "SHA512withECDSA", "1.2.840.10045.2.1",
                        "1.3.132.0.35"),
                Arguments.of(KeySpec.of(KeyAlgorithm.ED25519, null, null), "Ed25519", "1.3.101.112", null));
    }

    /**
     * RSA 3072 and 4096 are left out (generating them twice more is slow and shows nothing new), and so is the
     * one-byte secret, which repeats once in 256 draws.
     */
    static Stream<KeySpec> cheapSpecs() {
        return Stream.concat(secretSpecs().filter(spec -> spec.lengthBits() >= 128), Stream.of(
                KeySpec.of(KeyAlgorithm.RSA, 2048, null),
                KeySpec.of(KeyAlgorithm.EC, null, "P-256"),
                KeySpec.of(KeyAlgorithm.EC, null, "P-384"),
                KeySpec.of(KeyAlgorithm.EC, null, "P-521"),
                KeySpec.of(KeyAlgorithm.ED25519, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretSpecs")
    void secretMaterialHasTheSpecifiedLengthAndNoPublicKey(KeySpec spec) {
        try (GeneratedKey key = KeyMaterialGenerator.generate(spec)) {
            assertThat(key.secret().length()).isEqualTo(spec.lengthBits() / 8);
            assertThat(key.publicKey()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyPairSpecs")
    void keyPairsAreStandardEncodingsOfTheSpecifiedSizeThatSignAndVerify(KeySpec spec, String signatureAlgorithm,
            String algorithmOid, String curveOid) throws GeneralSecurityException {
        try (GeneratedKey key = KeyMaterialGenerator.generate(spec)) {
            AlgorithmIdentifier privateAlgorithm = key.secret()
                    .use(der -> PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm());
            AlgorithmIdentifier publicAlgorithm = SubjectPublicKeyInfo.getInstance(key.publicKey()).getAlgorithm();
            assertThat(privateAlgorithm.getAlgorithm().getId()).isEqualTo(algorithmOid);
            assertThat(publicAlgorithm.getAlgorithm().getId()).isEqualTo(algorithmOid);
            if (curveOid != null) {
                assertThat(ASN1ObjectIdentifier.getInstance(publicAlgorithm.getParameters()).getId())
                        .isEqualTo(curveOid);
            }

            PrivateKey privateKey = key.secret().use(der -> KeyMaterialGenerator.privateKey(spec.algorithm(), der));
            PublicKey publicKey = KeyMaterialGenerator.publicKey(spec.algorithm(), key.publicKey());
            if (publicKey instanceof RSAPublicKey rsa) {
                assertThat(rsa.getModulus().bitLength()).isEqualTo(spec.lengthBits());
                assertThat(rsa.getPublicExponent().intValue()).isEqualTo(65537);
            }
            if (publicKey instanceof ECPublicKey ec) {
                assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(spec.curve().fieldBits());
            }

            byte[] signature = sign(signatureAlgorithm, privateKey, MESSAGE);
            assertThat(verify(signatureAlgorithm, publicKey, MESSAGE, signature)).isTrue();
            assertThat(verify(signatureAlgorithm, publicKey, TestBytes.flipBit(MESSAGE, 0), signature)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cheapSpecs")
    void twoGenerationsDiffer(KeySpec spec) {
        try (GeneratedKey first = KeyMaterialGenerator.generate(spec);
                GeneratedKey second = KeyMaterialGenerator.generate(spec)) {
            assertThat(second.secret().copy()).isNotEqualTo(first.secret().copy());
            if (first.publicKey() != null) {
                assertThat(second.publicKey()).isNotEqualTo(first.publicKey());
            }
        }
    }

    @Test
    void aPrivateKeyOfAnotherAlgorithmIsAnInternalErrorThatQuotesNothing() {
        try (GeneratedKey ec = KeyMaterialGenerator.generate(KeySpec.of(KeyAlgorithm.EC, null, "P-256"))) {
            assertThatThrownBy(() -> ec.secret().use(der -> KeyMaterialGenerator.privateKey(KeyAlgorithm.RSA, der)))
                    .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                        assertThat(e.getMessage()).isEqualTo("stored RSA private key cannot be decoded");
                        assertThat(e.getCause()).isNull();
                    });
        }
    }

    @Test
    void garbageEncodingsAreInternalErrors() {
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05};
        assertThatThrownBy(() -> KeyMaterialGenerator.privateKey(KeyAlgorithm.ED25519, garbage))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
        assertThatThrownBy(() -> KeyMaterialGenerator.publicKey(KeyAlgorithm.EC, garbage))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    }

    /** Stored encodings are integrity-checked before decoding; still, a damaged one must fail cleanly. */
    @Property(tries = 300)
    void damagedEncodingsEitherDecodeOrFailAsInternalErrors(@ForAll("asymmetric") KeyAlgorithm algorithm,
            @ForAll @IntRange(min = 0, max = 1000) int position, @ForAll byte mask, @ForAll boolean truncate) {
        byte[][] encodings = ENCODINGS.computeIfAbsent(algorithm, KeyMaterialGeneratorTest::encodingsOf);
        byte[] pkcs8 = damage(encodings[0], position, mask, truncate);
        byte[] spki = damage(encodings[1], position, mask, truncate);
        assertDecodesOrFailsInternally(() -> KeyMaterialGenerator.privateKey(algorithm, pkcs8));
        assertDecodesOrFailsInternally(() -> KeyMaterialGenerator.publicKey(algorithm, spki));
    }

    @Provide
    Arbitrary<KeyAlgorithm> asymmetric() {
        return Arbitraries.of(KeyAlgorithm.RSA, KeyAlgorithm.EC, KeyAlgorithm.ED25519);
    }

    private static byte[][] encodingsOf(KeyAlgorithm algorithm) {
        KeySpec spec = switch (algorithm) {
            case RSA -> KeySpec.of(algorithm, 2048, null);
            case EC -> KeySpec.of(algorithm, null, "P-256");
            default -> KeySpec.of(algorithm, null, null);
        };
        try (GeneratedKey key = KeyMaterialGenerator.generate(spec)) {
            return new byte[][] {key.secret().copy(), key.publicKey()};
        }
    }

    private static byte[] damage(byte[] encoding, int position, byte mask, boolean truncate) {
        int index = position % encoding.length;
        if (truncate) {
            return Arrays.copyOf(encoding, index);
        }
        byte[] copy = encoding.clone();
        copy[index] ^= mask;
        return copy;
    }

    private static void assertDecodesOrFailsInternally(Runnable decode) {
        try {
            decode.run();
        } catch (KeyhavenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        }
    }

    @Test
    void symmetricAlgorithmsHaveNoKeyFactory() {
        assertThatThrownBy(() -> KeyMaterialGenerator.publicKey(KeyAlgorithm.AES, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sign(String algorithm, PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm, KeyhavenProvider.get());
        signer.initSign(key, KeyhavenProvider.random());
        signer.update(message);
        return signer.sign();
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, KeyhavenProvider.get());
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
