package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.pair;
import static org.keyhaven.crypto.ops.Fixtures.rsa;
import static org.keyhaven.testing.Tampering.flipBit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.crypto.SecretBytes;

/**
 * Exhaustive damage to one valid envelope per algorithm: every truncation, every single-bit flip and an appended
 * byte must be refused, either by {@link CiphertextEnvelope#parse} (as an invalid request) or by decryption (as an
 * authentication failure), with the key the envelope was made with and the right associated data. No damaged
 * envelope may decrypt, and nothing but those two refusals may be thrown.
 */
class EnvelopeTamperingTest {

    private static final UUID KEY_ID = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final byte[] PLAINTEXT = "pin=0000".getBytes(UTF_8);
    private static final byte[] AAD = "ctx".getBytes(UTF_8);

    @Test
    void everyDamagedAesGcmEnvelopeIsRefused() {
        try (SecretBytes key = Fixtures.randomAesKey(256)) {
            byte[] valid = Encryption.encryptAesGcm(key, KEY_ID, 1, PLAINTEXT, AAD);
            Function<CiphertextEnvelope, byte[]> decrypt = envelope -> Encryption.decrypt(envelope, key, AAD);

            assertThat(Encryption.decrypt(CiphertextEnvelope.parse(valid), key, AAD)).isEqualTo(PLAINTEXT);
            assertEveryDamageIsRefused(valid, decrypt);
        }
    }

    @Test
    void everyDamagedRsaOaepEnvelopeIsRefused() {
        GeneratedKey key = pair(rsa(2048));
        byte[] valid = Encryption.encryptRsaOaep(key.publicKey(), KEY_ID, 1, PLAINTEXT, AAD);
        Function<CiphertextEnvelope, byte[]> decrypt =
                envelope -> Encryption.decryptRsaOaep(key.secret(), envelope, AAD);

        assertThat(decrypt.apply(CiphertextEnvelope.parse(valid))).isEqualTo(PLAINTEXT);
        assertEveryDamageIsRefused(valid, decrypt);
    }

    private static void assertEveryDamageIsRefused(byte[] valid, Function<CiphertextEnvelope, byte[]> decrypt) {
        List<String> accepted = new ArrayList<>();
        int refusedAsInvalid = 0;
        int refusedByAuthentication = 0;
        List<Damaged> damaged = new ArrayList<>();
        for (int length = 0; length < valid.length; length++) {
            damaged.add(new Damaged("truncated to " + length + " bytes", Arrays.copyOf(valid, length)));
        }
        for (int bit = 0; bit < valid.length * 8; bit++) {
            damaged.add(new Damaged("bit " + bit + " flipped", flipBit(valid, bit)));
        }
        damaged.add(new Damaged("one byte appended", concat(valid, new byte[1])));

        for (Damaged candidate : damaged) {
            CiphertextEnvelope envelope;
            try {
                envelope = CiphertextEnvelope.parse(candidate.bytes());
            } catch (KeyhavenException e) {
                assertThat(e.code()).as(candidate.name()).isEqualTo(ErrorCode.INVALID_REQUEST);
                refusedAsInvalid++;
                continue;
            }
            try {
                decrypt.apply(envelope);
                accepted.add(candidate.name());
            } catch (AuthenticationFailedException e) {
                refusedByAuthentication++;
            } catch (KeyhavenException e) {
                assertThat(e.code()).as(candidate.name()).isEqualTo(ErrorCode.INVALID_REQUEST);
                refusedAsInvalid++;
            }
        }

        assertThat(accepted).as("damaged envelopes that decrypted").isEmpty();
        assertThat(refusedAsInvalid + refusedByAuthentication).isEqualTo(damaged.size());
        // Both kinds of refusal take part: header and length damage is caught by parsing, and every flip in the
        // body (and in the key id or version) by authentication.
        assertThat(refusedAsInvalid).isPositive();
        assertThat(refusedByAuthentication).isGreaterThanOrEqualTo((valid.length - 24) * 8);
    }

    private record Damaged(String name, byte[] bytes) {
    }
}
