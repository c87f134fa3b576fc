package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** A grant as validated before it is stored: target kind, target and operations. */
class GrantSpecTest {

    static final String KEY_ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    private static final Set<GrantOperation> ENCRYPT = Set.of(GrantOperation.ENCRYPT);

    @ParameterizedTest
    @EnumSource(GrantTarget.class)
    void aValidGrantKeepsWhatItWasGiven(GrantTarget kind) {
        String target = kind == GrantTarget.KEY_ID ? KEY_ID : "payments/eu-1";

        GrantSpec spec = new GrantSpec(kind, target, EnumSet.of(GrantOperation.ENCRYPT, GrantOperation.DECRYPT));

        assertThat(spec.targetKind()).isEqualTo(kind);
        assertThat(spec.target()).isEqualTo(target);
        assertThat(spec.operations()).containsExactlyInAnyOrder(GrantOperation.ENCRYPT, GrantOperation.DECRYPT);
    }

    @Test
    void aKeyIdTargetIsLowerCased() {
        GrantSpec spec = new GrantSpec(GrantTarget.KEY_ID, KEY_ID.toUpperCase(), ENCRYPT);

        assertThat(spec.target()).isEqualTo(KEY_ID);
    }

    @Test
    void nameTargetsKeepTheirCase() {
        assertThat(new GrantSpec(GrantTarget.NAME, "Payments", ENCRYPT).target()).isEqualTo("Payments");
        assertThat(new GrantSpec(GrantTarget.NAME_PREFIX, "Team-A/", ENCRYPT).target()).isEqualTo("Team-A/");
    }

    @Test
    void aNameTargetMayLookLikeAKeyId() {
        // not refused: such a grant simply never matches a key name, since key names are never UUIDs
        assertThat(new GrantSpec(GrantTarget.NAME, KEY_ID, ENCRYPT).target()).isEqualTo(KEY_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6f1c2a8e3b7d4c5e9f012a3b4c5d6e7f", "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7", "payments",
            "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f0", " 6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f",
            "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7g", "{6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f}",
            "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f\n"})
    void aKeyIdTargetMustBeAUuid(String target) {
        assertRefused(() -> new GrantSpec(GrantTarget.KEY_ID, target, ENCRYPT), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void theKeyIdRefusalEchoesTheTargetOnlyAsPrintableAscii() {
        assertThatThrownBy(() -> new GrantSpec(GrantTarget.KEY_ID, "evil\r\nX-Injected: \u0007yes", ENCRYPT))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("evil??X-Injected: ?yes").doesNotContain("\r", "\n", "\u0007");
                });
    }

    @ParameterizedTest
    @EnumSource(GrantTarget.class)
    void aTargetIsNeededOfOneTo255Characters(GrantTarget kind) {
        assertRefused(() -> new GrantSpec(kind, null, ENCRYPT), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new GrantSpec(kind, "", ENCRYPT), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void nameTargetsOf255CharactersPassAnd256AreRefused() {
        for (GrantTarget kind : new GrantTarget[] {GrantTarget.NAME, GrantTarget.NAME_PREFIX}) {
            assertThat(new GrantSpec(kind, "a".repeat(255), ENCRYPT).target()).hasSize(255);
            assertThat(new GrantSpec(kind, "a", ENCRYPT).target()).isEqualTo("a");
            assertRefused(() -> new GrantSpec(kind, "a".repeat(256), ENCRYPT), ErrorCode.INVALID_REQUEST);
        }
    }

    @Test
    void aTargetKindIsNeeded() {
        assertRefused(() -> new GrantSpec(null, "payments", ENCRYPT), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay ments", " payments", "payments ", "pay\tments", "pay\nments", "pay\u0000",
            "pay\u007f", "zahlungs-schl\u00fcssel", "\u00e9", "key-\u20ac", "\uD83D\uDD11", "pay\u00a0ments"})
    void nameTargetsArePrintableAsciiWithoutSpaces(String target) {
        for (GrantTarget kind : new GrantTarget[] {GrantTarget.NAME, GrantTarget.NAME_PREFIX}) {
            assertRefused(() -> new GrantSpec(kind, target, ENCRYPT), ErrorCode.INVALID_REQUEST);
        }
    }

    @Test
    void everyPrintableAsciiCharacterIsAcceptedInANameTarget() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c < 0x7f; c++) {
            all.append(c);
        }

        assertThat(new GrantSpec(GrantTarget.NAME_PREFIX, all.toString(), ENCRYPT).target()).hasSize(94);
    }

    @Test
    void atLeastOneOperationIsNeeded() {
        assertRefused(() -> new GrantSpec(GrantTarget.NAME, "payments", null), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new GrantSpec(GrantTarget.NAME, "payments", Set.of()), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new GrantSpec(GrantTarget.NAME, "payments", EnumSet.noneOf(GrantOperation.class)),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void theOperationsAreCopiedSoTheCallersSetCannotChangeTheGrantLater() {
        Set<GrantOperation> operations = new HashSet<>(Set.of(GrantOperation.SIGN));
        GrantSpec spec = new GrantSpec(GrantTarget.NAME, "signer", operations);

        operations.add(GrantOperation.RETRIEVE);
        operations.remove(GrantOperation.SIGN);

        assertThat(spec.operations()).containsExactly(GrantOperation.SIGN);
        assertThat(spec.operations()).isNotSameAs(operations);
    }

    @Test
    void anEnumSetGivenIsCopiedToo() {
        EnumSet<GrantOperation> operations = EnumSet.of(GrantOperation.MAC);
        GrantSpec spec = new GrantSpec(GrantTarget.NAME, "macs", operations);

        operations.add(GrantOperation.RETRIEVE);

        assertThat(spec.operations()).isNotSameAs(operations).containsExactly(GrantOperation.MAC);
    }

    @Test
    void specsWithTheSameContentAreEqual() {
        GrantSpec upper = new GrantSpec(GrantTarget.KEY_ID, KEY_ID.toUpperCase(),
                Set.of(GrantOperation.WRAP, GrantOperation.UNWRAP));
        GrantSpec lower = new GrantSpec(GrantTarget.KEY_ID, KEY_ID,
                EnumSet.of(GrantOperation.UNWRAP, GrantOperation.WRAP));

        assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
