package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Grant operations: how they are named in requests and how they are stored (a bit mask that must never change). */
class GrantOperationTest {

    /** The stored bits: grant rows in every database depend on them, and they enter the grant row MAC. */
    private static final Map<GrantOperation, Integer> PERSISTED_BITS = persistedBits();

    private static Map<GrantOperation, Integer> persistedBits() {
        Map<GrantOperation, Integer> bits = new LinkedHashMap<>();
        bits.put(GrantOperation.RETRIEVE, 0x001);
        bits.put(GrantOperation.ENCRYPT, 0x002);
        bits.put(GrantOperation.DECRYPT, 0x004);
        bits.put(GrantOperation.SIGN, 0x008);
        bits.put(GrantOperation.VERIFY, 0x010);
        bits.put(GrantOperation.MAC, 0x020);
        bits.put(GrantOperation.WRAP, 0x040);
        bits.put(GrantOperation.UNWRAP, 0x080);
        bits.put(GrantOperation.DATAKEY, 0x100);
        bits.put(GrantOperation.CREATE, 0x200);
        bits.put(GrantOperation.MANAGE, 0x400);
        return bits;
    }

    @Test
    void everyOperationHasItsPersistedBit() {
        assertThat(PERSISTED_BITS.keySet()).as("a new operation needs a new, unused bit here")
                .containsExactlyInAnyOrder(GrantOperation.values());
        PERSISTED_BITS.forEach((operation, bit) ->
                assertThat(GrantOperation.toMask(EnumSet.of(operation))).as(operation.name()).isEqualTo(bit));
    }

    @Test
    void theMaskOfEveryOperationIsTheOrOfTheirBits() {
        assertThat(GrantOperation.toMask(EnumSet.allOf(GrantOperation.class))).isEqualTo(0x7ff);
        assertThat(GrantOperation.toMask(EnumSet.of(GrantOperation.ENCRYPT, GrantOperation.DECRYPT,
                GrantOperation.DATAKEY))).isEqualTo(0x106);
        assertThat(GrantOperation.toMask(EnumSet.noneOf(GrantOperation.class))).isZero();
    }

    @Test
    void everySubsetRoundTripsThroughItsMask() {
        GrantOperation[] all = GrantOperation.values();
        for (int subset = 0; subset < 1 << all.length; subset++) {
            EnumSet<GrantOperation> operations = EnumSet.noneOf(GrantOperation.class);
            for (int i = 0; i < all.length; i++) {
                if ((subset & 1 << i) != 0) {
                    operations.add(all[i]);
                }
            }

            int mask = GrantOperation.toMask(operations);

            assertThat(GrantOperation.fromMask(mask)).as("mask %s", mask).isEqualTo(operations);
        }
    }

    @Test
    void unknownBitsInAStoredMaskAreIgnored() {
        assertThat(GrantOperation.fromMask(0x800 | 0x8000_0000 | 0x002)).containsExactly(GrantOperation.ENCRYPT);
        assertThat(GrantOperation.fromMask(-1)).isEqualTo(EnumSet.allOf(GrantOperation.class));
        assertThat(GrantOperation.fromMask(0)).isEmpty();
    }

    @Test
    void fromMaskReturnsAFreshSetEachTime() {
        EnumSet<GrantOperation> first = GrantOperation.fromMask(0x3);
        first.clear();

        assertThat(GrantOperation.fromMask(0x3)).containsExactly(GrantOperation.RETRIEVE, GrantOperation.ENCRYPT);
    }

    @ParameterizedTest
    @EnumSource(GrantOperation.class)
    void parsesItsOwnNameInAnyCaseWithSurroundingBlanks(GrantOperation operation) {
        String lower = operation.name().toLowerCase();

        assertThat(GrantOperation.parse(lower)).isEqualTo(operation);
        assertThat(GrantOperation.parse(operation.name())).isEqualTo(operation);
        assertThat(GrantOperation.parse("  " + lower + "\t")).isEqualTo(operation);
        assertThat(GrantOperation.parse(Character.toUpperCase(lower.charAt(0)) + lower.substring(1)))
                .isEqualTo(operation);
    }

    @Test
    void parsingDoesNotDependOnTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            // in Turkish, "i".toUpperCase() is a dotted capital I, which is not the I of SIGN, VERIFY, ...
            assertThat(GrantOperation.parse("sign")).isEqualTo(GrantOperation.SIGN);
            assertThat(GrantOperation.parse("verify")).isEqualTo(GrantOperation.VERIFY);
            assertThat(GrantOperation.parse("retrieve")).isEqualTo(GrantOperation.RETRIEVE);
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "read", "encrypt,decrypt", "en crypt", "data_key", "data-key", "ALL", "*",
            "en\u0000crypt"})
    void anUnknownOperationIsAnInvalidRequestThatNamesTheKnownOnes(String text) {
        assertThatThrownBy(() -> GrantOperation.parse(text)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).startsWith("unknown operation '")
                    .endsWith("known: retrieve, encrypt, decrypt, sign, verify, mac, wrap, unwrap, datakey, create,"
                            + " manage");
        });
    }

    @Test
    void trimmingAlsoDropsSurroundingControlCharacters() {
        // String.trim() removes every character up to U+0020, not only blanks
        assertThat(GrantOperation.parse("\u0000encrypt\r\n")).isEqualTo(GrantOperation.ENCRYPT);
    }

    @Test
    void nullIsAnUnknownOperation() {
        assertThatThrownBy(() -> GrantOperation.parse(null)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theRefusalDoesNotEchoControlCharactersOrLongInput() {
        String hostile = "sign\r\nSet-Cookie: x=1\u001b[31m" + "A".repeat(100);

        assertThatThrownBy(() -> GrantOperation.parse(hostile)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> {
                    assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u001b").contains("sign??Set-Cookie")
                            .doesNotContain("A".repeat(41));
                    assertThat(e.getMessage().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
                });
    }

    @Test
    void enumConstantNamesAreThePublicVocabulary() {
        assertThat(Set.of(GrantOperation.values())).extracting(Enum::name).containsExactlyInAnyOrder("RETRIEVE",
                "ENCRYPT", "DECRYPT", "SIGN", "VERIFY", "MAC", "WRAP", "UNWRAP", "DATAKEY", "CREATE", "MANAGE");
    }
}
