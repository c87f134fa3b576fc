package org.keyhaven.kmip.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;

/** Metadata of private and public keys as the KMIP operations see them (no material), and KMIP refusals. */
final class AsymmetricFixtures {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private AsymmetricFixtures() {
    }

    static KeyView privateKey(String algorithm, int length, String curve) {
        return view(algorithm, length, curve, false, Map.of());
    }

    static KeyView publicKey(String algorithm, int length, String curve) {
        return view(algorithm, length, curve, true, Map.of());
    }

    static KeyView view(String algorithm, int length, String curve, boolean publicKeyOnly,
            Map<String, String> attributes) {
        EnumSet<KeyUsage> usage = publicKeyOnly ? EnumSet.of(KeyUsage.VERIFY) : EnumSet.of(KeyUsage.SIGN);
        return new KeyView("5d0c6a2e-8b1f-4c3d-9e7a-1f2b3c4d5e6f", "pair-key", algorithm, length, curve, usage,
                true, publicKeyOnly, KeyState.ACTIVE, 1, 1, null, null, NOW, null, null, null, null, null,
                NOW.minusSeconds(60), "client:app", NOW, List.of(), new TreeMap<>(attributes));
    }

    /** For {@code assertThatThrownBy(...).isInstanceOfSatisfying(KmipFailure.class, withReason(...))}. */
    static Consumer<KmipFailure> withReason(ResultReason reason) {
        return e -> assertThat(e.reason()).isEqualTo(reason);
    }
}
