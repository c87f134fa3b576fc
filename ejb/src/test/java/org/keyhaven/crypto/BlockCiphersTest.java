package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.BlockCiphers.Encrypted;
import org.keyhaven.crypto.BlockCiphers.Mode;
import org.keyhaven.crypto.BlockCiphers.Padding;

/** Known-answer tests from FIPS 197, SP 800-38A and the GCM specification, and the refusals. */
class BlockCiphersTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SP800_38A_KEY = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String SP800_38A_BLOCK = "6bc1bee22e409f96e93d7e117393172a";

    @Test
    void ecbMatchesFips197() {
        Encrypted out = BlockCiphers.encrypt(key("000102030405060708090a0b0c0d0e0f"), Mode.ECB, Padding.NONE, null, 0,
                hex("00112233445566778899aabbccddeeff"), null, 0);

        assertThat(HEX.formatHex(out.ciphertext())).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
        assertThat(out.iv()).isNull();
        assertThat(out.tag()).isNull();
    }

    @Test
    void cbcAndCtrMatchSp80038a() {
        Encrypted cbc = BlockCiphers.encrypt(key(SP800_38A_KEY), Mode.CBC, Padding.NONE,
                hex("000102030405060708090a0b0c0d0e0f"), 0, hex(SP800_38A_BLOCK), null, 0);
        Encrypted ctr = BlockCiphers.encrypt(key(SP800_38A_KEY), Mode.CTR, Padding.NONE,
                hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), 0, hex(SP800_38A_BLOCK), null, 0);

        assertThat(HEX.formatHex(cbc.ciphertext())).isEqualTo("7649abac8119b246cee98e9b12e9197d");
        assertThat(HEX.formatHex(ctr.ciphertext())).isEqualTo("874d6191b620e3261bef6864990db6ce");
        assertThat(BlockCiphers.decrypt(key(SP800_38A_KEY), Mode.CBC, Padding.NONE, cbc.iv(), cbc.ciphertext(),
                null, null)).isEqualTo(hex(SP800_38A_BLOCK));
    }

    @Test
    void gcmMatchesTheSpecificationsSecondTestCaseAndSplitsTheTag() {
        Encrypted out = BlockCiphers.encrypt(key("00000000000000000000000000000000"), Mode.GCM, Padding.NONE,
                hex("000000000000000000000000"), 0, hex("00000000000000000000000000000000"), null, 16);

        assertThat(HEX.formatHex(out.ciphertext())).isEqualTo("0388dace60b6a392f328c2b971b2fe78");
        assertThat(HEX.formatHex(out.tag())).isEqualTo("ab6e47d42cec13bdf53a67b21257bddf");
    }

    @Test
    void aShortGcmTagIsAPrefixAndAWrongOneRevealsNothing() {
        SecretBytes key = key("00000000000000000000000000000000");
        byte[] nonce = hex("000000000000000000000000");
        Encrypted out = BlockCiphers.encrypt(key, Mode.GCM, Padding.NONE, nonce, 0, new byte[16], hex("feed"), 12);
        byte[] wrong = out.tag().clone();
        wrong[0] ^= 1;

        assertThat(HEX.formatHex(out.tag())).hasSize(24);
        assertThat(BlockCiphers.decrypt(key, Mode.GCM, Padding.NONE, nonce, out.ciphertext(), hex("feed"),
                out.tag())).isEqualTo(new byte[16]);
        assertThatThrownBy(() -> BlockCiphers.decrypt(key, Mode.GCM, Padding.NONE, nonce, out.ciphertext(),
                hex("feed"), wrong)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> BlockCiphers.encrypt(key, Mode.GCM, Padding.NONE, nonce, 0, new byte[1], null, 11))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void pkcs5PaddingRoundTripsAnyLengthAndABrokenPadIsRefused() {
        SecretBytes key = key(SP800_38A_KEY);
        for (int length = 0; length <= 33; length++) {
            byte[] data = new byte[length];
            Encrypted out = BlockCiphers.encrypt(key, Mode.CBC, Padding.PKCS5, null, 0, data, null, 0);
            assertThat(out.ciphertext().length).isEqualTo((length / 16 + 1) * 16);
            assertThat(out.iv()).hasSize(16);
            assertThat(BlockCiphers.decrypt(key, Mode.CBC, Padding.PKCS5, out.iv(), out.ciphertext(), null, null))
                    .isEqualTo(data);
        }
        Encrypted raw = BlockCiphers.encrypt(key, Mode.ECB, Padding.NONE, null, 0, new byte[16], null, 0);
        assertThatThrownBy(() -> BlockCiphers.decrypt(key, Mode.ECB, Padding.PKCS5, null, raw.ciphertext(), null,
                null)).isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_CIPHERTEXT));
    }

    @Test
    void generatedIvsAreFreshAndAMissingIvIsRefusedOnDecryption() {
        SecretBytes key = key(SP800_38A_KEY);
        Encrypted first = BlockCiphers.encrypt(key, Mode.GCM, Padding.NONE, null, 0, new byte[8], null, 16);
        Encrypted second = BlockCiphers.encrypt(key, Mode.GCM, Padding.NONE, null, 0, new byte[8], null, 16);

        assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        assertThatThrownBy(() -> BlockCiphers.decrypt(key, Mode.CBC, Padding.PKCS5, null, new byte[16], null, null))
                .isInstanceOf(KeyhavenException.class).hasMessageContaining("IV");
        assertThatThrownBy(() -> BlockCiphers.encrypt(key, Mode.ECB, Padding.NONE, null, 0, new byte[15], null, 0))
                .isInstanceOf(KeyhavenException.class).hasMessageContaining("whole 16-byte blocks");
    }

    @Test
    void aMultiPartEncryptionGivesWhatASingleOneGives() {
        SecretBytes key = key("feffe9928665731c6d6a8f9467308308");
        byte[] nonce = hex("cafebabefacedbad");
        byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] first = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72");
        byte[] last = hex("1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");

        BlockCiphers.Stream stream = BlockCiphers.start(true, key, Mode.GCM, Padding.NONE, nonce, 0, aad, 16);
        byte[] part = stream.update(first);
        Encrypted end = stream.finish(last, null);

        // the GCM specification's test case 6 (a 64-bit IV), which the OASIS case CS-BC-M-GCM-3 uses
        assertThat(HEX.formatHex(part)).isEqualTo("61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c7423");
        assertThat(HEX.formatHex(end.ciphertext())).isEqualTo("73806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598");
        assertThat(HEX.formatHex(end.tag())).isEqualTo("3612d2e79e3b0785561be14aaca2fccb");
        assertThatThrownBy(() -> stream.update(first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMultiPartGcmDecryptionReleasesNothingBeforeTheTagIsVerified() {
        SecretBytes key = key(SP800_38A_KEY);
        byte[] nonce = new byte[12];
        Encrypted whole = BlockCiphers.encrypt(key, Mode.GCM, Padding.NONE, nonce, 0, new byte[40], null, 16);

        BlockCiphers.Stream good = BlockCiphers.start(false, key, Mode.GCM, Padding.NONE, nonce, 0, null, 16);
        byte[] early = good.update(Arrays.copyOf(whole.ciphertext(), 20));
        Encrypted plain = good.finish(Arrays.copyOfRange(whole.ciphertext(), 20, 40), whole.tag());
        BlockCiphers.Stream bad = BlockCiphers.start(false, key, Mode.GCM, Padding.NONE, nonce, 0, null, 16);
        bad.update(whole.ciphertext());
        byte[] wrong = whole.tag().clone();
        wrong[15] ^= 1;

        assertThat(early).isEmpty();
        assertThat(plain.ciphertext()).isEqualTo(new byte[40]);
        assertThatThrownBy(() -> bad.finish(new byte[0], wrong)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aMultiPartCbcWithPaddingMatchesTheSinglePartResult() {
        SecretBytes key = key(SP800_38A_KEY);
        byte[] iv = hex("000102030405060708090a0b0c0d0e0f");
        byte[] data = new byte[37];
        Encrypted whole = BlockCiphers.encrypt(key, Mode.CBC, Padding.PKCS5, iv, 0, data, null, 0);

        BlockCiphers.Stream stream = BlockCiphers.start(true, key, Mode.CBC, Padding.PKCS5, iv, 0, null, 0);
        byte[] a = stream.update(Arrays.copyOf(data, 10));
        byte[] b = stream.update(Arrays.copyOfRange(data, 10, 30));
        byte[] c = stream.finish(Arrays.copyOfRange(data, 30, 37), null).ciphertext();

        byte[] joined = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        System.arraycopy(c, 0, joined, a.length + b.length, c.length);
        assertThat(joined).isEqualTo(whole.ciphertext());
    }

    @Test
    void chacha20MatchesItsTestVectorsWithEitherNonceLength() {
        SecretBytes zero = key("00".repeat(32));

        Encrypted original = BlockCiphers.encrypt(zero, Mode.CHACHA20, Padding.NONE, new byte[8], 0, new byte[64],
                null, 0);
        Encrypted rfc8439 = BlockCiphers.encrypt(zero, Mode.CHACHA20, Padding.NONE, new byte[12], 0, new byte[64],
                null, 0);

        assertThat(HEX.formatHex(original.ciphertext())).startsWith("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1a");
        // with an all-zero nonce and the counter at 0 both constructions give the same key stream
        assertThat(rfc8439.ciphertext()).isEqualTo(original.ciphertext());
        assertThat(BlockCiphers.decrypt(zero, Mode.CHACHA20, Padding.NONE, new byte[8], original.ciphertext(), null,
                null)).isEqualTo(new byte[64]);
        assertThatThrownBy(() -> BlockCiphers.encrypt(key(SP800_38A_KEY), Mode.CHACHA20, Padding.NONE, new byte[8],
                0, new byte[1], null, 0)).isInstanceOf(KeyhavenException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void chacha20Poly1305MatchesRfc8439() {
        SecretBytes key = key("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = hex("070000004041424344454647");
        byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                + " future, sunscreen would be it.").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Encrypted out = BlockCiphers.encrypt(key, Mode.CHACHA20_POLY1305, Padding.NONE, nonce, 0, plaintext, aad, 16);

        assertThat(HEX.formatHex(out.ciphertext())).startsWith("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fe");
        assertThat(HEX.formatHex(out.tag())).isEqualTo("1ae10b594f09e26a7e902ecbd0600691");
        assertThat(BlockCiphers.decrypt(key, Mode.CHACHA20_POLY1305, Padding.NONE, nonce, out.ciphertext(), aad,
                out.tag())).isEqualTo(plaintext);
        assertThatThrownBy(() -> BlockCiphers.decrypt(key, Mode.CHACHA20_POLY1305, Padding.NONE, nonce,
                out.ciphertext(), new byte[1], out.tag())).isInstanceOf(AuthenticationFailedException.class);
    }

    private static SecretBytes key(String hex) {
        return SecretBytes.adopt(HEX.parseHex(hex));
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }
}
