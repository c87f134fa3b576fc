package org.keyhaven.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.TestBytes.flipBit;
import static org.keyhaven.crypto.TestBytes.hex;
import static org.keyhaven.crypto.TestBytes.repeat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers from RFC 4231 section 4, test cases 1, 2 and 6, for SHA-256, SHA-384 and SHA-512. */
class HmacTest {

    private static final byte[] KEY_1 = repeat(0x0b, 20);
    private static final byte[] DATA_1 = "Hi There".getBytes(US_ASCII);
    private static final byte[] KEY_2 = "Jefe".getBytes(US_ASCII);
    private static final byte[] DATA_2 = "what do ya want for nothing?".getBytes(US_ASCII);
    private static final byte[] KEY_6 = repeat(0xaa, 131);
    private static final byte[] DATA_6 = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(US_ASCII);

    static Stream<Arguments> rfc4231() {
        return Stream.of(
                Arguments.of("case 1", HmacAlgorithm.SHA256, KEY_1, DATA_1,
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of("case 1", HmacAlgorithm.SHA384, KEY_1, DATA_1,
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                                + "faea9ea9076ede7f4af152e8b2fa9cb6"),
                Arguments.of("case 1", HmacAlgorithm.SHA512, KEY_1, DATA_1,
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
                Arguments.of("case 2", HmacAlgorithm.SHA256, KEY_2, DATA_2,
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of("case 2", HmacAlgorithm.SHA384, KEY_2, DATA_2,
                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                                + "8e2240ca5e69e2c78b3239ecfab21649"),
                Arguments.of("case 2", HmacAlgorithm.SHA512, KEY_2, DATA_2,
                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
                Arguments.of("case 6", HmacAlgorithm.SHA256, KEY_6, DATA_6,
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of("case 6", HmacAlgorithm.SHA384, KEY_6, DATA_6,
                        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
                                + "0c2ef6ab4030fe8296248df163f44952"),
                Arguments.of("case 6", HmacAlgorithm.SHA512, KEY_6, DATA_6,
                        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfc4231")
    void computeReproducesRfc4231(String name, HmacAlgorithm algorithm, byte[] key, byte[] data, String mac) {
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            assertThat(Hmac.compute(algorithm, k, data)).isEqualTo(hex(mac)).hasSize(algorithm.macBytes());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfc4231")
    void verifyAcceptsThePublishedMacAndRejectsAFlippedBit(String name, HmacAlgorithm algorithm, byte[] key,
            byte[] data, String mac) {
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            assertThat(Hmac.verify(algorithm, k, hex(mac), data)).isTrue();
            assertThat(Hmac.verify(algorithm, k, flipBit(hex(mac), 0), data)).isFalse();
            assertThat(Hmac.verify(algorithm, k, hex(mac), flipBit(data, data.length - 1))).isFalse();
        }
    }

    @Test
    void partsAreMacedAsTheirConcatenation() {
        try (SecretBytes k = SecretBytes.copyOf(KEY_6)) {
            byte[] whole = Hmac.compute(HmacAlgorithm.SHA256, k, DATA_6);
            byte[] split = Hmac.compute(HmacAlgorithm.SHA256, k, Arrays.copyOfRange(DATA_6, 0, 10), new byte[0],
                    Arrays.copyOfRange(DATA_6, 10, DATA_6.length));
            assertThat(split).isEqualTo(whole);
        }
    }

    @Test
    void truncatedMacIsRejected() {
        try (SecretBytes k = SecretBytes.copyOf(KEY_1)) {
            byte[] mac = hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            assertThat(Hmac.verify(HmacAlgorithm.SHA256, k, Arrays.copyOf(mac, 16), DATA_1)).isFalse();
            assertThat(Hmac.verify(HmacAlgorithm.SHA256, k, new byte[0], DATA_1)).isFalse();
        }
    }

    @Test
    void emptyKeyIsRefused() {
        try (SecretBytes empty = SecretBytes.adopt(new byte[0])) {
            assertThatThrownBy(() -> Hmac.compute(HmacAlgorithm.SHA256, empty, DATA_1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
