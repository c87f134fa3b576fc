package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;

class KeyFormatTest {

    private final KeyFormat format = new KeyFormat();

    @Test
    void timesAreUtcToTheSecond() {
        assertThat(format.time(Instant.parse("2026-03-04T05:06:07.891Z"))).isEqualTo("2026-03-04 05:06:07 UTC");
        assertThat(format.time(null)).isEqualTo(KeyFormat.NONE);
    }

    @Test
    void algorithmShowsSizeOrCurve() {
        assertThat(format.algorithm(key("AES", 256, null))).isEqualTo("AES 256-bit");
        assertThat(format.algorithm(key("RSA", 3072, null))).isEqualTo("RSA 3072-bit");
        assertThat(format.algorithm(key("EC", 384, "P-384"))).isEqualTo("EC P-384");
        assertThat(format.algorithm(key("Ed25519", 256, null))).isEqualTo("Ed25519");
    }

    @Test
    void stateClassMarksActiveGoodAndLostKeysBad() {
        assertThat(format.stateClass(KeyState.ACTIVE)).isEqualTo("state good");
        assertThat(format.stateClass(KeyState.PRE_ACTIVE)).isEqualTo("state");
        assertThat(format.stateClass(KeyState.DEACTIVATED)).isEqualTo("state");
        assertThat(format.stateClass(KeyState.COMPROMISED)).isEqualTo("state bad");
        assertThat(format.stateClass(KeyState.DESTROYED)).isEqualTo("state bad");
        assertThat(format.stateClass(KeyState.DESTROYED_COMPROMISED)).isEqualTo("state bad");
    }

    @Test
    void reasonSaysWhichStateItLeadsTo() {
        assertThat(format.reason(RevocationReason.KEY_COMPROMISE))
                .isEqualTo("KEY_COMPROMISE (key becomes COMPROMISED)");
        assertThat(format.reason(RevocationReason.SUPERSEDED)).isEqualTo("SUPERSEDED (key becomes DEACTIVATED)");
    }

    @Test
    void listsAndMissingValues() {
        assertThat(format.list(EnumSet.of(KeyUsage.DECRYPT, KeyUsage.ENCRYPT))).isEqualTo("ENCRYPT, DECRYPT");
        assertThat(format.list(Set.of())).isEqualTo(KeyFormat.NONE);
        assertThat(format.orNone(null)).isEqualTo(KeyFormat.NONE);
        assertThat(format.orNone("")).isEqualTo(KeyFormat.NONE);
        assertThat(format.orNone(RevocationReason.SUPERSEDED)).isEqualTo("SUPERSEDED");
    }

    @Test
    void onlyUuidsAreKeyIds() {
        assertThat(KeyFormat.isKeyId("0b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b")).isTrue();
        assertThat(KeyFormat.isKeyId("0B6F3C1E-7D2A-4C55-9A51-3F8E2D1C0A9B")).isTrue();
        assertThat(KeyFormat.isKeyId("payments-db")).isFalse();
        assertThat(KeyFormat.isKeyId("0b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b\n")).isFalse();
        assertThat(KeyFormat.isKeyId("")).isFalse();
        assertThat(KeyFormat.isKeyId(null)).isFalse();
    }

    private static KeyView key(String algorithm, int length, String curve) {
        return new KeyView("0b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b", "k", algorithm, length, curve,
                EnumSet.of(KeyUsage.SIGN), false, false, KeyState.ACTIVE, 1, 1, null, null, null, null, null, null,
                null, null, Instant.EPOCH, "officer", Instant.EPOCH, List.of(), Map.of());
    }
}
