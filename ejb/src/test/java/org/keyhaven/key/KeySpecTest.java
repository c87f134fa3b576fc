package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.KeyAlgorithm.AES;
import static org.keyhaven.key.KeyAlgorithm.EC;
import static org.keyhaven.key.KeyAlgorithm.ED25519;
import static org.keyhaven.key.KeyAlgorithm.HMAC_SHA256;
import static org.keyhaven.key.KeyAlgorithm.HMAC_SHA384;
import static org.keyhaven.key.KeyAlgorithm.HMAC_SHA512;
import static org.keyhaven.key.KeyAlgorithm.RSA;
import static org.keyhaven.key.KeyAlgorithm.SECRET_DATA;

import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Validation of what a caller may ask for: algorithm names, lengths, curves, usages and revocation reasons, with
 * stable error codes, and messages that never echo more than a short printable prefix of what the caller sent.
 */
class KeySpecTest {

    /** Hostile input: control characters (terminal escape, CR LF for log injection), a marker far in, 10 KB. */
    static final String HOSTILE = "\u001b[2J\r\nforged log line\u0000" + "x".repeat(100) + "TAIL-MARKER"
            + "y".repeat(10_000) + "\u202e";

    static Stream<Arguments> validSpecs() {
        return Stream.of(
                Arguments.of(AES, null, null, 256, null),
                Arguments.of(AES, 128, null, 128, null),
                Arguments.of(AES, 192, null, 192, null),
                Arguments.of(AES, 256, null, 256, null),
                Arguments.of(RSA, null, null, 3072, null),
                Arguments.of(RSA, 2048, null, 2048, null),
                Arguments.of(RSA, 3072, null, 3072, null),
                Arguments.of(RSA, 4096, null, 4096, null),
                Arguments.of(HMAC_SHA256, null, null, 256, null),
                Arguments.of(HMAC_SHA256, 256, null, 256, null),
                Arguments.of(HMAC_SHA256, 264, null, 264, null),
                Arguments.of(HMAC_SHA256, 1024, null, 1024, null),
                Arguments.of(HMAC_SHA384, null, null, 384, null),
                Arguments.of(HMAC_SHA384, 512, null, 512, null),
                Arguments.of(HMAC_SHA512, null, null, 512, null),
                Arguments.of(HMAC_SHA512, 1024, null, 1024, null),
                Arguments.of(EC, null, null, 256, EcCurve.P_256),
                Arguments.of(EC, null, "P-384", 384, EcCurve.P_384),
                Arguments.of(EC, null, "secp521r1", 521, EcCurve.P_521),
                Arguments.of(EC, 256, null, 256, EcCurve.P_256),
                Arguments.of(EC, 384, null, 384, EcCurve.P_384),
                Arguments.of(EC, 521, null, 521, EcCurve.P_521),
                Arguments.of(EC, 521, "P-521", 521, EcCurve.P_521),
                Arguments.of(ED25519, null, null, 256, null),
                Arguments.of(ED25519, 256, null, 256, null),
                Arguments.of(KeyAlgorithm.CHACHA20, null, null, 256, null),
                Arguments.of(KeyAlgorithm.CHACHA20, 256, null, 256, null),
                Arguments.of(SECRET_DATA, null, null, 256, null),
                Arguments.of(SECRET_DATA, 8, null, 8, null),
                Arguments.of(SECRET_DATA, 136, null, 136, null),
                Arguments.of(SECRET_DATA, 32_768, null, 32_768, null));
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of(AES, 100, null),
                Arguments.of(AES, 0, null),
                Arguments.of(AES, -256, null),
                Arguments.of(AES, 129, null),
                Arguments.of(AES, 512, null),
                Arguments.of(RSA, 1024, null),
                Arguments.of(RSA, 2047, null),
                Arguments.of(RSA, 2560, null),
                Arguments.of(RSA, 8192, null),
                Arguments.of(HMAC_SHA256, 128, null),
                Arguments.of(HMAC_SHA256, 255, null),
                Arguments.of(HMAC_SHA256, 260, null),
                Arguments.of(HMAC_SHA256, 1032, null),
                Arguments.of(HMAC_SHA384, 256, null),
                Arguments.of(HMAC_SHA512, 384, null),
                Arguments.of(HMAC_SHA512, 2048, null),
                Arguments.of(EC, 300, null),
                Arguments.of(EC, 224, null),
                Arguments.of(EC, 384, "P-256"),
                Arguments.of(EC, null, "P-224"),
                Arguments.of(EC, null, "secp256k1"),
                Arguments.of(EC, null, ""),
                Arguments.of(ED25519, 255, null),
                Arguments.of(ED25519, 448, null),
                Arguments.of(KeyAlgorithm.CHACHA20, 128, null),
                Arguments.of(SECRET_DATA, 0, null),
                Arguments.of(SECRET_DATA, 4, null),
                Arguments.of(SECRET_DATA, 12, null),
                Arguments.of(SECRET_DATA, 32_776, null),
                Arguments.of(AES, null, "P-256"),
                Arguments.of(AES, 256, "P-256"),
                Arguments.of(RSA, 2048, "P-256"),
                Arguments.of(HMAC_SHA256, null, "P-256"),
                Arguments.of(ED25519, null, "P-256"),
                Arguments.of(ED25519, null, "Ed25519"),
                Arguments.of(SECRET_DATA, null, "P-256"));
    }

    @ParameterizedTest(name = "{0} length {1} curve {2} -> {3} bits {4}")
    @MethodSource("validSpecs")
    void validCombinationsGiveTheExpectedSizeAndCurve(KeyAlgorithm algorithm, Integer length, String curve,
            int expectedBits, EcCurve expectedCurve) {
        KeySpec spec = KeySpec.of(algorithm, length, curve);

        assertThat(spec.algorithm()).isEqualTo(algorithm);
        assertThat(spec.lengthBits()).isEqualTo(expectedBits);
        assertThat(spec.curve()).isEqualTo(expectedCurve);
    }

    @ParameterizedTest(name = "{0} length {1} curve {2}")
    @MethodSource("invalidSpecs")
    void invalidLengthsAndCurvesAreRefusedAsInvalidKeyLength(KeyAlgorithm algorithm, Integer length, String curve) {
        assertRefused(() -> KeySpec.of(algorithm, length, curve), ErrorCode.INVALID_KEY_LENGTH);
    }

    @Test
    void aMissingAlgorithmIsAnUnknownAlgorithm() {
        assertRefused(() -> KeySpec.of(null, 256, null), ErrorCode.UNKNOWN_ALGORITHM);
        assertRefused(() -> new KeySpec(null, 256, null), ErrorCode.UNKNOWN_ALGORITHM);
    }

    @Test
    void theCanonicalConstructorInsistsOnACurveForEcAndOnlyForEc() {
        assertRefused(() -> new KeySpec(EC, 256, null), ErrorCode.INVALID_KEY_LENGTH);
        assertRefused(() -> new KeySpec(AES, 256, EcCurve.P_256), ErrorCode.INVALID_KEY_LENGTH);
        assertThat(new KeySpec(EC, 384, EcCurve.P_384)).isEqualTo(KeySpec.of(EC, null, "P-384"));
    }

    @Test
    void anInvalidLengthIsQuotedInTheMessage() {
        assertThatThrownBy(() -> KeySpec.of(RSA, 1024, null)).hasMessageContaining("1024")
                .hasMessageContaining("2048, 3072 or 4096");
        assertThatThrownBy(() -> KeySpec.of(EC, 300, null)).hasMessageContaining("300");
    }

    @Test
    void toStringNamesAlgorithmAndSizeOrCurve() {
        assertThat(KeySpec.of(AES, 128, null)).hasToString("AES-128");
        assertThat(KeySpec.of(EC, null, "p384")).hasToString("EC P-384");
    }

    static Stream<Arguments> algorithmNames() {
        return Stream.of(
                Arguments.of("AES", AES), Arguments.of("aes", AES), Arguments.of("  Aes\t", AES),
                Arguments.of("HMAC-SHA256", HMAC_SHA256), Arguments.of("hmac_sha256", HMAC_SHA256),
                Arguments.of("Hmac-Sha384", HMAC_SHA384), Arguments.of("HMAC_SHA512", HMAC_SHA512),
                Arguments.of("RSA", RSA), Arguments.of("rsa", RSA),
                Arguments.of("EC", EC), Arguments.of("ec", EC),
                Arguments.of("Ed25519", ED25519), Arguments.of("ED25519", ED25519), Arguments.of("ed25519", ED25519),
                Arguments.of("SECRET-DATA", SECRET_DATA), Arguments.of("secret_data", SECRET_DATA));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("algorithmNames")
    void algorithmNamesParseCaseInsensitivelyWithUnderscoreForHyphen(String text, KeyAlgorithm expected) {
        assertThat(KeyAlgorithm.parse(text)).isEqualTo(expected);
    }

    @Test
    void everyAlgorithmParsesFromItsExternalName() {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            assertThat(KeyAlgorithm.parse(algorithm.externalName())).isEqualTo(algorithm);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "DES", "3DES", "AES-256", "AES256", "HMAC-SHA1", "HMACSHA256", "SECRETDATA",
        "Ed448", "ECDSA", "RSA-OAEP", "A\u0000ES"})
    void unknownAlgorithmNamesAreRefused(String text) {
        assertRefused(() -> KeyAlgorithm.parse(text), ErrorCode.UNKNOWN_ALGORITHM);
    }

    @Test
    void hmacOutputSizesAreTheHashSizes() {
        assertThat(HMAC_SHA256.macBits()).isEqualTo(256);
        assertThat(HMAC_SHA384.macBits()).isEqualTo(384);
        assertThat(HMAC_SHA512.macBits()).isEqualTo(512);
        assertThat(AES.macBits()).isZero();
    }

    static Stream<Arguments> curveNames() {
        return Stream.of(
                Arguments.of("P-256", EcCurve.P_256), Arguments.of("p-256", EcCurve.P_256),
                Arguments.of("P256", EcCurve.P_256), Arguments.of("p_256", EcCurve.P_256),
                Arguments.of("secp256r1", EcCurve.P_256), Arguments.of(" SECP256R1 ", EcCurve.P_256),
                Arguments.of("P-384", EcCurve.P_384), Arguments.of("secp384r1", EcCurve.P_384),
                Arguments.of("p384", EcCurve.P_384),
                Arguments.of("P-521", EcCurve.P_521), Arguments.of("Secp521R1", EcCurve.P_521));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("curveNames")
    void curvesAreFoundByNistOrSecNameInAnyCase(String text, EcCurve expected) {
        assertThat(EcCurve.find(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"P-224", "P-192", "secp256k1", "256", "P-2566", "curve25519", "brainpoolP256r1"})
    void otherCurvesAreNotFound(String text) {
        assertThat(EcCurve.find(text)).isEmpty();
    }

    @Test
    void curvesAreFoundByFieldSize() {
        assertThat(EcCurve.ofFieldBits(256)).contains(EcCurve.P_256);
        assertThat(EcCurve.ofFieldBits(384)).contains(EcCurve.P_384);
        assertThat(EcCurve.ofFieldBits(521)).contains(EcCurve.P_521);
        assertThat(EcCurve.ofFieldBits(512)).isEqualTo(Optional.empty());
    }

    @Test
    void jcaCurveNamesAreTheSecNames() {
        assertThat(EcCurve.P_256.jcaName()).isEqualTo("secp256r1");
        assertThat(EcCurve.P_384.jcaName()).isEqualTo("secp384r1");
        assertThat(EcCurve.P_521.jcaName()).isEqualTo("secp521r1");
    }

    static Stream<Arguments> usageNames() {
        return Stream.of(
                Arguments.of("ENCRYPT", KeyUsage.ENCRYPT), Arguments.of("decrypt", KeyUsage.DECRYPT),
                Arguments.of(" Wrap ", KeyUsage.WRAP), Arguments.of("unwrap", KeyUsage.UNWRAP),
                Arguments.of("Sign", KeyUsage.SIGN), Arguments.of("VERIFY", KeyUsage.VERIFY),
                Arguments.of("mac", KeyUsage.MAC));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("usageNames")
    void usagesParseCaseInsensitively(String text, KeyUsage expected) {
        assertThat(KeyUsage.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "ENCRYPTION", "MAC_GENERATE", "MAC-VERIFY", "encrypt,decrypt", "WRAP_KEY", "all"})
    void unknownUsagesAreRefusedAsInvalidUsage(String text) {
        assertRefused(() -> KeyUsage.parse(text), ErrorCode.INVALID_USAGE);
    }

    @Test
    void usagesCarryTheKmipCryptographicUsageMaskBits() {
        // KMIP 1.4 section 9.1.3.3.1, Cryptographic Usage Mask
        assertThat(KeyUsage.SIGN.kmipMask()).isEqualTo(0x0001);
        assertThat(KeyUsage.VERIFY.kmipMask()).isEqualTo(0x0002);
        assertThat(KeyUsage.ENCRYPT.kmipMask()).isEqualTo(0x0004);
        assertThat(KeyUsage.DECRYPT.kmipMask()).isEqualTo(0x0008);
        assertThat(KeyUsage.WRAP.kmipMask()).isEqualTo(0x0010);
        assertThat(KeyUsage.UNWRAP.kmipMask()).isEqualTo(0x0020);
        assertThat(KeyUsage.MAC.kmipMask()).isEqualTo(0x0080 | 0x0100);
    }

    @Test
    void everyUsageSetSurvivesTheStoredMask() {
        KeyUsage[] all = KeyUsage.values();
        for (int subset = 0; subset < 1 << all.length; subset++) {
            EnumSet<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
            for (int i = 0; i < all.length; i++) {
                if ((subset & 1 << i) != 0) {
                    usages.add(all[i]);
                }
            }
            assertThat(KeyUsages.fromMask(KeyUsages.toMask(usages))).isEqualTo(usages);
        }
    }

    @Test
    void halfAMacMaskIsNotMac() {
        assertThat(KeyUsages.fromMask(0x0080)).isEmpty();
        assertThat(KeyUsages.fromMask(0x0100)).isEmpty();
    }

    static Stream<Arguments> revocationReasons() {
        return Stream.of(
                Arguments.of(null, RevocationReason.UNSPECIFIED),
                Arguments.of("unspecified", RevocationReason.UNSPECIFIED),
                Arguments.of("KEY_COMPROMISE", RevocationReason.KEY_COMPROMISE),
                Arguments.of("key-compromise", RevocationReason.KEY_COMPROMISE),
                Arguments.of(" Ca-Compromise ", RevocationReason.CA_COMPROMISE),
                Arguments.of("affiliation_changed", RevocationReason.AFFILIATION_CHANGED),
                Arguments.of("SUPERSEDED", RevocationReason.SUPERSEDED),
                Arguments.of("cessation-of-operation", RevocationReason.CESSATION_OF_OPERATION),
                Arguments.of("Privilege_Withdrawn", RevocationReason.PRIVILEGE_WITHDRAWN));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("revocationReasons")
    void revocationReasonsParseCaseInsensitivelyAndDefaultToUnspecified(String text, RevocationReason expected) {
        assertThat(RevocationReason.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "  ", "compromised", "KEY COMPROMISE", "REMOVE_FROM_CRL", "1"})
    void unknownRevocationReasonsAreAnInvalidRequest(String text) {
        assertRefused(() -> RevocationReason.parse(text), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void onlyCompromiseReasonsCompromiseTheKey() {
        EnumSet<RevocationReason> compromising = EnumSet.of(RevocationReason.KEY_COMPROMISE,
                RevocationReason.CA_COMPROMISE);
        for (RevocationReason reason : RevocationReason.values()) {
            assertThat(reason.event()).as(reason.name()).isEqualTo(
                    compromising.contains(reason) ? LifecycleEvent.COMPROMISE : LifecycleEvent.DEACTIVATE);
        }
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                Arguments.of("algorithm", (ThrowingCallable) () -> KeyAlgorithm.parse(HOSTILE)),
                Arguments.of("curve", (ThrowingCallable) () -> KeySpec.of(EC, null, HOSTILE)),
                Arguments.of("usage", (ThrowingCallable) () -> KeyUsage.parse(HOSTILE)),
                Arguments.of("revocation reason", (ThrowingCallable) () -> RevocationReason.parse(HOSTILE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void refusalsEchoOnlyAShortPrintablePrefixOfHostileInput(String what, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertBoundedAndPrintable(e.getMessage()));
    }

    /** A message safe for logs and problem details: printable ASCII, short, without the tail of the input. */
    static void assertBoundedAndPrintable(String message) {
        assertThat(message).hasSizeLessThanOrEqualTo(300).matches("[\\x20-\\x7e]*").doesNotContain("TAIL-MARKER")
                .doesNotContain("\r").doesNotContain("\n");
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
