package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.TestBytes.flipBit;
import static org.keyhaven.crypto.TestBytes.hex;
import static org.keyhaven.crypto.TestBytes.secret;

import java.util.Arrays;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;

/**
 * Known answers from D. McGrew and J. Viega, "The Galois/Counter Mode of Operation (GCM)", revised
 * submission to NIST (2005), appendix B, test cases 1-4 (AES-128), 7-10 (AES-192) and 13-16 (AES-256): all
 * cases with a 96-bit IV, with and without plaintext and with and without additional data.
 */
class AesGcmTest {

    private static final String K128 = "feffe9928665731c6d6a8f9467308308";
    private static final String K192 = K128 + "feffe9928665731c";
    private static final String K256 = K128 + K128;
    private static final String IV = "cafebabefacedbaddecaf888";
    private static final String ZERO_IV = "000000000000000000000000";
    private static final String P60 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String P64 = P60 + "1aafd255";
    private static final String A = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String ZERO_BLOCK = "00000000000000000000000000000000";

    static Stream<Arguments> mcGrewViegaVectors() {
        return Stream.of(
                vector("test case 1", ZERO_BLOCK, ZERO_IV, "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"),
                vector("test case 2", ZERO_BLOCK, ZERO_IV, ZERO_BLOCK, "", "0388dace60b6a392f328c2b971b2fe78",
                        "ab6e47d42cec13bdf53a67b21257bddf"),
                vector("test case 3", K128, IV, P64, "",
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
                        "4d5c2af327cd64a62cf35abd2ba6fab4"),
                vector("test case 4", K128, IV, P60, A,
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
                        "5bc94fbc3221a5db94fae95ae7121a47"),
                vector("test case 7", ZERO_BLOCK + "0000000000000000", ZERO_IV, "", "", "",
                        "cd33b28ac773f74ba00ed1f312572435"),
                vector("test case 8", ZERO_BLOCK + "0000000000000000", ZERO_IV, ZERO_BLOCK, "",
                        "98e7247c07f0fe411c267e4384b0f600", "2ff58d80033927ab8ef4d4587514f0fb"),
                vector("test case 9", K192, IV, P64, "",
                        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c"
                                + "7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
                        "9924a7c8587336bfb118024db8674a14"),
                vector("test case 10", K192, IV, P60, A,
                        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c"
                                + "7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
                        "2519498e80f1478f37ba55bd6d27618c"),
                vector("test case 13", ZERO_BLOCK + ZERO_BLOCK, ZERO_IV, "", "", "",
                        "530f8afbc74536b9a963b4f1c4cb738b"),
                vector("test case 14", ZERO_BLOCK + ZERO_BLOCK, ZERO_IV, ZERO_BLOCK, "",
                        "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
                vector("test case 15", K256, IV, P64, "",
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
                        "b094dac5d93471bdec1a502270e3cc6c"),
                vector("test case 16", K256, IV, P60, A,
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                        "76fc6ece0f4e1768cddf8853bb2d551b"));
    }

    private static Arguments vector(String name, String key, String iv, String plaintext, String aad,
            String ciphertext, String tag) {
        return Arguments.of(name, key, iv, plaintext, aad, ciphertext + tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcGrewViegaVectors")
    void encryptionReproducesThePublishedCiphertextAndTag(String name, String key, String iv, String plaintext,
            String aad, String expected) {
        try (SecretBytes k = secret(key)) {
            assertThat(AesGcm.encrypt(k, hex(iv), hex(plaintext), hex(aad))).isEqualTo(hex(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcGrewViegaVectors")
    void decryptionRecoversThePublishedPlaintext(String name, String key, String iv, String plaintext, String aad,
            String ciphertextAndTag) {
        try (SecretBytes k = secret(key)) {
            assertThat(AesGcm.decrypt(k, hex(iv), hex(ciphertextAndTag), hex(aad))).isEqualTo(hex(plaintext));
        }
    }

    @Test
    void tamperedCiphertextIsRejected() {
        byte[] sealed = hex(tc16CiphertextAndTag());
        assertRejected(K256, IV, flipBit(sealed, 0), A);
        assertRejected(K256, IV, flipBit(sealed, 59), A);
    }

    @Test
    void tamperedTagIsRejected() {
        byte[] sealed = hex(tc16CiphertextAndTag());
        assertRejected(K256, IV, flipBit(sealed, sealed.length - 1), A);
        assertRejected(K256, IV, Arrays.copyOf(sealed, sealed.length - 1), A);
    }

    @Test
    void tamperedNonceIsRejected() {
        assertRejected(K256, "cafebabefacedbaddecaf889", hex(tc16CiphertextAndTag()), A);
    }

    @Test
    void tamperedAadIsRejected() {
        assertRejected(K256, IV, hex(tc16CiphertextAndTag()), "feedfacedeadbeeffeedfacedeadbeefabaddad3");
        assertRejected(K256, IV, hex(tc16CiphertextAndTag()), "");
    }

    @Test
    void wrongKeyIsRejected() {
        assertRejected(K128 + "feffe9928665731c6d6a8f9467308309", IV, hex(tc16CiphertextAndTag()), A);
    }

    @Test
    void inputShorterThanATagIsRejected() {
        assertRejected(K256, IV, new byte[AesGcm.TAG_BYTES - 1], A);
    }

    @Test
    void keysOfOtherLengthsAreRefused() {
        try (SecretBytes key = SecretBytes.adopt(new byte[20])) {
            assertThatThrownBy(() -> AesGcm.encrypt(key, AesGcm.newNonce(), new byte[1], null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void noncesOfOtherLengthsAreRefused() {
        try (SecretBytes key = SecretBytes.adopt(new byte[32])) {
            assertThatThrownBy(() -> AesGcm.encrypt(key, new byte[16], new byte[1], null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[8], new byte[32], null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newNoncesAreTwelveFreshRandomBytes() {
        byte[] first = AesGcm.newNonce();
        assertThat(first).hasSize(12);
        assertThat(AesGcm.newNonce()).isNotEqualTo(first);
    }

    @Test
    void authenticationFailureIsAnIntegrityViolationWithAGenericMessage() {
        assertThatThrownBy(() -> {
            try (SecretBytes key = secret(K256)) {
                AesGcm.decrypt(key, hex(IV), flipBit(hex(tc16CiphertextAndTag()), 3), hex(A));
            }
        }).isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("authentication of protected data failed");
        });
    }

    @Property(tries = 200)
    void decryptionInvertsEncryption(@ForAll("aesKeys") byte[] key, @ForAll @Size(max = 300) byte[] plaintext,
            @ForAll @Size(max = 64) byte[] aad) {
        try (SecretBytes k = SecretBytes.copyOf(key)) {
            byte[] nonce = AesGcm.newNonce();
            byte[] sealed = AesGcm.encrypt(k, nonce, plaintext, aad);
            assertThat(sealed).hasSize(plaintext.length + AesGcm.TAG_BYTES);
            assertThat(AesGcm.decrypt(k, nonce, sealed, aad)).isEqualTo(plaintext);
        }
    }

    @Provide
    Arbitrary<byte[]> aesKeys() {
        return Arbitraries.of(16, 24, 32).flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length));
    }

    private static String tc16CiphertextAndTag() {
        return "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b";
    }

    private static void assertRejected(String key, String nonce, byte[] ciphertextAndTag, String aad) {
        try (SecretBytes k = secret(key)) {
            assertThatThrownBy(() -> AesGcm.decrypt(k, hex(nonce), ciphertextAndTag, hex(aad)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }
}
