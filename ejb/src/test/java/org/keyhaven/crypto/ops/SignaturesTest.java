package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.Fixtures.aes;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.ec;
import static org.keyhaven.crypto.ops.Fixtures.ed25519;
import static org.keyhaven.crypto.ops.Fixtures.hex;
import static org.keyhaven.crypto.ops.Fixtures.jdkPrivateKey;
import static org.keyhaven.crypto.ops.Fixtures.jdkPublicKey;
import static org.keyhaven.crypto.ops.Fixtures.pair;
import static org.keyhaven.crypto.ops.Fixtures.rsa;
import static org.keyhaven.testing.Refusals.withCode;
import static org.keyhaven.testing.Tampering.flipBit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/**
 * Every signature algorithm with every matching key size and curve, cross-checked in both directions with the JDK's
 * own providers (SunRsaSign for RSASSA-PSS and PKCS#1 v1.5, SunEC for ECDSA and Ed25519), which share no code with
 * Bouncy Castle. The JDK side is configured here from the standards, not from {@link SignatureAlgorithm}.
 */
class SignaturesTest {

    private static final byte[] MESSAGE = "transfer 100 EUR to account 12345".getBytes(UTF_8);
    private static final byte[] OTHER_MESSAGE = "transfer 900 EUR to account 54321".getBytes(UTF_8);

