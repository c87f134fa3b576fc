package org.keyhaven.kmip.operation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.privateKey;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.withReason;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.keyhaven.crypto.ops.Hash;
import org.keyhaven.crypto.ops.SignatureScheme;
import org.keyhaven.crypto.ops.Signatures;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.testing.JdkKeyPairs;

/**
 * Cryptographic Parameters of Sign, Signature Verify and RSA Encrypt/Decrypt read into schemes. Enumeration codes are
 * those of the KMIP specification (Padding Method, Hashing Algorithm, Digital Signature Algorithm, Mask Generator).
 */
class AsymmetricParametersTest {

    private static final int PADDING_OAEP = 0x02;
    private static final int PADDING_PKCS1_V1_5 = 0x08;
    private static final int PADDING_PSS = 0x0A;
    private static final int SHA_1 = 0x04;
    private static final int MD5 = 0x03;
    private static final int SHA_384 = 0x07;
    private static final int SHA_512 = 0x08;
    private static final int SHA256_WITH_RSA = 0x05;
    private static final int RSASSA_PSS = 0x08;
    private static final int ECDSA_WITH_SHA384 = 0x0F;
    private static final int DSA_WITH_SHA256 = 0x0B;

    private static final KeyView RSA_2048 = privateKey("RSA", 2048, null);
    private static final KeyView P_256 = privateKey("EC", 256, "P-256");
    private static final TtlvStructure NONE = parameters().build();

    @Test
    void anRsaKeyWithoutParametersSignsWithPssSha256AndASaltAsLongAsTheHash() {
        SignatureScheme scheme = AsymmetricParameters.signing(NONE, RSA_2048);

        assertPss(scheme, "SHA-256", 32);
    }

    @Test
    void anRsaKeyWithoutParametersVerifiesBothSaltConventions() {
        // the largest salt: ceil((2048 - 1) / 8) - 32 - 2 = 222 bytes (RFC 8017 section 9.1.1)
        List<SignatureScheme> schemes = AsymmetricParameters.verifying(NONE, RSA_2048);

        assertThat(schemes).hasSize(2);
        assertPss(schemes.get(0), "SHA-256", 32);
        assertPss(schemes.get(1), "SHA-256", 222);
    }

