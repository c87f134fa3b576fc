package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.Fixtures.aes;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.hex;
import static org.keyhaven.crypto.ops.Fixtures.randomAesKey;
import static org.keyhaven.testing.Refusals.withCode;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.CiphertextEnvelope.Algorithm;

/**
 * AES-GCM envelopes: round trips, binding of header and associated data, and interoperability with the JDK's own
 * AES-GCM (SunJCE), which shares no code with Bouncy Castle.
 */
class AesGcmEncryptionTest {

    private static final UUID KEY_ID = UUID.fromString("8d1f0c4e-2b7a-4f55-9c3e-61a2b4c8d0e9");
    private static final int VERSION = 5;
    private static final byte[] PLAINTEXT = "attack at dawn".getBytes(UTF_8);
    private static final byte[] AAD = "tenant=42;purpose=backup".getBytes(UTF_8);

    @ParameterizedTest(name = "AES-{0}")
    @ValueSource(ints = {128, 192, 256})
    void decryptionReturnsThePlaintextForEveryKeySize(int bits) {
        try (SecretBytes key = randomAesKey(bits)) {
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, VERSION, PLAINTEXT, AAD);

            CiphertextEnvelope envelope = CiphertextEnvelope.parse(encoded);
            assertThat(envelope.algorithm()).isEqualTo(Algorithm.AES_GCM);
            assertThat(envelope.keyId()).isEqualTo(KEY_ID);
            assertThat(envelope.keyVersion()).isEqualTo(VERSION);
            assertThat(encoded).hasSize(24 + 12 + PLAINTEXT.length + 16);
            assertThat(Encryption.decrypt(envelope, key, AAD)).isEqualTo(PLAINTEXT);
            assertThat(Encryption.decrypt(envelope, aes(bits), key, AAD)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void theEmptyPlaintextRoundTrips() {
        try (SecretBytes key = randomAesKey(256)) {
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, 1, new byte[0], null);

            assertThat(encoded).hasSize(24 + 12 + 16);
            assertThat(Encryption.decrypt(CiphertextEnvelope.parse(encoded), key, null)).isEmpty();
        }
    }

    @Test
    void aMebibyteRoundTrips() {
        byte[] plaintext = new byte[1 << 20];
        new Random(1).nextBytes(plaintext);
        try (SecretBytes key = randomAesKey(256)) {
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, VERSION, plaintext, AAD);

            assertThat(encoded).hasSize(24 + 12 + plaintext.length + 16);
            assertThat(Encryption.decrypt(CiphertextEnvelope.parse(encoded), key, AAD)).isEqualTo(plaintext);
        }
    }

