package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * Proof of possession for the in-server gateway, with RSA, EC and Ed25519 keys generated here: only a signature
 * over exactly the challenge, by the leaf certificate's own key, with the algorithm its key type prescribes, proves.
 */
class PossessionProofTest {

    private static final byte[] CHALLENGE = "a fresh challenge of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> keyTypes() {
        return Stream.of(
                Arguments.of("RSA", "SHA256withRSA"),
                Arguments.of("EC", "SHA256withECDSA"),
                Arguments.of("Ed25519", "Ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void aSignatureOverTheChallengeByTheLeafKeyProvesPossession(String type, String algorithm) {
        KeyPair pair = generate(type);
        X509Certificate leaf = SelfSignedCertificates.of(pair);

        assertThat(PossessionProof.algorithmFor(leaf.getPublicKey()).name()).isEqualTo(algorithm);
        assertThat(PossessionProof.proves(leaf, CHALLENGE, sign(algorithm, pair.getPrivate(), CHALLENGE))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void aSignatureByAnotherKeyProvesNothing(String type, String algorithm) {
        X509Certificate leaf = SelfSignedCertificates.of(generate(type));
        KeyPair other = generate(type);

        assertThat(PossessionProof.proves(leaf, CHALLENGE, sign(algorithm, other.getPrivate(), CHALLENGE))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void aSignatureOverAnotherChallengeProvesNothing(String type, String algorithm) {
        KeyPair pair = generate(type);
        X509Certificate leaf = SelfSignedCertificates.of(pair);
        byte[] other = CHALLENGE.clone();
        other[31] ^= 1;

        assertThat(PossessionProof.proves(leaf, other, sign(algorithm, pair.getPrivate(), CHALLENGE))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void aMissingOrMalformedSignatureProvesNothing(String type, String algorithm) {
        KeyPair pair = generate(type);
        X509Certificate leaf = SelfSignedCertificates.of(pair);
        byte[] truncated = sign(algorithm, pair.getPrivate(), CHALLENGE);
        truncated = Arrays.copyOf(truncated, truncated.length - 1);

        assertThat(PossessionProof.proves(leaf, CHALLENGE, null)).isFalse();
        assertThat(PossessionProof.proves(leaf, CHALLENGE, new byte[0])).isFalse();
        assertThat(PossessionProof.proves(leaf, CHALLENGE, new byte[] {0x30, 0x02, 0x01})).isFalse();
        assertThat(PossessionProof.proves(leaf, CHALLENGE, truncated)).isFalse();
        assertThat(PossessionProof.proves(leaf, null, sign(algorithm, pair.getPrivate(), CHALLENGE))).isFalse();
        assertThat(PossessionProof.proves(leaf, CHALLENGE, new byte[PossessionProof.MAX_SIGNATURE_BYTES + 1]))
                .isFalse();
    }

    @Test
    void anRsaSignatureWithAnotherDigestProvesNothing() {
        KeyPair pair = generate("RSA");

        assertThat(PossessionProof.proves(pair.getPublic(), CHALLENGE,
                sign("SHA512withRSA", pair.getPrivate(), CHALLENGE))).isFalse();
    }

    @Test
    void anEd448KeyCannotProve() {
        KeyPair pair = generate("Ed448");

        assertThat(PossessionProof.proves(pair.getPublic(), CHALLENGE, sign("Ed448", pair.getPrivate(), CHALLENGE)))
                .isFalse();
    }

    @Test
    void keysOfOtherTypesHaveNoAlgorithm() {
        assertThat(PossessionProof.algorithmFor(generate("DSA").getPublic())).isNull();
        assertThat(PossessionProof.algorithmFor(null)).isNull();
    }

    @Test
    void theChainIsReadLeafFirst() throws Exception {
        X509Certificate leaf = SelfSignedCertificates.of(generate("EC"));
        X509Certificate issuer = SelfSignedCertificates.of(generate("RSA"));

        X509Certificate[] chain = PossessionProof.certificates(List.of(leaf.getEncoded(), issuer.getEncoded()));

        assertThat(chain).containsExactly(leaf, issuer);
    }

    @Test
    void aMissingChainIsRefused() {
        assertRefused(null, "a client certificate chain is required");
        assertRefused(List.of(), "a client certificate chain is required");
        assertRefused(Collections.singletonList(null), "certificate 1 of the chain is missing or too large");
    }

    @Test
    void anUnreadableChainIsRefused() throws CertificateEncodingException {
        byte[] der = SelfSignedCertificates.of(generate("EC")).getEncoded();

        assertRefused(List.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}), "the certificate chain cannot be read");
        assertRefused(List.of(Arrays.copyOf(der, der.length / 2)), "the certificate chain cannot be read");
    }

    @Test
    void anOversizedChainIsRefusedBeforeItIsParsed() throws CertificateEncodingException {
        byte[] der = SelfSignedCertificates.of(generate("EC")).getEncoded();
        List<byte[]> tooLong = new ArrayList<>(Collections.nCopies(PossessionProof.MAX_CHAIN_LENGTH + 1, der));

        assertRefused(tooLong, "the certificate chain is longer than 10");
        assertRefused(List.of(der, new byte[PossessionProof.MAX_CERTIFICATE_BYTES + 1]),
                "certificate 2 of the chain is missing or too large");
    }

    private static void assertRefused(List<byte[]> chain, String message) {
        assertThatThrownBy(() -> PossessionProof.certificates(chain))
                .isInstanceOfSatisfying(KeyManagerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
                    assertThat(e).hasMessage(message);
                });
    }

    /** A fresh pair each time, so that "another key" really is another. */
    private static KeyPair generate(String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (type.equals("RSA")) {
                generator.initialize(2048);
            } else if (type.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (type.equals("DSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JDK cannot generate " + type, e);
        }
    }

    private static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot sign with " + algorithm, e);
        }
    }
}