    @Test
    void aSignatureWithTheLargestSaltFromTheJdkVerifiesUnderOneOfTheCandidates() throws GeneralSecurityException {
        KeyPair rsa = JdkKeyPairs.rsa(2048);
        byte[] message = "largest salt".getBytes(UTF_8);
        Signature jdk = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 222, 1));
        jdk.initSign(rsa.getPrivate());
        jdk.update(message);
        byte[] signature = jdk.sign();

        KeySpec spec = KeySpec.of(KeyAlgorithm.RSA, 2048, null);
        assertThat(AsymmetricParameters.verifying(NONE, RSA_2048)).anyMatch(scheme -> Signatures.verify(scheme, spec,
                rsa.getPublic().getEncoded(), message, signature));
    }

    @Test
    void aGivenSaltLengthIsTheOnlyCandidate() {
        TtlvStructure salt222 = parameters().integer(Tags.SALT_LENGTH, 222).build();

        assertPss(AsymmetricParameters.signing(salt222, RSA_2048), "SHA-256", 222);
        assertThat(AsymmetricParameters.verifying(salt222, RSA_2048)).singleElement()
                .satisfies(scheme -> assertPss(scheme, "SHA-256", 222));
    }

    @Test
    void aSaltLengthTheKeyHasNoRoomForOrANegativeOneIsAnInvalidField() {
        for (int salt : new int[] {300, 223, -1}) {
            TtlvStructure parameters = parameters().integer(Tags.SALT_LENGTH, salt).build();

            assertRefused(() -> AsymmetricParameters.signing(parameters, RSA_2048), ResultReason.INVALID_FIELD);
            assertRefused(() -> AsymmetricParameters.verifying(parameters, RSA_2048), ResultReason.INVALID_FIELD);
        }
    }

    @Test
    void theHashingAlgorithmSetsThePssHashAndTheRoomForSalt() {
        TtlvStructure sha512 = parameters().enumeration(Tags.HASHING_ALGORITHM, SHA_512).build();

        assertPss(AsymmetricParameters.signing(sha512, RSA_2048), "SHA-512", 64);
        assertThat(AsymmetricParameters.verifying(sha512, RSA_2048)).element(1)
                .satisfies(scheme -> assertPss(scheme, "SHA-512", 256 - 64 - 2));
    }

    @Test
    void pkcs1V15PaddingGivesRsaPkcs1WithTheHash() {
        SignatureScheme sha256 = AsymmetricParameters.signing(
                parameters().enumeration(Tags.PADDING_METHOD, PADDING_PKCS1_V1_5).build(), RSA_2048);
        SignatureScheme sha384 = AsymmetricParameters.signing(parameters()
                .enumeration(Tags.PADDING_METHOD, PADDING_PKCS1_V1_5).enumeration(Tags.HASHING_ALGORITHM, SHA_384)
                .build(), RSA_2048);

        assertThat(sha256.name()).isEqualTo("RSA-PKCS1-SHA256");
        assertThat(sha256.jcaName()).isEqualTo("SHA256withRSA");
        assertThat(sha256.pss()).isNull();
        assertThat(sha384.jcaName()).isEqualTo("SHA384withRSA");
    }

    @Test
    void aPaddingOtherThanPssOrPkcs1IsUnsupportedForSignatures() {
        assertRefused(() -> AsymmetricParameters.signing(parameters().enumeration(Tags.PADDING_METHOD, PADDING_OAEP)
                .build(), RSA_2048), ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
    }

    @Test
    void aNamedDigitalSignatureAlgorithmIsUsedAsNamed() {
        SignatureScheme pkcs1 = AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, SHA256_WITH_RSA).build(), RSA_2048);
        SignatureScheme ecdsa = AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, ECDSA_WITH_SHA384).build(), P_256);
        SignatureScheme pss = AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, RSASSA_PSS).build(), RSA_2048);

        assertThat(pkcs1.jcaName()).isEqualTo("SHA256withRSA");
        assertThat(ecdsa.jcaName()).isEqualTo("SHA384withECDSA");
        assertThat(ecdsa.keyAlgorithm()).isEqualTo(KeyAlgorithm.EC);
        assertPss(pss, "SHA-256", 32);
    }

    @Test
    void aNamedAlgorithmForAnotherKeyTypeIsAnInvalidField() {
        assertRefused(() -> AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, ECDSA_WITH_SHA384).build(), RSA_2048),
                ResultReason.INVALID_FIELD);
        assertRefused(() -> AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, SHA256_WITH_RSA).build(), P_256),
                ResultReason.INVALID_FIELD);
    }

    @Test
    void rsassaPssNamedForAnEcKeyIsAnInvalidField() {
        assertRefused(() -> AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, RSASSA_PSS).build(), P_256),
                ResultReason.INVALID_FIELD);
    }

    @Test
    void rsassaPssNamedWithPkcs1PaddingContradictsItself() {
        assertRefused(() -> AsymmetricParameters.signing(parameters()
                .enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, RSASSA_PSS)
                .enumeration(Tags.PADDING_METHOD, PADDING_PKCS1_V1_5).build(), RSA_2048),
                ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
    }

    @Test
    void unsupportedAlgorithmsAndHashesAreUnsupportedParameters() {
        assertRefused(() -> AsymmetricParameters.signing(
                parameters().enumeration(Tags.DIGITAL_SIGNATURE_ALGORITHM, DSA_WITH_SHA256).build(), RSA_2048),
                ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
        assertRefused(() -> AsymmetricParameters.signing(
                parameters().enumeration(Tags.HASHING_ALGORITHM, MD5).build(), RSA_2048),
                ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
    }

    @Test
    void ecKeysDefaultToTheHashOfTheirCurvesStrengthAndEd25519ToItself() {
        assertThat(AsymmetricParameters.signing(NONE, P_256).jcaName()).isEqualTo("SHA256withECDSA");
        assertThat(AsymmetricParameters.signing(NONE, privateKey("EC", 384, "P-384")).jcaName())
                .isEqualTo("SHA384withECDSA");
        assertThat(AsymmetricParameters.signing(NONE, privateKey("EC", 521, "P-521")).jcaName())
                .isEqualTo("SHA512withECDSA");
        assertThat(AsymmetricParameters.signing(parameters().enumeration(Tags.HASHING_ALGORITHM, SHA_512).build(),
                P_256).jcaName()).isEqualTo("SHA512withECDSA");
        assertThat(AsymmetricParameters.signing(NONE, privateKey("Ed25519", 256, null)).keyAlgorithm())
                .isEqualTo(KeyAlgorithm.ED25519);
    }

    @Test
    void aSymmetricKeyDoesNotSign() {
        assertRefused(() -> AsymmetricParameters.signing(NONE, AttributeHandlingTest.aesKey(java.util.Map.of())),
                ResultReason.INVALID_OBJECT_TYPE);
    }

    @Test
    void oaepWithoutParametersIsSha256WithMgf1Sha256AndNoLabel() {
        byte[] data = {1, 2, 3};

        OaepRequest request = AsymmetricParameters.oaep(NONE, data);

        assertThat(request.hash()).isEqualTo(Hash.SHA256);
        assertThat(request.mgf1()).isEqualTo(Hash.SHA256);
        assertThat(request.label()).isEmpty();
        assertThat(request.data()).isEqualTo(data);
    }

    @Test
    void oaepReadsTheHashTheMaskGeneratorHashAndThePSource() {
        byte[] label = "tenant-42".getBytes(UTF_8);
        TtlvStructure parameters = parameters().enumeration(Tags.PADDING_METHOD, PADDING_OAEP)
                .enumeration(Tags.HASHING_ALGORITHM, SHA_384).enumeration(Tags.MASK_GENERATOR, 0x01)
                .enumeration(Tags.MASK_GENERATOR_HASHING_ALGORITHM, SHA_1).bytes(Tags.P_SOURCE, label).build();

        OaepRequest request = AsymmetricParameters.oaep(parameters, new byte[8]);

        assertThat(request.hash()).isEqualTo(Hash.SHA384);
        assertThat(request.mgf1()).isEqualTo(Hash.SHA1);
        assertThat(request.label()).isEqualTo(label);
    }

    @Test
    void theMaskGeneratorHashDefaultsToTheOaepHash() {
        OaepRequest request = AsymmetricParameters.oaep(
                parameters().enumeration(Tags.HASHING_ALGORITHM, SHA_512).build(), new byte[8]);

        assertThat(request.hash()).isEqualTo(Hash.SHA512);
        assertThat(request.mgf1()).isEqualTo(Hash.SHA512);
    }

    @Test
    void pkcs1V15EncryptionAndOtherMaskGeneratorsAreUnsupported() {
        assertRefused(() -> AsymmetricParameters.oaep(parameters().enumeration(Tags.PADDING_METHOD,
                PADDING_PKCS1_V1_5).build(), new byte[8]), ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
        assertRefused(() -> AsymmetricParameters.oaep(parameters().enumeration(Tags.PADDING_METHOD,
                PADDING_PSS).build(), new byte[8]), ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
        assertRefused(() -> AsymmetricParameters.oaep(parameters().enumeration(Tags.MASK_GENERATOR, 0x02).build(),
                new byte[8]), ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS);
    }

    private static StructureBuilder parameters() {
        return StructureBuilder.of(Tags.CRYPTOGRAPHIC_PARAMETERS);
    }

    /** RSASSA-PSS with MGF1 over the same hash, the salt length given and trailer field 1 (RFC 8017 section 9.1). */
    private static void assertPss(SignatureScheme scheme, String hash, int salt) {
        assertThat(scheme.keyAlgorithm()).isEqualTo(KeyAlgorithm.RSA);
        assertThat(scheme.jcaName()).isEqualTo("RSASSA-PSS");
        PSSParameterSpec pss = scheme.pss();
        assertThat(pss.getDigestAlgorithm()).isEqualTo(hash);
        assertThat(pss.getMGFAlgorithm()).isEqualTo("MGF1");
        assertThat(((MGF1ParameterSpec) pss.getMGFParameters()).getDigestAlgorithm()).isEqualTo(hash);
        assertThat(pss.getSaltLength()).isEqualTo(salt);
        assertThat(pss.getTrailerField()).isEqualTo(1);
    }

    private static void assertRefused(ThrowingCallable call, ResultReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipFailure.class, withReason(reason));
    }
}
