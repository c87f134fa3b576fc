package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/** The records that carry key material to a response or a crypto operation never print it. */
class KeyCarriersTest {

    private static final String ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    private static final byte[] MATERIAL = HexFormat.of().parseHex("00112233445566778899aabbccddeeff"
            + "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    @Test
    void aRetrievedKeyPrintsOnlyItsIdAndVersion() {
        byte[] key = MATERIAL.clone();
        byte[] publicKey = {0x30, 0x59, 0x30, 0x13};

        RetrievedKey retrieved = new RetrievedKey(ID, "payments", 3, "AES", 256, null, "RAW", key, publicKey);

        assertThat(retrieved.toString()).isEqualTo("RetrievedKey[" + ID + " v3]");
        assertNoMaterialIn(retrieved.toString(), key);
        assertNoMaterialIn(retrieved.toString(), publicKey);
    }

    @Test
    void aRetrievedKeyHandsOutTheArraysItWasGiven() {
        // as documented: the arrays belong to the response being written (no copies of secret material are made)
        byte[] key = MATERIAL.clone();

        RetrievedKey retrieved = new RetrievedKey(ID, "payments", 1, "AES", 256, null, "RAW", key, null);

        assertThat(retrieved.key()).isSameAs(key);
        assertThat(retrieved.publicKey()).isNull();
    }

    @Test
    void aUsableKeyPrintsOnlyItsIdAndVersion() {
        try (UsableKey usable = new UsableKey(ID, "payments", KeySpec.of(KeyAlgorithm.AES, 256, null), 2,
                SecretBytes.copyOf(MATERIAL), null)) {
            assertThat(usable.toString()).isEqualTo("UsableKey[" + ID + " v2]");
            assertNoMaterialIn(usable.toString(), MATERIAL);
        }
    }

    @Test
    void closingAUsableKeyWipesItsSecret() {
        byte[] material = MATERIAL.clone();
        SecretBytes secret = SecretBytes.adopt(material);
        UsableKey usable = new UsableKey(ID, "payments", KeySpec.of(KeyAlgorithm.AES, 256, null), 1, secret, null);

        usable.close();

        assertThat(secret.isDestroyed()).isTrue();
        assertThat(material).containsOnly(0);
    }

    @Test
    void aUsableKeyWithOnlyAPublicKeyClosesQuietly() {
        byte[] publicKey = {0x30, 0x59};
        UsableKey usable = new UsableKey(ID, "signer", KeySpec.of(KeyAlgorithm.EC, null, "P-256"), 1, null,
                publicKey);

        usable.close();

        assertThat(usable.publicKey()).containsExactly(0x30, 0x59);
    }

    private static void assertNoMaterialIn(String text, byte[] material) {
        assertThat(text).doesNotContain(Arrays.toString(material), HexFormat.of().formatHex(material),
                HexFormat.of().withUpperCase().formatHex(material), Base64.getEncoder().encodeToString(material));
    }
}
