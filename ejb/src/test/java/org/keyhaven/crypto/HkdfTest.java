package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.TestBytes.hex;
import static org.keyhaven.crypto.TestBytes.repeat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 5869 appendix A, test cases 1 to 3 (the SHA-256 cases). */
class HkdfTest {

    @Test
    void rfc5869TestCase1() {
        try (SecretBytes ikm = SecretBytes.adopt(repeat(0x0b, 22));
                SecretBytes okm = Hkdf.derive(ikm, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"),
                        42)) {
            assertThat(okm.copy()).isEqualTo(hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
                    "34007208d5b887185865"));
        }
    }

    @Test
    void rfc5869TestCase2WithLongInputsAndThreeBlocks() {
        try (SecretBytes ikm = SecretBytes.adopt(sequence(0x00, 0x50));
                SecretBytes okm = Hkdf.derive(ikm, sequence(0x60, 0x50), sequence(0xb0, 0x50), 82)) {
            assertThat(okm.copy()).isEqualTo(hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c",
                    "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71",
                    "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
        }
    }

    @Test
    void rfc5869TestCase3WithEmptySaltAndInfo() {
        String expected = "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
        try (SecretBytes ikm = SecretBytes.adopt(repeat(0x0b, 22));
                SecretBytes withEmpty = Hkdf.derive(ikm, new byte[0], new byte[0], 42);
                SecretBytes withNull = Hkdf.derive(ikm, null, null, 42)) {
            assertThat(withEmpty.copy()).isEqualTo(hex(expected));
            assertThat(withNull.copy()).isEqualTo(hex(expected));
        }
    }

    @Test
    void lengthsOutsideOneTo255HashLengthsAreRefused() {
        try (SecretBytes ikm = SecretBytes.adopt(repeat(0x0b, 22))) {
            assertThatThrownBy(() -> Hkdf.derive(ikm, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Hkdf.derive(ikm, null, null, 255 * 32 + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (SecretBytes ikm = SecretBytes.adopt(repeat(0x0b, 22));
                SecretBytes longest = Hkdf.derive(ikm, null, null, 255 * 32)) {
            assertThat(longest.length()).isEqualTo(255 * 32);
        }
    }

    /** Differential check against Bouncy Castle's independent HKDF implementation. */
    @Property(tries = 200)
    void agreesWithBouncyCastlesHkdfGenerator(@ForAll @Size(min = 1, max = 80) byte[] ikm,
            @ForAll @Size(min = 1, max = 80) byte[] salt, @ForAll @Size(max = 80) byte[] info,
            @ForAll @IntRange(min = 1, max = 200) int length) {
        HKDFBytesGenerator reference = new HKDFBytesGenerator(new SHA256Digest());
        reference.init(new HKDFParameters(ikm, salt, info));
        byte[] expected = new byte[length];
        reference.generateBytes(expected, 0, length);
        try (SecretBytes input = SecretBytes.copyOf(ikm); SecretBytes okm = Hkdf.derive(input, salt, info, length)) {
            assertThat(okm.copy()).isEqualTo(expected);
        }
    }

    private static byte[] sequence(int first, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
