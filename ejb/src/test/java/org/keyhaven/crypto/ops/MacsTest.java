package org.keyhaven.crypto.ops;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.Fixtures.aes;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.hex;
import static org.keyhaven.testing.Refusals.withCode;
import static org.keyhaven.testing.Tampering.flipBit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/**
 * Known answers from RFC 4231 section 4 (test cases 1 to 7, for HMAC-SHA-256, HMAC-SHA-384 and HMAC-SHA-512)
 * through the service API, with HMAC key specs choosing the hash.
 */
class MacsTest {

    private static final KeySpec SHA256 = KeySpec.of(KeyAlgorithm.HMAC_SHA256, null, null);
    private static final KeySpec SHA384 = KeySpec.of(KeyAlgorithm.HMAC_SHA384, null, null);
    private static final KeySpec SHA512 = KeySpec.of(KeyAlgorithm.HMAC_SHA512, null, null);

    private static final byte[] KEY_1 = repeat(0x0b, 20);
    private static final byte[] DATA_1 = "Hi There".getBytes(US_ASCII);
    private static final byte[] KEY_2 = "Jefe".getBytes(US_ASCII);
    private static final byte[] DATA_2 = "what do ya want for nothing?".getBytes(US_ASCII);
    private static final byte[] KEY_3 = repeat(0xaa, 20);
    private static final byte[] DATA_3 = repeat(0xdd, 50);
    private static final byte[] KEY_4 = hex("0102030405060708090a0b0c0d0e0f10111213141516171819");
    private static final byte[] DATA_4 = repeat(0xcd, 50);
    private static final byte[] KEY_5 = repeat(0x0c, 20);
    private static final byte[] DATA_5 = "Test With Truncation".getBytes(US_ASCII);
    private static final byte[] KEY_6_7 = repeat(0xaa, 131);
    private static final byte[] DATA_6 = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(US_ASCII);
    private static final byte[] DATA_7 = ("This is a test using a larger than block-size key and a larger than "
            + "block-size data. The key needs to be hashed before being used by the HMAC algorithm.")
            .getBytes(US_ASCII);

