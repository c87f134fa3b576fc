package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.AesGcmEncryptionTest.expectedHeader;
import static org.keyhaven.crypto.ops.Fixtures.aes;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.ec;
import static org.keyhaven.crypto.ops.Fixtures.jdkPrivateKey;
import static org.keyhaven.crypto.ops.Fixtures.jdkPublicKey;
import static org.keyhaven.crypto.ops.Fixtures.pair;
import static org.keyhaven.crypto.ops.Fixtures.rsa;
import static org.keyhaven.testing.Refusals.withCode;
import static org.keyhaven.testing.Tampering.flipBit;

import java.security.GeneralSecurityException;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.CiphertextEnvelope.Algorithm;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeySpec;

/**
 * RSA-OAEP envelopes (SHA-256, MGF1-SHA-256, label = header || associated data): round trips, limits, a single
 * failure for every kind of bad ciphertext, and interoperability with the JDK's SunJCE OAEP in both directions.
 */
class RsaOaepEncryptionTest {

    private static final UUID KEY_ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final int VERSION = 3;
    private static final byte[] PLAINTEXT = "a 32-byte secret for the backup!".getBytes(UTF_8);
    private static final byte[] AAD = "object=db-backup-7".getBytes(UTF_8);

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072, 4096})
    void decryptionReturnsThePlaintext(int bits) {
        GeneratedKey key = pair(rsa(bits));
        byte[] encoded = Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, VERSION, PLAINTEXT, AAD);

        CiphertextEnvelope envelope = CiphertextEnvelope.parse(encoded);
        assertThat(envelope.algorithm()).isEqualTo(Algorithm.RSA_OAEP_SHA256);
        assertThat(envelope.keyId()).isEqualTo(KEY_ID);
        assertThat(envelope.keyVersion()).isEqualTo(VERSION);
        assertThat(envelope.header()).isEqualTo(expectedHeader(Algorithm.RSA_OAEP_SHA256, KEY_ID, VERSION));
        assertThat(encoded).hasSize(24 + bits / 8);
        assertThat(Encryption.decryptRsaOaep(key.secret(), envelope, AAD)).isEqualTo(PLAINTEXT);
        assertThat(Encryption.decrypt(envelope, rsa(bits), key.secret(), AAD)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 4096})
    void theEmptyPlaintextAndTheLongestAllowedPlaintextRoundTrip(int bits) {
        GeneratedKey key = pair(rsa(bits));
        byte[] longest = new byte[bits / 8 - 66];
        Arrays.fill(longest, (byte) 0x5a);

        for (byte[] plaintext : List.of(new byte[0], longest)) {
            CiphertextEnvelope envelope = CiphertextEnvelope.parse(
                    Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, plaintext, null));
            assertThat(Encryption.decryptRsaOaep(key.secret(), envelope, null)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 4096})
    void aPlaintextTooLongForTheModulusIsRefused(int bits) {
        GeneratedKey key = pair(rsa(bits));
        int max = bits / 8 - 66;

        assertThatThrownBy(() -> Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, new byte[max + 1], AAD))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessage("plaintext is " + (max + 1) + " bytes; RSA-OAEP with SHA-256 and a " + bits
                        + "-bit key takes at most " + max + " bytes"
                        + " (encrypt larger data with an AES key or a data key)");
    }

    @Test
    void encryptionIsRandomised() {
        GeneratedKey key = pair(rsa(2048));

        assertThat(Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, PLAINTEXT, AAD))
                .isNotEqualTo(Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, PLAINTEXT, AAD));
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 4096})
    void theJdkDecryptsWithTheHeaderAndAssociatedDataAsLabel(int bits) throws GeneralSecurityException {
        KeySpec spec = rsa(bits);
        GeneratedKey key = pair(spec);
        byte[] encoded = Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, VERSION, PLAINTEXT, AAD);
        byte[] header = expectedHeader(Algorithm.RSA_OAEP_SHA256, KEY_ID, VERSION);

        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        jdk.init(Cipher.DECRYPT_MODE, jdkPrivateKey(spec, key.secret()), oaep(concat(header, AAD)));
        assertThat(jdk.doFinal(encoded, 24, encoded.length - 24)).isEqualTo(PLAINTEXT);

        Cipher withoutHeader = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        withoutHeader.init(Cipher.DECRYPT_MODE, jdkPrivateKey(spec, key.secret()), oaep(AAD));
        assertThatThrownBy(() -> withoutHeader.doFinal(encoded, 24, encoded.length - 24))
                .isInstanceOf(BadPaddingException.class);
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 4096})
    void keyhavenDecryptsAnEnvelopeBuiltByHandWithTheJdk(int bits) throws GeneralSecurityException {
        KeySpec spec = rsa(bits);
        GeneratedKey key = pair(spec);
        byte[] header = expectedHeader(Algorithm.RSA_OAEP_SHA256, KEY_ID, 9);
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, jdkPublicKey(spec, key.publicKey()), oaep(concat(header, AAD)));
        byte[] encoded = concat(header, jdk.doFinal(PLAINTEXT));

        assertThat(Encryption.decryptRsaOaep(key.secret(), CiphertextEnvelope.parse(encoded), AAD))
                .isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 4096})
    void everyBadCiphertextFailsWithTheSameExceptionAndMessage(int bits) {
        KeySpec spec = rsa(bits);
        GeneratedKey key = pair(spec);
        CiphertextEnvelope envelope = CiphertextEnvelope.parse(
                Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, VERSION, PLAINTEXT, AAD));
        byte[] body = envelope.body();
        byte[] allOnes = new byte[body.length];
        Arrays.fill(allOnes, (byte) 0xff);

        List<Supplier<byte[]>> attempts = List.of(
                () -> Encryption.decryptRsaOaep(key.secret(), envelope, "object=db-backup-8".getBytes(UTF_8)),
                () -> Encryption.decryptRsaOaep(key.secret(), envelope, null),
                () -> Encryption.decryptRsaOaep(Fixtures.otherPair(spec).secret(), envelope, AAD),
                () -> Encryption.decryptRsaOaep(key.secret(), withBody(envelope, flipBit(body, 0)), AAD),
                () -> Encryption.decryptRsaOaep(key.secret(), withBody(envelope, flipBit(body, body.length * 8 - 1)),
                        AAD),
                () -> Encryption.decryptRsaOaep(key.secret(), withBody(envelope, flipBit(body, body.length * 4)),
                        AAD),
                () -> Encryption.decryptRsaOaep(key.secret(), withBody(envelope, new byte[body.length]), AAD),
                () -> Encryption.decryptRsaOaep(key.secret(), withBody(envelope, allOnes), AAD),
                () -> Encryption.decryptRsaOaep(key.secret(),
                        new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, UUID.randomUUID(), VERSION, body), AAD),
                () -> Encryption.decryptRsaOaep(key.secret(),
                        new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, KEY_ID, VERSION + 1, body), AAD),
                () -> Encryption.decryptRsaOaep(pair(bits == 2048 ? rsa(4096) : rsa(2048)).secret(), envelope, AAD));

        List<Throwable> failures = new ArrayList<>();
        for (Supplier<byte[]> attempt : attempts) {
            failures.add(catchFailure(attempt));
        }

        assertThat(failures).hasSize(attempts.size()).allSatisfy(failure -> {
            assertThat(failure).isExactlyInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("authentication of protected data failed").hasNoCause();
            assertThat(((KeyhavenException) failure).code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
        });
    }

    @Test
    void anAesEnvelopeIsNotDecryptedWithAnRsaKey() {
        GeneratedKey key = pair(rsa(2048));
        CiphertextEnvelope aesEnvelope = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 1, new byte[256]);

        assertThatThrownBy(() -> Encryption.decryptRsaOaep(key.secret(), aesEnvelope, AAD))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessage("the ciphertext is AES-GCM, not RSA-OAEP-SHA256");
        assertThatThrownBy(() -> Encryption.decrypt(aesEnvelope, rsa(2048), key.secret(), AAD))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void anRsaEnvelopeNamingAnAesKeyIsRefused() {
        GeneratedKey key = pair(rsa(2048));
        CiphertextEnvelope envelope = CiphertextEnvelope.parse(
                Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, PLAINTEXT, AAD));

        try (SecretBytes aesKey = Fixtures.randomAesKey(256)) {
            assertThatThrownBy(() -> Encryption.decrypt(envelope, aes(256), aesKey, AAD))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .hasMessageContaining("needs an RSA key");
        }
    }

    @Test
    void aPublicKeyThatIsNotRsaIsAnInternalError() {
        byte[] ecPublicKey = pair(ec(EcCurve.P_256)).publicKey();

        assertThatThrownBy(() -> Encryption.encryptRsaOaep(ecPublicKey, KEY_ID, 1, PLAINTEXT, AAD))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INTERNAL));
    }

    @Test
    void aMissingPlaintextIsAnInvalidRequest() {
        assertThatThrownBy(() -> Encryption.encryptRsaOaep(pair(rsa(2048)).publicKey(), KEY_ID, 1, null, AAD))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    private static CiphertextEnvelope withBody(CiphertextEnvelope envelope, byte[] body) {
        return new CiphertextEnvelope(envelope.algorithm(), envelope.keyId(), envelope.keyVersion(), body);
    }

    private static Throwable catchFailure(Supplier<byte[]> attempt) {
        try {
            attempt.get();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("a bad ciphertext decrypted");
    }

    private static OAEPParameterSpec oaep(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
    }
}
