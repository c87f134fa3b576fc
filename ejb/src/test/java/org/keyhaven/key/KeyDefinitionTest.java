package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.KeySpecTest.HOSTILE;
import static org.keyhaven.key.KeySpecTest.assertBoundedAndPrintable;
import static org.keyhaven.key.KeySpecTest.assertRefused;
import static org.keyhaven.key.KeyUsage.DECRYPT;
import static org.keyhaven.key.KeyUsage.ENCRYPT;
import static org.keyhaven.key.KeyUsage.MAC;
import static org.keyhaven.key.KeyUsage.SIGN;
import static org.keyhaven.key.KeyUsage.UNWRAP;
import static org.keyhaven.key.KeyUsage.VERIFY;
import static org.keyhaven.key.KeyUsage.WRAP;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class KeyDefinitionTest {

    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private static final KeySpec AES_256 = KeySpec.of(KeyAlgorithm.AES, null, null);

    /** What each algorithm may be used for, from DESIGN.md section 3 and key separation (one purpose per key). */
    static Stream<Arguments> allowedUsages() {
        return Stream.of(
                Arguments.of(KeyAlgorithm.AES, EnumSet.of(ENCRYPT, DECRYPT, WRAP, UNWRAP), EnumSet.of(ENCRYPT, DECRYPT)),
                Arguments.of(KeyAlgorithm.HMAC_SHA256, EnumSet.of(MAC), EnumSet.of(MAC)),
                Arguments.of(KeyAlgorithm.HMAC_SHA384, EnumSet.of(MAC), EnumSet.of(MAC)),
                Arguments.of(KeyAlgorithm.HMAC_SHA512, EnumSet.of(MAC), EnumSet.of(MAC)),
                Arguments.of(KeyAlgorithm.RSA, EnumSet.of(ENCRYPT, DECRYPT, WRAP, UNWRAP, SIGN, VERIFY),
                        EnumSet.of(SIGN, VERIFY)),
                Arguments.of(KeyAlgorithm.EC, EnumSet.of(SIGN, VERIFY), EnumSet.of(SIGN, VERIFY)),
                Arguments.of(KeyAlgorithm.ED25519, EnumSet.of(SIGN, VERIFY), EnumSet.of(SIGN, VERIFY)),
                Arguments.of(KeyAlgorithm.SECRET_DATA, EnumSet.noneOf(KeyUsage.class),
                        EnumSet.noneOf(KeyUsage.class)),
                Arguments.of(KeyAlgorithm.CHACHA20, EnumSet.of(ENCRYPT, DECRYPT), EnumSet.of(ENCRYPT, DECRYPT)));
    }

    @Test
    void theUsageTableCoversEveryAlgorithm() {
        assertThat(allowedUsages().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) KeyAlgorithm.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedUsages")
    void eachUsageIsAcceptedExactlyWhenTheAlgorithmAllowsIt(KeyAlgorithm algorithm, Set<KeyUsage> allowed,
            Set<KeyUsage> defaults) {
        KeySpec spec = KeySpec.of(algorithm, null, null);
        for (KeyUsage usage : KeyUsage.values()) {
            if (allowed.contains(usage)) {
                assertThat(definition("k", spec, EnumSet.of(usage)).usages()).containsExactly(usage);
            } else {
                assertThatThrownBy(() -> definition("k", spec, EnumSet.of(usage)))
                        .as("%s for %s", usage, algorithm)
                        .isInstanceOfSatisfying(KeyhavenException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_USAGE))
                        .hasMessageContaining(usage.name());
            }
        }
        assertThat(algorithm.allowedUsages()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedUsages")
    void noUsagesMeansTheAlgorithmsDefaults(KeyAlgorithm algorithm, Set<KeyUsage> allowed, Set<KeyUsage> defaults) {
        KeySpec spec = KeySpec.of(algorithm, null, null);

        assertThat(definition("k", spec, null).usages()).isEqualTo(defaults);
        assertThat(definition("k", spec, Set.of()).usages()).isEqualTo(defaults);
        assertThat(allowed).containsAll(defaults);
    }

    @Test
    void oneForbiddenUsageAmongAllowedOnesRefusesTheWhole() {
        assertRefused(() -> definition("k", AES_256, EnumSet.of(ENCRYPT, DECRYPT, SIGN)), ErrorCode.INVALID_USAGE);
    }

    @Test
    void usagesAreCopiedFromTheCallersSet() {
        EnumSet<KeyUsage> usages = EnumSet.of(ENCRYPT);
        KeyDefinition definition = definition("k", AES_256, usages);
        usages.add(SIGN);

        assertThat(definition.usages()).containsExactly(ENCRYPT);
    }

    @Test
    void aValidatedDefinitionCannotBeChangedAfterwards() {
        KeyDefinition definition = new KeyDefinition("k", AES_256, EnumSet.of(ENCRYPT), false, null, null, null,
                Map.of("a", "b"));

        assertThatThrownBy(() -> definition.usages().add(SIGN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> definition.attributes().put("\n", "\u0000"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "0", "payments-db", "orders/2024:eu-west", "app@example.com", "A.B_C+D-E",
        "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000", "123e4567e89b12d3a456426614174000"})
    void namesOfPrintableCharactersThatDoNotLookLikeAnIdAreAccepted(String name) {
        assertThat(definition(name, AES_256, null).name()).isEqualTo(name);
    }

    @Test
    void aNameMayHave255CharactersButNotMore() {
        assertThat(definition("n".repeat(255), AES_256, null).name()).hasSize(KeyDefinition.MAX_NAME);
        assertRefused(() -> definition("n".repeat(256), AES_256, null), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "-leading-hyphen", ".hidden", "_x", "+x", "has space", "tab\there", "line\n",
        "semi;colon", "quote'", "ümlaut", "emoji\uD83D\uDD11", "x\u0000",
        "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
        "00000000-0000-0000-0000-000000000000"})
    void namesThatAreEmptyUnprintableOrLookLikeAKeyIdAreRefused(String name) {
        assertRefused(() -> definition(name, AES_256, null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aRefusedNameIsEchoedOnlyAsAShortPrintablePrefix() {
        assertThatThrownBy(() -> definition(HOSTILE, AES_256, null)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertBoundedAndPrintable(e.getMessage()));
    }

    @Test
    void aDefinitionNeedsAnAlgorithm() {
        assertRefused(() -> definition("k", null, null), ErrorCode.UNKNOWN_ALGORITHM);
    }

    static Stream<Arguments> validDates() {
        return Stream.of(
                Arguments.of(null, null),
                Arguments.of(T, null),
                Arguments.of(null, T),
                Arguments.of(T, T.plusNanos(1_000)),
                Arguments.of(T, T.plusSeconds(86_400 * 365)));
    }

    @ParameterizedTest(name = "activation {0}, deactivation {1}")
    @MethodSource("validDates")
    void deactivationAfterActivationOrEitherAloneIsAccepted(Instant activation, Instant deactivation) {
        KeyDefinition definition = new KeyDefinition("k", AES_256, null, false, null, activation, deactivation, null);

        assertThat(definition.activationDate()).isEqualTo(activation);
        assertThat(definition.deactivationDate()).isEqualTo(deactivation);
    }

    @ParameterizedTest(name = "deactivation {0} s after activation")
    @ValueSource(longs = {0, -1, -86_400})
    void deactivationAtOrBeforeActivationIsRefused(long offsetSeconds) {
        assertRefused(() -> new KeyDefinition("k", AES_256, null, false, null, T, T.plusSeconds(offsetSeconds), null),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void noAttributesMeansAnEmptyMap() {
        assertThat(definition("k", AES_256, null).attributes()).isEmpty();
    }

    @Test
    void sixtyFourAttributesAreAcceptedAndSixtyFiveRefused() {
        assertThat(withAttributes(attributes(ManagedKey.MAX_ATTRIBUTES)).attributes()).hasSize(64);
        assertThatThrownBy(() -> withAttributes(attributes(ManagedKey.MAX_ATTRIBUTES + 1)))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE))
                .hasMessageContaining("64");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "x-owner", "Cost Centre", "k:v.w_x-y", "0"})
    void attributeNamesOfLettersDigitsSpaceAndPunctuationAreAccepted(String name) {
        assertThat(withAttributes(Map.of(name, "v")).attributes()).containsEntry(name, "v");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " lead", "-x", "x\ny", "x=y", "ümlaut", "x\u0000", "a/b"})
    void attributeNamesOutsideTheAlphabetAreRefused(String name) {
        assertRefused(() -> withAttributes(Map.of(name, "v")), ErrorCode.INVALID_ATTRIBUTE);
    }

    @Test
    void attributeNamesHaveAtMost255Characters() {
        assertThat(withAttributes(Map.of("n".repeat(255), "v")).attributes()).hasSize(1);
        assertRefused(() -> withAttributes(Map.of("n".repeat(256), "v")), ErrorCode.INVALID_ATTRIBUTE);
    }

    @ParameterizedTest(name = "value #{index}")
    @ValueSource(strings = {"", "plain", "café ☕ – unicode", "spaces and = , ; signs"})
    void attributeValuesWithoutControlCharactersAreAccepted(String value) {
        assertThat(withAttributes(Map.of("x-a", value)).attributes()).containsEntry("x-a", value);
    }

    @Test
    void attributeValuesHaveAtMost4000Characters() {
        assertThat(withAttributes(Map.of("x-a", "v".repeat(4000))).attributes().get("x-a")).hasSize(4000);
        assertRefused(() -> withAttributes(Map.of("x-a", "v".repeat(4001))), ErrorCode.INVALID_ATTRIBUTE);
    }

    @ParameterizedTest(name = "value #{index}")
    @ValueSource(strings = {"a\nb", "a\rb", "a\tb", "\u0000", "\u001b[31m", "\u007f"})
    void attributeValuesWithControlCharactersAreRefusedWithoutBeingEchoed(String value) {
        assertThatThrownBy(() -> withAttributes(Map.of("x-a", value + "VALUE-MARKER")))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE))
                .message().doesNotContain("VALUE-MARKER");
    }

    @Test
    void aMissingAttributeValueIsRefused() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("x-a", null);

        assertRefused(() -> withAttributes(attributes), ErrorCode.INVALID_ATTRIBUTE);
    }

    @Test
    void aHostileAttributeNameIsEchoedOnlyAsAShortPrintablePrefix() {
        assertThatThrownBy(() -> withAttributes(Map.of(HOSTILE, "v"))).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertBoundedAndPrintable(e.getMessage()));
    }

    @Test
    void attributesAreCopiedAndSortedByName() {
        Map<String, String> attributes = new HashMap<>(Map.of("b", "2", "a", "1"));
        KeyDefinition definition = withAttributes(attributes);
        attributes.put("c", "3");

        assertThat(definition.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    private static KeyDefinition definition(String name, KeySpec spec, Set<KeyUsage> usages) {
        return new KeyDefinition(name, spec, usages, false, null, null, null, null);
    }

    private static KeyDefinition withAttributes(Map<String, String> attributes) {
        return new KeyDefinition("k", AES_256, null, false, null, null, null, attributes);
    }

    static Map<String, String> attributes(int count) {
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put("x-attribute-" + i, "value " + i);
        }
        return attributes;
    }
}
