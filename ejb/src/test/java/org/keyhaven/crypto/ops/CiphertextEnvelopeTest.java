package org.keyhaven.crypto.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.ops.Fixtures.concat;
import static org.keyhaven.crypto.ops.Fixtures.hex;
import static org.keyhaven.testing.Refusals.withCode;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.ops.CiphertextEnvelope.Algorithm;

/** The binary format of {@link CiphertextEnvelope}: the documented layout byte for byte, and strict parsing. */
class CiphertextEnvelopeTest {

    private static final UUID KEY_ID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    /** 'K' 'H', format 1, then the key id's 16 bytes in order; the algorithm byte and version follow per test. */
    private static final String MAGIC_AND_FORMAT = "4b48" + "01";
    private static final String KEY_ID_BYTES = "00112233445566778899aabbccddeeff";

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (0xa0 + i);
        }
        return body;
    }

    @Test
    void anAesGcmEnvelopeIsLaidOutAsDocumented() {
        CiphertextEnvelope envelope = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 0x01020304, body(28));

        byte[] expectedHeader = hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "01020304");
        assertThat(envelope.header()).hasSize(24).isEqualTo(expectedHeader);
        assertThat(envelope.encode()).isEqualTo(concat(expectedHeader, body(28)));
    }

    @Test
    void anRsaOaepEnvelopeIsLaidOutAsDocumented() {
        CiphertextEnvelope envelope = new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, KEY_ID, 7, body(256));

        assertThat(envelope.encode()).isEqualTo(concat(hex(MAGIC_AND_FORMAT, "02", KEY_ID_BYTES, "00000007"),
                body(256)));
    }

    @Test
    void theKeyVersionIsBigEndianUpToTheLargestPositiveInt() {
        CiphertextEnvelope envelope = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, Integer.MAX_VALUE, body(28));

        assertThat(Arrays.copyOfRange(envelope.encode(), 20, 24)).isEqualTo(hex("7fffffff"));
        assertThat(CiphertextEnvelope.parse(envelope.encode()).keyVersion()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void parsingReadsEveryFieldBack() {
        byte[] encoded = concat(hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "00000102"), body(40));

        CiphertextEnvelope envelope = CiphertextEnvelope.parse(encoded);

        assertThat(envelope.algorithm()).isEqualTo(Algorithm.AES_GCM);
        assertThat(envelope.keyId()).isEqualTo(KEY_ID);
        assertThat(envelope.keyVersion()).isEqualTo(258);
        assertThat(envelope.body()).isEqualTo(body(40));
        assertThat(envelope.encode()).isEqualTo(encoded);
        assertThat(envelope).isEqualTo(new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 258, body(40)))
                .hasSameHashCodeAs(new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 258, body(40)));
    }

    @Test
    void rsaBodiesOfEachSupportedModulusLengthParse() {
        for (int length : new int[] {256, 384, 512}) {
            byte[] encoded = concat(hex(MAGIC_AND_FORMAT, "02", KEY_ID_BYTES, "00000001"), body(length));
            assertThat(CiphertextEnvelope.parse(encoded).body()).hasSize(length);
        }
    }

    static Stream<Arguments> malformed() {
        String aesHeader = MAGIC_AND_FORMAT + "01" + KEY_ID_BYTES + "00000001";
        String rsaHeader = MAGIC_AND_FORMAT + "02" + KEY_ID_BYTES + "00000001";
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("23 bytes", Arrays.copyOf(hex(aesHeader), 23)),
                Arguments.of("header only", hex(aesHeader)),
                Arguments.of("wrong first magic byte", concat(hex("4c48", "01", "01", KEY_ID_BYTES, "00000001"),
                        body(28))),
                Arguments.of("wrong second magic byte", concat(hex("4b49", "01", "01", KEY_ID_BYTES, "00000001"),
                        body(28))),
                Arguments.of("format version 0", concat(hex("4b48", "00", "01", KEY_ID_BYTES, "00000001"), body(28))),
                Arguments.of("format version 2", concat(hex("4b48", "02", "01", KEY_ID_BYTES, "00000001"), body(28))),
                Arguments.of("format version 255", concat(hex("4b48", "ff", "01", KEY_ID_BYTES, "00000001"),
                        body(28))),
                Arguments.of("algorithm 0", concat(hex(MAGIC_AND_FORMAT, "00", KEY_ID_BYTES, "00000001"), body(28))),
                Arguments.of("algorithm 3", concat(hex(MAGIC_AND_FORMAT, "03", KEY_ID_BYTES, "00000001"), body(28))),
                Arguments.of("algorithm 255", concat(hex(MAGIC_AND_FORMAT, "ff", KEY_ID_BYTES, "00000001"),
                        body(28))),
                Arguments.of("key version 0", concat(hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "00000000"),
                        body(28))),
                Arguments.of("key version 2^31", concat(hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "80000000"),
                        body(28))),
                Arguments.of("key version 2^32-1", concat(hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "ffffffff"),
                        body(28))),
                Arguments.of("AES-GCM body of 27 bytes", concat(hex(aesHeader), body(27))),
                Arguments.of("AES-GCM body of 12 bytes (nonce only)", concat(hex(aesHeader), body(12))),
                Arguments.of("RSA-OAEP body of 0 bytes", hex(rsaHeader)),
                Arguments.of("RSA-OAEP body of 255 bytes", concat(hex(rsaHeader), body(255))),
                Arguments.of("RSA-OAEP body of 257 bytes", concat(hex(rsaHeader), body(257))),
                Arguments.of("RSA-OAEP body of 128 bytes", concat(hex(rsaHeader), body(128))),
                Arguments.of("RSA-OAEP body of 1024 bytes", concat(hex(rsaHeader), body(1024))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedEnvelopesAreRefusedAsInvalidRequests(String name, byte[] encoded) {
        assertThatThrownBy(() -> CiphertextEnvelope.parse(encoded))
                .isExactlyInstanceOf(KeyhavenException.class)
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void refusalsSayWhatIsWrongWithoutEchoingTheCiphertext() {
        assertThat(refusal(null)).isEqualTo("ciphertext is required");
        assertThat(refusal(new byte[3])).contains("shorter than the 24-byte header");
        assertThat(refusal(concat(hex("4b48", "02", "01", KEY_ID_BYTES, "00000001"), body(28))))
                .contains("format version 2");
        assertThat(refusal(concat(hex(MAGIC_AND_FORMAT, "09", KEY_ID_BYTES, "00000001"), body(28))))
                .contains("algorithm id 9");
        assertThat(refusal(concat(hex(MAGIC_AND_FORMAT, "02", KEY_ID_BYTES, "00000001"), body(300))))
                .contains("300 bytes");
        assertThat(refusal(concat(hex(MAGIC_AND_FORMAT, "01", KEY_ID_BYTES, "00000001"), body(20))))
                .doesNotContain(KEY_ID.toString()).doesNotContain("a0a1a2");
    }

    private static String refusal(byte[] encoded) {
        try {
            CiphertextEnvelope.parse(encoded);
        } catch (KeyhavenException e) {
            return e.getMessage();
        }
        throw new AssertionError("parse accepted a malformed envelope");
    }

    @Test
    void theConstructorEnforcesTheSameRulesAsParsing() {
        assertThatThrownBy(() -> new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 0, body(28)))
                .isInstanceOf(KeyhavenException.class);
        assertThatThrownBy(() -> new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, -1, body(28)))
                .isInstanceOf(KeyhavenException.class);
        assertThatThrownBy(() -> new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 1, body(27)))
                .isInstanceOf(KeyhavenException.class);
        assertThatThrownBy(() -> new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, KEY_ID, 1, body(28)))
                .isInstanceOf(KeyhavenException.class);
    }

    @Test
    void envelopesAreImmutable() {
        byte[] body = body(28);
        CiphertextEnvelope envelope = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 1, body);
        byte[] encoded = envelope.encode();

        body[0] ^= 1;
        envelope.body()[1] ^= 1;
        envelope.header()[0] ^= 1;
        byte[] parsedFrom = encoded.clone();
        CiphertextEnvelope parsed = CiphertextEnvelope.parse(parsedFrom);
        parsedFrom[30] ^= 1;

        assertThat(envelope.encode()).isEqualTo(encoded);
        assertThat(parsed.encode()).isEqualTo(encoded);
    }

    @Test
    void toStringNamesTheHeaderFieldsAndOnlyTheLengthOfTheBody() {
        CiphertextEnvelope envelope = new CiphertextEnvelope(Algorithm.AES_GCM, KEY_ID, 3, body(30));

        assertThat(envelope.toString())
                .isEqualTo("CiphertextEnvelope[AES-GCM, key 00112233-4455-6677-8899-aabbccddeeff version 3,"
                        + " body 30 bytes]");
    }

    @Test
    void algorithmIdsAndNamesAreThoseOfTheContract() {
        assertThat(Algorithm.AES_GCM.id()).isEqualTo(1);
        assertThat(Algorithm.RSA_OAEP_SHA256.id()).isEqualTo(2);
        assertThat(Algorithm.AES_GCM.externalName()).isEqualTo("AES-GCM");
        assertThat(Algorithm.RSA_OAEP_SHA256.externalName()).isEqualTo("RSA-OAEP-SHA256");
    }

    @Property(tries = 2000)
    void parsingRandomBytesThrowsNothingButKeyhavenException(@ForAll @Size(max = 600) byte[] bytes) {
        assertParsesExactlyOrIsRefused(bytes);
    }

    @Property(tries = 3000)
    void parsingBytesThatStartLikeAnEnvelopeThrowsNothingButKeyhavenException(
            @ForAll("envelopeLike") byte[] bytes) {
        assertParsesExactlyOrIsRefused(bytes);
    }

    @Property(tries = 500)
    void everyValidEnvelopeSurvivesEncodingAndParsing(@ForAll("envelopes") CiphertextEnvelope envelope) {
        byte[] encoded = envelope.encode();

        assertThat(CiphertextEnvelope.parse(encoded)).isEqualTo(envelope);
        assertThat(encoded).startsWith(envelope.header()).hasSize(24 + envelope.body().length);
    }

    private static void assertParsesExactlyOrIsRefused(byte[] bytes) {
        CiphertextEnvelope envelope;
        try {
            envelope = CiphertextEnvelope.parse(bytes);
        } catch (KeyhavenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            return;
        }
        assertThat(envelope.encode()).isEqualTo(bytes);
    }

    /** Valid-looking prefixes (magic, a format version and algorithm near the valid ones) with varied bodies. */
    @Provide
    Arbitrary<byte[]> envelopeLike() {
        Arbitrary<byte[]> magic = Arbitraries.of(hex("4b48"), hex("4b48"), hex("4b48"), hex("4b49"));
        Arbitrary<byte[]> format = Arbitraries.of(hex("01"), hex("01"), hex("00"), hex("02"));
        Arbitrary<byte[]> algorithm = Arbitraries.of(hex("01"), hex("02"), hex("00"), hex("03"), hex("ff"));
        Arbitrary<byte[]> keyIdAndVersion = Arbitraries.bytes().array(byte[].class).ofSize(20);
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(520));
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 600);
        return Combinators.combine(magic, format, algorithm, keyIdAndVersion, body, cut)
                .as((m, f, a, kv, b, c) -> {
                    byte[] whole = concat(m, f, a, kv, b);
                    return c < whole.length && c % 7 == 0 ? Arrays.copyOf(whole, c) : whole;
                });
    }

    @Provide
    Arbitrary<CiphertextEnvelope> envelopes() {
        Arbitrary<UUID> keyIds = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
        Arbitrary<Integer> versions = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<CiphertextEnvelope> aes = Combinators.combine(keyIds, versions,
                        Arbitraries.bytes().array(byte[].class).ofMinSize(28).ofMaxSize(300))
                .as((id, version, body) -> new CiphertextEnvelope(Algorithm.AES_GCM, id, version, body));
        Arbitrary<CiphertextEnvelope> rsa = Combinators.combine(keyIds, versions, Arbitraries.of(256, 384, 512))
                .flatAs((id, version, length) -> Arbitraries.bytes().array(byte[].class).ofSize(length)
                        .map(body -> new CiphertextEnvelope(Algorithm.RSA_OAEP_SHA256, id, version, body)));
        return Arbitraries.oneOf(aes, rsa);
    }
}
