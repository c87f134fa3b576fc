package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.CiphertextEnvelope.Algorithm;

class DataKeysTest {

    private static final UUID KEY_ID = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static final byte[] AAD = "bucket=invoices".getBytes(UTF_8);

    @ParameterizedTest(name = "{0}-bit data key")
    @ValueSource(ints = {128, 192, 256})
    void theEnvelopeDecryptsToExactlyThePlaintextDataKey(int bits) {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(256);
                DataKey dataKey = DataKeys.generate(wrappingKey, KEY_ID, 4, bits, AAD)) {
            byte[] plaintext = dataKey.plaintext().copy();
            CiphertextEnvelope envelope = CiphertextEnvelope.parse(dataKey.ciphertextEnvelope());

            assertThat(plaintext).hasSize(bits / 8);
            assertThat(envelope.algorithm()).isEqualTo(Algorithm.AES_GCM);
            assertThat(envelope.keyId()).isEqualTo(KEY_ID);
            assertThat(envelope.keyVersion()).isEqualTo(4);
            assertThat(dataKey.ciphertextEnvelope()).hasSize(24 + 12 + bits / 8 + 16);
            assertThat(Encryption.decrypt(envelope, wrappingKey, AAD)).isEqualTo(plaintext);
        }
    }

    @Test
    void theAssociatedDataIsBoundToTheEncryptedDataKey() {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(128);
                DataKey dataKey = DataKeys.generate(wrappingKey, KEY_ID, 1, 256, AAD)) {
            CiphertextEnvelope envelope = CiphertextEnvelope.parse(dataKey.ciphertextEnvelope());

            assertThatThrownBy(() -> Encryption.decrypt(envelope, wrappingKey, null))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void everyDataKeyIsFresh() {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(256);
                DataKey first = DataKeys.generate(wrappingKey, KEY_ID, 1, 256, null);
                DataKey second = DataKeys.generate(wrappingKey, KEY_ID, 1, 256, null)) {
            assertThat(first.plaintext().copy()).isNotEqualTo(second.plaintext().copy());
            assertThat(first.ciphertextEnvelope()).isNotEqualTo(second.ciphertextEnvelope());
        }
    }

    @Test
    void otherLengthsAreRefused() {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(256)) {
            for (int bits : new int[] {0, -128, 8, 64, 127, 129, 384, 512}) {
                assertThatThrownBy(() -> DataKeys.generate(wrappingKey, KEY_ID, 1, bits, null))
                        .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                        .hasMessage("data keys are 128, 192 or 256 bits; got " + bits);
            }
        }
    }

    @Test
    void closingWipesThePlaintextAndToStringShowsNoKeyMaterial() {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(256)) {
            DataKey dataKey = DataKeys.generate(wrappingKey, KEY_ID, 1, 256, null);
            String hex = HexFormat.of().formatHex(dataKey.plaintext().copy());

            assertThat(dataKey.toString()).isEqualTo("DataKey[256 bits, envelope 84 bytes]").doesNotContain(hex);
            dataKey.close();

            assertThat(dataKey.plaintext().isDestroyed()).isTrue();
            assertThat(dataKey.toString()).isEqualTo("DataKey[256 bits, destroyed, envelope 84 bytes]");
            assertThat(wrappingKey.isDestroyed()).as("the wrapping key is only lent").isFalse();
        }
    }

    @Test
    void theEnvelopeIsACopy() {
        try (SecretBytes wrappingKey = Fixtures.randomAesKey(256);
                DataKey dataKey = DataKeys.generate(wrappingKey, KEY_ID, 1, 128, null)) {
            byte[] envelope = dataKey.ciphertextEnvelope();
            envelope[30] ^= 1;

            assertThat(dataKey.ciphertextEnvelope()).isNotEqualTo(envelope);
        }
    }
}