    static Stream<Arguments> matchingPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            switch (algorithm.keyAlgorithm()) {
                case RSA -> {
                    for (int bits : new int[] {2048, 3072, 4096}) {
                        pairs.add(Arguments.of(algorithm, rsa(bits)));
                    }
                }
                case EC -> {
                    for (EcCurve curve : EcCurve.values()) {
                        pairs.add(Arguments.of(algorithm, ec(curve)));
                    }
                }
                case ED25519 -> pairs.add(Arguments.of(algorithm, ed25519()));
                default -> throw new IllegalStateException(algorithm + " signs with " + algorithm.keyAlgorithm());
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matchingPairs")
    void theJdkVerifiesKeyhavenSignatures(SignatureAlgorithm algorithm, KeySpec spec) throws GeneralSecurityException {
        GeneratedKey key = pair(spec);

        byte[] signature = Signatures.sign(algorithm, spec, key.secret(), MESSAGE);

        Signature jdk = jdkSignature(algorithm);
        jdk.initVerify(jdkPublicKey(spec, key.publicKey()));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(Signatures.verify(algorithm, spec, key.publicKey(), MESSAGE, signature)).isTrue();
        assertThat(key.secret().isDestroyed()).as("the lent private key stays usable").isFalse();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matchingPairs")
    void keyhavenVerifiesJdkSignatures(SignatureAlgorithm algorithm, KeySpec spec) throws GeneralSecurityException {
        GeneratedKey key = pair(spec);
        Signature jdk = jdkSignature(algorithm);
        jdk.initSign(jdkPrivateKey(spec, key.secret()));
        jdk.update(MESSAGE);

        byte[] signature = jdk.sign();

        assertThat(Signatures.verify(algorithm, spec, key.publicKey(), MESSAGE, signature)).isTrue();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matchingPairs")
    void aDifferentMessageDoesNotVerify(SignatureAlgorithm algorithm, KeySpec spec) {
        GeneratedKey key = pair(spec);
        byte[] signature = Signatures.sign(algorithm, spec, key.secret(), MESSAGE);

        byte[] changed = flipBit(MESSAGE, 0);
        assertThat(Signatures.verify(algorithm, spec, key.publicKey(), changed, signature)).isFalse();
        assertThat(Signatures.verify(algorithm, spec, key.publicKey(), concat(MESSAGE, new byte[1]), signature))
                .isFalse();
        assertThat(Signatures.verify(algorithm, spec, key.publicKey(), new byte[0], signature)).isFalse();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matchingPairs")
    void aSignatureWithABitFlippedInAnyByteDoesNotVerify(SignatureAlgorithm algorithm, KeySpec spec) {
        GeneratedKey key = pair(spec);
        byte[] signature = Signatures.sign(algorithm, spec, key.secret(), MESSAGE);

        List<Integer> acceptedBytes = new ArrayList<>();
        for (int index = 0; index < signature.length; index++) {
            byte[] corrupted = flipBit(signature, index * 8 + index % 8);
            if (Signatures.verify(algorithm, spec, key.publicKey(), MESSAGE, corrupted)) {
                acceptedBytes.add(index);
            }
        }

        assertThat(acceptedBytes).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matchingPairs")
    void malformedSignaturesAreFalseNotErrors(SignatureAlgorithm algorithm, KeySpec spec) {
        GeneratedKey key = pair(spec);
        byte[] signature = Signatures.sign(algorithm, spec, key.secret(), MESSAGE);
        byte[] randomOfTheSameLength = new byte[signature.length];
        new Random(7).nextBytes(randomOfTheSameLength);
        byte[] allOnes = new byte[signature.length];
        Arrays.fill(allOnes, (byte) 0xff);

        List<byte[]> malformed = List.of(
                new byte[0],
                new byte[1],
                hex("3000"),
                hex("3006020100020100"),
                hex("30080201010203010001"),
                new byte[signature.length],
                allOnes,
                randomOfTheSameLength,
                Arrays.copyOf(signature, signature.length - 1),
                concat(signature, new byte[1]),
                concat(new byte[1], signature),
                new byte[10_000],
                Signatures.sign(SignatureAlgorithm.ED25519, ed25519(), pair(ed25519()).secret(), OTHER_MESSAGE));

        for (byte[] candidate : malformed) {
            assertThat(Signatures.verify(algorithm, spec, key.publicKey(), MESSAGE, candidate)).isFalse();
        }
    }

    static Stream<Arguments> oneKeyPerFamily() {
        return Stream.of(
                Arguments.of(SignatureAlgorithm.RSA_PSS_SHA256, rsa(2048)),
                Arguments.of(SignatureAlgorithm.RSA_PKCS1_SHA512, rsa(2048)),
                Arguments.of(SignatureAlgorithm.ECDSA_SHA256, ec(EcCurve.P_256)),
                Arguments.of(SignatureAlgorithm.ECDSA_SHA512, ec(EcCurve.P_521)),
                Arguments.of(SignatureAlgorithm.ED25519, ed25519()));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("oneKeyPerFamily")
    void aSignatureByAnotherKeyDoesNotVerify(SignatureAlgorithm algorithm, KeySpec spec) {
        byte[] signature = Signatures.sign(algorithm, spec, Fixtures.otherPair(spec).secret(), MESSAGE);

        assertThat(Signatures.verify(algorithm, spec, pair(spec).publicKey(), MESSAGE, signature)).isFalse();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("oneKeyPerFamily")
    void theEmptyMessageCanBeSigned(SignatureAlgorithm algorithm, KeySpec spec) {
        byte[] signature = Signatures.sign(algorithm, spec, pair(spec).secret(), new byte[0]);

        assertThat(Signatures.verify(algorithm, spec, pair(spec).publicKey(), new byte[0], signature)).isTrue();
    }

    @Test
    void deterministicSchemesGiveTheJdksSignatureByteForByte() throws GeneralSecurityException {
        for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.RSA_PKCS1_SHA256,
                SignatureAlgorithm.RSA_PKCS1_SHA384, SignatureAlgorithm.RSA_PKCS1_SHA512, SignatureAlgorithm.ED25519)) {
            KeySpec spec = algorithm == SignatureAlgorithm.ED25519 ? ed25519() : rsa(3072);
            GeneratedKey key = pair(spec);
            Signature jdk = jdkSignature(algorithm);
            jdk.initSign(jdkPrivateKey(spec, key.secret()));
            jdk.update(MESSAGE);

            assertThat(Signatures.sign(algorithm, spec, key.secret(), MESSAGE)).as(algorithm.externalName())
                    .isEqualTo(jdk.sign());
        }
    }

    @Test
    void pssSaltsAreAsLongAsTheHash() throws GeneralSecurityException {
        KeySpec spec = rsa(2048);
        GeneratedKey key = pair(spec);
        byte[] signature = Signatures.sign(SignatureAlgorithm.RSA_PSS_SHA256, spec, key.secret(), MESSAGE);

        Signature shorterSalt = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        shorterSalt.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1));
        shorterSalt.initVerify(jdkPublicKey(spec, key.publicKey()));
        shorterSalt.update(MESSAGE);

        assertThat(shorterSalt.verify(signature)).isFalse();
    }

    @Test
    void randomisedSchemesGiveFreshSignatures() {
        for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.RSA_PSS_SHA256,
                SignatureAlgorithm.ECDSA_SHA256)) {
            KeySpec spec = algorithm == SignatureAlgorithm.ECDSA_SHA256 ? ec(EcCurve.P_256) : rsa(2048);
            GeneratedKey key = pair(spec);

            assertThat(Signatures.sign(algorithm, spec, key.secret(), MESSAGE))
                    .isNotEqualTo(Signatures.sign(algorithm, spec, key.secret(), MESSAGE));
        }
    }

    @Test
    void signatureEncodingsAreTheDocumentedOnes() throws IOException {
        for (EcCurve curve : EcCurve.values()) {
            byte[] signature = Signatures.sign(SignatureAlgorithm.defaultFor(ec(curve)), ec(curve),
                    pair(ec(curve)).secret(), MESSAGE);
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
            assertThat(sequence.size()).isEqualTo(2);
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            assertThat(new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER)).as("strict DER on " + curve).isEqualTo(signature);
        }
        assertThat(Signatures.sign(SignatureAlgorithm.ED25519, ed25519(), pair(ed25519()).secret(), MESSAGE))
                .hasSize(64);
        assertThat(Signatures.sign(SignatureAlgorithm.RSA_PSS_SHA512, rsa(4096), pair(rsa(4096)).secret(), MESSAGE))
                .hasSize(512);
    }

