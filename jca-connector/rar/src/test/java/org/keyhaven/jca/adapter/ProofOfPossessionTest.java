package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfPossessionTest {

    private static final byte[] CHALLENGE = "a fresh challenge from Keyhaven".getBytes();

    static Stream<Arguments> acceptedKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return Stream.of(
                Arguments.of(rsa.generateKeyPair(), "SHA256withRSA"),
                Arguments.of(ec.generateKeyPair(), "SHA256withECDSA"),
                Arguments.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519"));
    }

    @ParameterizedTest
    @MethodSource("acceptedKeys")
    void theSignatureAlgorithmFollowsTheKeyTypeAndVerifiesWithThePublicKey(KeyPair pair, String algorithm)
            throws Exception {
        byte[] signature = ProofOfPossession.sign(pair.getPrivate(), CHALLENGE);

        assertThat(ProofOfPossession.algorithm(pair.getPrivate())).isEqualTo(algorithm);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(CHALLENGE);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DSA", "Ed448", "X25519"})
    void keyTypesKeyhavenDoesNotAcceptAreRefused(String type) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(type).generateKeyPair();

        assertThatThrownBy(() -> ProofOfPossession.sign(pair.getPrivate(), CHALLENGE))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Keyhaven accepts RSA, EC and Ed25519 client keys");
    }
}