    @Test
    void absentAndEmptyAssociatedDataAreTheSame() {
        try (SecretBytes key = randomAesKey(128)) {
            CiphertextEnvelope withNull = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, null));
            CiphertextEnvelope withEmpty = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, new byte[0]));

            assertThat(Encryption.decrypt(withNull, key, new byte[0])).isEqualTo(PLAINTEXT);
            assertThat(Encryption.decrypt(withEmpty, key, null)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        try (SecretBytes key = randomAesKey(256)) {
            byte[] first = Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD);
            byte[] second = Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD);

            assertThat(Arrays.copyOfRange(second, 24, 36)).isNotEqualTo(Arrays.copyOfRange(first, 24, 36));
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void otherAssociatedDataFailsToDecrypt() {
        try (SecretBytes key = randomAesKey(256)) {
            CiphertextEnvelope envelope = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD));

            byte[] otherTenant = "tenant=43;purpose=backup".getBytes(UTF_8);
            assertAuthenticationFails(() -> Encryption.decrypt(envelope, key, otherTenant));
            assertAuthenticationFails(() -> Encryption.decrypt(envelope, key, null));
            assertAuthenticationFails(() -> Encryption.decrypt(envelope, key, concat(AAD, new byte[1])));
            assertAuthenticationFails(() -> Encryption.decrypt(envelope, key, Arrays.copyOf(AAD, AAD.length - 1)));
        }
    }

    @Test
    void associatedDataIsRequiredWhenItWasGiven() {
        try (SecretBytes key = randomAesKey(256)) {
            CiphertextEnvelope envelope = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, null));

            assertAuthenticationFails(() -> Encryption.decrypt(envelope, key, AAD));
        }
    }

    @Test
    void anotherKeyFailsToDecrypt() {
        try (SecretBytes key = randomAesKey(256); SecretBytes other = randomAesKey(256)) {
            CiphertextEnvelope envelope = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD));

            assertAuthenticationFails(() -> Encryption.decrypt(envelope, other, AAD));
        }
    }

    @Test
    void aChangedKeyIdOrKeyVersionInTheHeaderFailsToDecrypt() {
        try (SecretBytes key = randomAesKey(256)) {
            CiphertextEnvelope envelope = parse(Encryption.encryptAesGcm(key, KEY_ID, VERSION, PLAINTEXT, AAD));
            CiphertextEnvelope otherId = new CiphertextEnvelope(Algorithm.AES_GCM, UUID.randomUUID(), VERSION,
                    envelope.body());
            CiphertextEnvelope olderVersion = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, VERSION - 1,
                    envelope.body());
            CiphertextEnvelope newerVersion = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, VERSION + 1,
                    envelope.body());

            assertAuthenticationFails(() -> Encryption.decrypt(otherId, key, AAD));
            assertAuthenticationFails(() -> Encryption.decrypt(olderVersion, key, AAD));
            assertAuthenticationFails(() -> Encryption.decrypt(newerVersion, key, AAD));
        }
    }

    @Test
    void aChangedAlgorithmInTheHeaderIsRefused() {
        try (SecretBytes key = randomAesKey(256)) {
            byte[] plaintext = new byte[256 - 12 - 16];
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, 1, plaintext, AAD);
            byte[] relabelled = encoded.clone();
            relabelled[3] = 0x02;
            CiphertextEnvelope asRsa = parse(relabelled);

            assertThat(asRsa.algorithm()).isEqualTo(Algorithm.RSA_OAEP_SHA256);
            assertThatThrownBy(() -> Encryption.decrypt(asRsa, key, AAD)).isInstanceOfSatisfying(
                    KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> Encryption.decrypt(asRsa, aes(256), key, AAD)).isInstanceOfSatisfying(
                    KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void theFailureIsAGenericIntegrityViolation() {
        try (SecretBytes key = randomAesKey(256)) {
            CiphertextEnvelope envelope = parse(Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD));

            assertThatThrownBy(() -> Encryption.decrypt(envelope, key, null))
                    .isExactlyInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("authentication of protected data failed")
                    .hasNoCause()
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INTEGRITY_VIOLATION));
        }
    }

    @Test
    void aMissingPlaintextIsAnInvalidRequest() {
        try (SecretBytes key = randomAesKey(256)) {
            assertThatThrownBy(() -> Encryption.encryptAesGcm(key, KEY_ID, 1, null, AAD))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .hasMessage("plaintext is required");
        }
    }

    @Test
    void theJdkDecryptsAKeyhavenEnvelopeWithHeaderAndAssociatedDataAsAad() throws GeneralSecurityException {
        byte[] rawKey = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        try (SecretBytes key = SecretBytes.copyOf(rawKey)) {
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, VERSION, PLAINTEXT, AAD);

            byte[] header = Arrays.copyOfRange(encoded, 0, 24);
            byte[] nonce = Arrays.copyOfRange(encoded, 24, 36);
            Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, nonce));
            jdk.updateAAD(header);
            jdk.updateAAD(AAD);

            assertThat(jdk.doFinal(encoded, 36, encoded.length - 36)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void theEnvelopeBodyIsExactlyNonceCiphertextAndTagAsTheJdkComputesThem() throws GeneralSecurityException {
        byte[] rawKey = hex("feffe9928665731c6d6a8f9467308308");
        try (SecretBytes key = SecretBytes.copyOf(rawKey)) {
            byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, VERSION, PLAINTEXT, AAD);
            byte[] nonce = Arrays.copyOfRange(encoded, 24, 36);

            Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, nonce));
            jdk.updateAAD(expectedHeader(Algorithm.AES_GCM, KEY_ID, VERSION));
            jdk.updateAAD(AAD);

            assertThat(encoded).isEqualTo(concat(expectedHeader(Algorithm.AES_GCM, KEY_ID, VERSION), nonce,
                    jdk.doFinal(PLAINTEXT)));
        }
    }

    @Test
    void keyhavenDecryptsAnEnvelopeBuiltByHandWithTheJdk() throws GeneralSecurityException {
        byte[] rawKey = hex("6a8f94673083088665731cfeffe99292");
        byte[] nonce = hex("cafebabefacedbaddecaf888");
        byte[] header = expectedHeader(Algorithm.AES_GCM, KEY_ID, 12);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(concat(header, AAD));
        byte[] encoded = concat(header, nonce, jdk.doFinal(PLAINTEXT));

        try (SecretBytes key = SecretBytes.copyOf(rawKey)) {
            CiphertextEnvelope envelope = CiphertextEnvelope.parse(encoded);
            assertThat(envelope.keyVersion()).isEqualTo(12);
            assertThat(Encryption.decrypt(envelope, key, AAD)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void concurrentCallersShareOneKeySafely() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SecretBytes key = randomAesKey(256)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                byte[] plaintext = ("message " + task).getBytes(UTF_8);
                byte[] aad = ("aad " + task).getBytes(UTF_8);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        byte[] encoded = Encryption.encryptAesGcm(key, KEY_ID, 1, plaintext, aad);
                        if (!Arrays.equals(Encryption.decrypt(parse(encoded), key, aad), plaintext)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The header as the format documents it, built independently of {@link CiphertextEnvelope}. */
    static byte[] expectedHeader(Algorithm algorithm, UUID keyId, int version) {
        return ByteBuffer.allocate(24).put((byte) 'K').put((byte) 'H').put((byte) 1).put((byte) algorithm.id())
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits()).putInt(version)
                .array();
    }

    private static CiphertextEnvelope parse(byte[] encoded) {
        return CiphertextEnvelope.parse(encoded);
    }

    static void assertAuthenticationFails(Runnable decryption) {
        assertThatThrownBy(decryption::run)
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessage("authentication of protected data failed");
    }
}
