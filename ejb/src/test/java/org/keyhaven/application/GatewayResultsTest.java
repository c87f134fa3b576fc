package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/** The services' results as the connector's value types, with the services' copies of secrets wiped. */
class GatewayResultsTest {

    private static final String ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    private static final byte[] MATERIAL = HexFormat.of().parseHex("00112233445566778899aabbccddeeff"
            + "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    @Test
    void aRetrievedKeyBecomesKeyMaterialAndItsArraysAreWiped() {
        byte[] key = MATERIAL.clone();
        byte[] publicKey = {0x30, 0x59, 0x30, 0x13};

        KeyMaterial material = GatewayResults.keyMaterial(new RetrievedKey(ID, "signing", 3, "EC", 256, "P-256",
                "PKCS8", key, publicKey));

        assertThat(material.id()).isEqualTo(ID);
        assertThat(material.name()).isEqualTo("signing");
        assertThat(material.version()).isEqualTo(3);
        assertThat(material.algorithm()).isEqualTo("EC");
        assertThat(material.format()).isEqualTo("PKCS8");
        assertThat(material.encoded()).isEqualTo(MATERIAL);
        assertThat(material.publicKey()).containsExactly(0x30, 0x59, 0x30, 0x13);
        assertThat(key).containsOnly(0);
        assertThat(publicKey).containsOnly(0);
    }

    @Test
    void aSymmetricKeyHasNoPublicKey() {
        KeyMaterial material = GatewayResults.keyMaterial(new RetrievedKey(ID, "payments", 1, "AES", 256, null,
                "RAW", MATERIAL.clone(), null));

        assertThat(material.publicKey()).isNull();
        assertThat(material.format()).isEqualTo("RAW");
    }

    @Test
    void aCiphertextNamesItsKeyVersion() {
        Ciphertext ciphertext = GatewayResults.ciphertext(new CryptoRequests.Ciphertext(ID, 4, new byte[] {1, 2, 3}));

        assertThat(ciphertext).isEqualTo(new Ciphertext(ID, 4, new byte[] {1, 2, 3}));
    }

    @Test
    void aSignatureNamesItsKeyVersionAndAlgorithm() {
        Signature signature = GatewayResults.signature(new CryptoRequests.Signature(ID, 3, "ECDSA-SHA256",
                new byte[] {4, 5, 6}));

        assertThat(signature).isEqualTo(new Signature(ID, 3, "ECDSA-SHA256", new byte[] {4, 5, 6}));
        assertThat(signature.version()).isEqualTo(3);
    }

    @Test
    void aMacNamesItsKeyVersion() {
        MacValue mac = GatewayResults.macValue(new CryptoRequests.MacValue(ID, 5, new byte[] {7, 8}));

        assertThat(mac).isEqualTo(new MacValue(ID, 5, new byte[] {7, 8}));
        assertThat(mac.version()).isEqualTo(5);
    }

    @Test
    void aDataKeyCarriesItsPlaintextAndWrappedCopyAndTheServicesPlaintextIsWiped() {
        byte[] plaintext = MATERIAL.clone();

        DataKey dataKey = GatewayResults.dataKey(new CryptoRequests.WrappedDataKey(ID, 2, new byte[] {9, 8},
                plaintext));

        assertThat(dataKey.plaintext()).isEqualTo(MATERIAL);
        assertThat(dataKey.wrapped()).isEqualTo(new Ciphertext(ID, 2, new byte[] {9, 8}));
        assertThat(plaintext).containsOnly(0);
    }

    @Test
    void aDataKeyWithoutPlaintextIsAProgrammingError() {
        assertThatThrownBy(() -> GatewayResults.dataKey(new CryptoRequests.WrappedDataKey(ID, 2, new byte[] {9},
                null))).isInstanceOf(IllegalArgumentException.class);
    }
}