    static Stream<Arguments> rfc4231() {
        return Stream.of(
                Arguments.of("case 1", SHA256, KEY_1, DATA_1,
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of("case 1", SHA384, KEY_1, DATA_1,
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                                + "faea9ea9076ede7f4af152e8b2fa9cb6"),
                Arguments.of("case 1", SHA512, KEY_1, DATA_1,
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
                Arguments.of("case 2", SHA256, KEY_2, DATA_2,
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of("case 2", SHA384, KEY_2, DATA_2,
                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                                + "8e2240ca5e69e2c78b3239ecfab21649"),
                Arguments.of("case 2", SHA512, KEY_2, DATA_2,
                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
                Arguments.of("case 3", SHA256, KEY_3, DATA_3,
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                Arguments.of("case 3", SHA384, KEY_3, DATA_3,
                        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
                                + "2a5ab39dc13814b94e3ab6e101a34f27"),
                Arguments.of("case 3", SHA512, KEY_3, DATA_3,
                        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
                                + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"),
                Arguments.of("case 4", SHA256, KEY_4, DATA_4,
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                Arguments.of("case 4", SHA384, KEY_4, DATA_4,
                        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
                                + "6801dd23c4a7d679ccf8a386c674cffb"),
                Arguments.of("case 4", SHA512, KEY_4, DATA_4,
                        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
                                + "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"),
                Arguments.of("case 6", SHA256, KEY_6_7, DATA_6,
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of("case 6", SHA384, KEY_6_7, DATA_6,
                        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
                                + "0c2ef6ab4030fe8296248df163f44952"),
                Arguments.of("case 6", SHA512, KEY_6_7, DATA_6,
                        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
                Arguments.of("case 7", SHA256, KEY_6_7, DATA_7,
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
                Arguments.of("case 7", SHA384, KEY_6_7, DATA_7,
                        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
                                + "a678cc31e799176d3860e6110c46523e"),
                Arguments.of("case 7", SHA512, KEY_6_7, DATA_7,
                        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
                                + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfc4231")
    void macReproducesRfc4231(String name, KeySpec spec, byte[] key, byte[] data, String mac) {
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            assertThat(Macs.mac(spec, k, data)).isEqualTo(hex(mac));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfc4231")
    void verifyAcceptsOnlyTheExactMac(String name, KeySpec spec, byte[] key, byte[] data, String mac) {
        byte[] expected = hex(mac);
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            assertThat(Macs.verify(spec, k, data, expected)).isTrue();

            List<Integer> acceptedFlips = new ArrayList<>();
            for (int bit = 0; bit < expected.length * 8; bit++) {
                if (Macs.verify(spec, k, data, flipBit(expected, bit))) {
                    acceptedFlips.add(bit);
                }
            }
            assertThat(acceptedFlips).isEmpty();
            assertThat(Macs.verify(spec, k, concat(data, new byte[1]), expected)).isFalse();
            try (SecretBytes otherKey = SecretBytes.copyOf(flipBit(key, 0))) {
                assertThat(Macs.verify(spec, otherKey, data, expected)).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rfc4231")
    void aMacOfAnotherLengthIsNotValid(String name, KeySpec spec, byte[] key, byte[] data, String mac) {
        byte[] expected = hex(mac);
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            assertThat(Macs.verify(spec, k, data, Arrays.copyOf(expected, expected.length - 1))).isFalse();
            assertThat(Macs.verify(spec, k, data, concat(expected, new byte[1]))).isFalse();
            assertThat(Macs.verify(spec, k, data, Arrays.copyOf(expected, 16))).isFalse();
            assertThat(Macs.verify(spec, k, data, new byte[0])).isFalse();
        }
    }

    @Test
    void truncatedMacsOfRfc4231Case5AreNotAccepted() {
        try (SecretBytes k = SecretBytes.copyOf(KEY_5)) {
            for (Object[] row : new Object[][] {
                    {SHA256, "a3b6167473100ee06e0c796c2955552b"},
                    {SHA384, "3abf34c3503b2a23a46efc619baef897"},
                    {SHA512, "415fad6271580a531d4179bc891d87a6"}}) {
                KeySpec spec = (KeySpec) row[0];
                byte[] truncated = hex((String) row[1]);
                byte[] full = Macs.mac(spec, k, DATA_5);

                assertThat(full).hasSize(spec.algorithm().macBits() / 8).startsWith(truncated);
                assertThat(Macs.verify(spec, k, DATA_5, truncated)).isFalse();
                assertThat(Macs.verify(spec, k, DATA_5, full)).isTrue();
            }
        }
    }

    @Test
    void theKeySpecChoosesTheHash() {
        try (SecretBytes k = SecretBytes.copyOf(KEY_1)) {
            assertThat(Macs.mac(SHA256, k, DATA_1)).hasSize(32);
            assertThat(Macs.mac(SHA384, k, DATA_1)).hasSize(48);
            assertThat(Macs.mac(SHA512, k, DATA_1)).hasSize(64);
            assertThat(Macs.verify(SHA512, k, DATA_1, Macs.mac(SHA256, k, DATA_1))).isFalse();
        }
    }

    @Test
    void keysThatAreNotHmacKeysAreRefused() {
        try (SecretBytes k = SecretBytes.copyOf(repeat(1, 32))) {
            for (KeySpec spec : List.of(aes(256), KeySpec.of(KeyAlgorithm.SECRET_DATA, null, null),
                    Fixtures.rsa(2048))) {
                assertThatThrownBy(() -> Macs.mac(spec, k, DATA_1))
                        .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                        .hasMessage("a MAC needs an HMAC-SHA256, HMAC-SHA384 or HMAC-SHA512 key; this key is " + spec);
                assertThatThrownBy(() -> Macs.verify(spec, k, DATA_1, new byte[32]))
                        .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
            }
        }
    }

    @Test
    void missingMessageOrMacIsAnInvalidRequest() {
        try (SecretBytes k = SecretBytes.copyOf(KEY_1)) {
            assertThatThrownBy(() -> Macs.mac(SHA256, k, null))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> Macs.verify(SHA256, k, DATA_1, null))
                    .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                    .hasMessage("mac is required");
        }
    }

    private static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
