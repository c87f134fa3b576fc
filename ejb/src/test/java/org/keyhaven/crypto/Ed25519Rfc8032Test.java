package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.crypto.TestBytes.flipBit;
import static org.keyhaven.crypto.TestBytes.hex;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.stream.Stream;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.key.KeyAlgorithm;

/**
 * RFC 8032 section 7.1, TEST 1 to 3. The private key is built from the raw 32-byte seed by prefixing the fixed
 * PKCS#8 header of RFC 8410 section 7 (OneAsymmetricKey v1, OID 1.3.101.112, the seed as an inner OCTET
 * STRING); the public key likewise with the SubjectPublicKeyInfo header of RFC 8410 section 4.
 */
class Ed25519Rfc8032Test {

    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    static Stream<Arguments> rfc8032() {
        return Stream.of(
                Arguments.of("TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of("TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of("TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void signingWithTheSeedReproducesThePublishedSignature(String name, String seed, String publicKey,
            String message, String signature) throws GeneralSecurityException {
        PrivateKey key = KeyMaterialGenerator.privateKey(KeyAlgorithm.ED25519, hex(PKCS8_PREFIX, seed));
        Signature signer = Signature.getInstance("Ed25519", KeyhavenProvider.get());
        signer.initSign(key);
        signer.update(hex(message));
        assertThat(signer.sign()).isEqualTo(hex(signature));
        assertThat(((EdDSAPrivateKey) key).getPublicKey().getEncoded()).isEqualTo(hex(SPKI_PREFIX, publicKey));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void thePublishedSignatureVerifiesAndAFlippedBitDoesNot(String name, String seed, String publicKey,
            String message, String signature) throws GeneralSecurityException {
        PublicKey key = KeyMaterialGenerator.publicKey(KeyAlgorithm.ED25519, hex(SPKI_PREFIX, publicKey));
        assertThat(verify(key, hex(message), hex(signature))).isTrue();
        assertThat(verify(key, hex(message), flipBit(hex(signature), 0))).isFalse();
        assertThat(verify(key, hex(message), flipBit(hex(signature), 63))).isFalse();
        assertThat(verify(key, hex(message, "00"), hex(signature))).isFalse();
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519", KeyhavenProvider.get());
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
