package org.keyhaven.crypto.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.Fixtures.aes;
import static org.keyhaven.crypto.ops.Fixtures.ec;
import static org.keyhaven.crypto.ops.Fixtures.ed25519;
import static org.keyhaven.crypto.ops.Fixtures.rsa;
import static org.keyhaven.testing.Refusals.withCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

class SignatureAlgorithmTest {

    private static final Set<SignatureAlgorithm> RSA_SCHEMES = EnumSet.of(SignatureAlgorithm.RSA_PSS_SHA256,
            SignatureAlgorithm.RSA_PSS_SHA384, SignatureAlgorithm.RSA_PSS_SHA512, SignatureAlgorithm.RSA_PKCS1_SHA256,
            SignatureAlgorithm.RSA_PKCS1_SHA384, SignatureAlgorithm.RSA_PKCS1_SHA512);
    private static final Set<SignatureAlgorithm> ECDSA_SCHEMES = EnumSet.of(SignatureAlgorithm.ECDSA_SHA256,
            SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.ECDSA_SHA512);

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("RSA-PSS-SHA256", SignatureAlgorithm.RSA_PSS_SHA256),
                Arguments.of("rsa-pss-sha384", SignatureAlgorithm.RSA_PSS_SHA384),
                Arguments.of("Rsa-Pss-Sha512", SignatureAlgorithm.RSA_PSS_SHA512),
                Arguments.of("RSA-PKCS1-SHA256", SignatureAlgorithm.RSA_PKCS1_SHA256),
                Arguments.of("rsa_pkcs1_sha384", SignatureAlgorithm.RSA_PKCS1_SHA384),
                Arguments.of("RSA-PKCS1-SHA512", SignatureAlgorithm.RSA_PKCS1_SHA512),
                Arguments.of("ECDSA-SHA256", SignatureAlgorithm.ECDSA_SHA256),
                Arguments.of("ECDSA-SHA384", SignatureAlgorithm.ECDSA_SHA384),
                Arguments.of(" ecdsa-sha512 ", SignatureAlgorithm.ECDSA_SHA512),
                Arguments.of("Ed25519", SignatureAlgorithm.ED25519),
                Arguments.of("ED25519", SignatureAlgorithm.ED25519),
                Arguments.of("ed25519", SignatureAlgorithm.ED25519));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void namesAreAcceptedWhateverTheirCase(String text, SignatureAlgorithm expected) {
        assertThat(SignatureAlgorithm.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void everyExternalNameParsesBackToItsAlgorithm(SignatureAlgorithm algorithm) {
        assertThat(SignatureAlgorithm.parse(algorithm.externalName())).isEqualTo(algorithm);
    }

    @Test
    void unknownNamesAreRefusedWithTheListOfKnownOnes() {
        for (String unknown : new String[] {"RSA-PSS-SHA1", "ECDSA", "EdDSA", "SHA256withRSA", "", "RSA-PSS-SHA256x"}) {
            assertThatThrownBy(() -> SignatureAlgorithm.parse(unknown))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.UNKNOWN_ALGORITHM))
                    .hasMessage("unknown signature algorithm '" + unknown + "'; known: RSA-PSS-SHA256, "
                            + "RSA-PSS-SHA384, RSA-PSS-SHA512, RSA-PKCS1-SHA256, RSA-PKCS1-SHA384, RSA-PKCS1-SHA512, "
                            + "ECDSA-SHA256, ECDSA-SHA384, ECDSA-SHA512, Ed25519");
        }
    }

    @Test
    void aMissingOrHostileNameIsRefusedWithoutEchoingControlCharacters() {
        assertThatThrownBy(() -> SignatureAlgorithm.parse(null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.UNKNOWN_ALGORITHM));
        assertThatThrownBy(() -> SignatureAlgorithm.parse("Ed\n25519\u0000" + "x".repeat(200)))
                .hasMessageStartingWith("unknown signature algorithm 'Ed?25519?xxx")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("x".repeat(50));
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of(rsa(2048), SignatureAlgorithm.RSA_PSS_SHA256),
                Arguments.of(rsa(3072), SignatureAlgorithm.RSA_PSS_SHA256),
                Arguments.of(rsa(4096), SignatureAlgorithm.RSA_PSS_SHA256),
                Arguments.of(ec(EcCurve.P_256), SignatureAlgorithm.ECDSA_SHA256),
                Arguments.of(ec(EcCurve.P_384), SignatureAlgorithm.ECDSA_SHA384),
                Arguments.of(ec(EcCurve.P_521), SignatureAlgorithm.ECDSA_SHA512),
                Arguments.of(ed25519(), SignatureAlgorithm.ED25519));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void eachSigningKeyHasADefaultThatFitsIt(KeySpec spec, SignatureAlgorithm expected) {
        assertThat(SignatureAlgorithm.defaultFor(spec)).isEqualTo(expected);
        assertThat(expected.compatibleWith(spec)).isTrue();
    }

    @Test
    void keysThatCannotSignHaveNoDefault() {
        for (KeySpec spec : List.of(aes(256), KeySpec.of(KeyAlgorithm.HMAC_SHA256, null, null),
                KeySpec.of(KeyAlgorithm.SECRET_DATA, null, null))) {
            assertThatThrownBy(() -> SignatureAlgorithm.defaultFor(spec))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .hasMessageContaining("cannot sign");
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void eachAlgorithmIsCompatibleWithExactlyItsKeyFamily(SignatureAlgorithm algorithm) {
        for (int bits : new int[] {2048, 3072, 4096}) {
            assertThat(algorithm.compatibleWith(rsa(bits))).isEqualTo(RSA_SCHEMES.contains(algorithm));
        }
        for (EcCurve curve : EcCurve.values()) {
            assertThat(algorithm.compatibleWith(ec(curve))).isEqualTo(ECDSA_SCHEMES.contains(algorithm));
        }
        assertThat(algorithm.compatibleWith(ed25519())).isEqualTo(algorithm == SignatureAlgorithm.ED25519);
        assertThat(algorithm.compatibleWith(aes(256))).isFalse();
        assertThat(algorithm.compatibleWith(KeySpec.of(KeyAlgorithm.HMAC_SHA512, null, null))).isFalse();
        assertThat(algorithm.compatibleWith(null)).isFalse();
    }
}