    static Stream<Arguments> incompatiblePairs() {
        return Stream.of(
                Arguments.of(SignatureAlgorithm.ECDSA_SHA256, rsa(2048)),
                Arguments.of(SignatureAlgorithm.ECDSA_SHA256, ed25519()),
                Arguments.of(SignatureAlgorithm.ECDSA_SHA384, ed25519()),
                Arguments.of(SignatureAlgorithm.RSA_PSS_SHA256, ec(EcCurve.P_256)),
                Arguments.of(SignatureAlgorithm.RSA_PKCS1_SHA256, ed25519()),
                Arguments.of(SignatureAlgorithm.ED25519, rsa(2048)),
                Arguments.of(SignatureAlgorithm.ED25519, ec(EcCurve.P_384)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("incompatiblePairs")
    void anAlgorithmThatDoesNotFitTheKeyIsRefused(SignatureAlgorithm algorithm, KeySpec spec) {
        GeneratedKey key = pair(spec);

        assertThatThrownBy(() -> Signatures.sign(algorithm, spec, key.secret(), MESSAGE))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageStartingWith(algorithm.externalName() + " cannot be used with key type " + spec + "; use ")
                .hasMessageContaining(SignatureAlgorithm.defaultFor(spec).externalName());
        assertThatThrownBy(() -> Signatures.verify(algorithm, spec, key.publicKey(), MESSAGE, new byte[64]))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void keysThatCannotSignAreRefused() {
        try (var aesKey = Fixtures.randomAesKey(256)) {
            assertThatThrownBy(() -> Signatures.sign(SignatureAlgorithm.ECDSA_SHA256, aes(256), aesKey, MESSAGE))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .hasMessage("ECDSA-SHA256 cannot be used with key type AES-256, which cannot sign");
        }
        KeySpec hmac = KeySpec.of(KeyAlgorithm.HMAC_SHA256, null, null);
        assertThatThrownBy(() -> Signatures.verify(SignatureAlgorithm.ED25519, hmac, new byte[32], MESSAGE,
                new byte[64])).isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void missingMessageOrSignatureIsAnInvalidRequest() {
        KeySpec spec = ed25519();
        GeneratedKey key = pair(spec);

        assertThatThrownBy(() -> Signatures.sign(SignatureAlgorithm.ED25519, spec, key.secret(), null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessage("message is required");
        assertThatThrownBy(() -> Signatures.verify(SignatureAlgorithm.ED25519, spec, key.publicKey(), MESSAGE, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessage("signature is required");
    }

    /** The JDK's implementation of each scheme, from its standard parameters. */
    private static Signature jdkSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case RSA_PSS_SHA256 -> jdkPss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case RSA_PSS_SHA384 -> jdkPss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case RSA_PSS_SHA512 -> jdkPss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case RSA_PKCS1_SHA256 -> Signature.getInstance("SHA256withRSA", "SunRsaSign");
            case RSA_PKCS1_SHA384 -> Signature.getInstance("SHA384withRSA", "SunRsaSign");
            case RSA_PKCS1_SHA512 -> Signature.getInstance("SHA512withRSA", "SunRsaSign");
            case ECDSA_SHA256 -> Signature.getInstance("SHA256withECDSA", "SunEC");
            case ECDSA_SHA384 -> Signature.getInstance("SHA384withECDSA", "SunEC");
            case ECDSA_SHA512 -> Signature.getInstance("SHA512withECDSA", "SunEC");
            case ED25519 -> Signature.getInstance("Ed25519", "SunEC");
        };
    }

    private static Signature jdkPss(String hash, MGF1ParameterSpec mgf1, int saltBytes)
            throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf1, saltBytes, 1));
        return signature;
    }
}
