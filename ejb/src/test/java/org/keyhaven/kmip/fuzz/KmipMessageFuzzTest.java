package org.keyhaven.kmip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.BlockCiphers;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.MessageProcessor;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.operation.CipherOutput;
import org.keyhaven.kmip.operation.KmipOperations;
import org.keyhaven.kmip.operation.ManagedObjects;
import org.keyhaven.kmip.ttlv.TtlvDecoder;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvException;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.xml.KmipTestCase;
import org.keyhaven.kmip.xml.OasisTestCases;

/**
 * Bounded fuzzing of the whole request path short of the network: every OASIS request, encoded and then mutated
 * (bytes flipped, set, cut, repeated), goes through the decoder and, when it still decodes, through the message
 * processor and the real operation handlers over managed objects that answer anything. Whatever comes in, the
 * decoder refuses it cleanly or the processor answers with a Response Message that has one item per answered
 * request item; nothing else escapes.
 */
class KmipMessageFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<byte[]> REQUESTS = requests();
    private static final MessageProcessor PROCESSOR = new MessageProcessor(KmipOperations.handlers(anything()),
            Runnable::run, e -> e, Clock.fixed(NOW, ZoneOffset.UTC));

    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        Arbitrary<byte[]> request = Arbitraries.of(REQUESTS);
        Arbitrary<List<int[]>> mutations = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 255))
                .as((kind, position, value) -> new int[] {kind, position, value}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(request, mutations).as(KmipMessageFuzzTest::mutate);
    }

    @Property(tries = 30_000)
    void aMutatedRequestIsRefusedByTheDecoderOrAnsweredByTheProcessor(@ForAll("mutatedRequests") byte[] bytes) {
        TtlvStructure request;
        try {
            request = new TtlvDecoder().decodeMessage(bytes);
        } catch (TtlvException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        TtlvStructure response = PROCESSOR.process(request);

        assertThat(response.tag()).isEqualTo(Tags.RESPONSE_MESSAGE);
        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).isNotEmpty();
        assertThat(response.get(Tags.RESPONSE_HEADER, TtlvStructure.class).get(Tags.BATCH_COUNT, TtlvInteger.class)
                .value()).isEqualTo(items.size());
        assertThat(TtlvEncoder.encode(response)).isNotEmpty();
    }

    @Property(tries = 300)
    void everyUnmutatedRequestIsAnswered(@ForAll("unmutated") byte[] bytes) {
        TtlvStructure response = PROCESSOR.process(new TtlvDecoder().decodeMessage(bytes));

        assertThat(response.findAll(Tags.BATCH_ITEM)).isNotEmpty();
    }

    @Provide
    Arbitrary<byte[]> unmutated() {
        return Arbitraries.of(REQUESTS);
    }

    private static byte[] mutate(byte[] original, List<int[]> mutations) {
        byte[] bytes = original.clone();
        for (int[] mutation : mutations) {
            if (bytes.length == 0) {
                break;
            }
            int at = mutation[1] % bytes.length;
            bytes = switch (mutation[0]) {
                case 0 -> flip(bytes, at, 1 << (mutation[2] % 8));
                case 1 -> set(bytes, at, mutation[2]);
                case 2 -> java.util.Arrays.copyOf(bytes, at);
                default -> repeat(bytes, at, Math.min(bytes.length - at, 8 + mutation[2] % 64));
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, int bit) {
        bytes[at] ^= (byte) bit;
        return bytes;
    }

    private static byte[] set(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        return bytes;
    }

    private static byte[] repeat(byte[] bytes, int at, int length) {
        byte[] longer = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, longer, 0, at + length);
        System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
        return longer;
    }

    /** Every request of every OASIS case, placeholders filled with values of their type. */
    private static List<byte[]> requests() {
        List<byte[]> requests = new ArrayList<>();
        for (var file : OasisTestCases.files()) {
            KmipTestCase testCase = OasisTestCases.read(file);
            for (KmipTestCase.Exchange exchange : testCase.exchanges()) {
                requests.add(TtlvEncoder.encode(exchange.request().resolve(OasisTestCases::serverValue)));
            }
        }
        return requests;
    }

    /** Managed objects that answer every call with something of the right type, or refuse some. */
    private static ManagedObjects anything() {
        KeyView key = new KeyView("0b8f0e7c-6f57-4b0e-9a33-4d6a2c1b9e01", "fuzz-key", "AES", 256, null,
                EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), true, false, KeyState.ACTIVE, 1, 1, null, null, NOW, null,
                null, null, null, null, NOW, "client:fuzz", NOW, List.of(), new TreeMap<>());
        return (ManagedObjects) Proxy.newProxyInstance(ManagedObjects.class.getClassLoader(),
                new Class<?>[] {ManagedObjects.class}, (proxy, method, arguments) -> {
                    Class<?> type = method.getReturnType();
                    if (method.getName().equals("destroy")) {
                        throw new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION, "refused for the fuzz");
                    }
                    if (type == KeyView.class) {
                        return key;
                    }
                    if (type == List.class) {
                        return List.of(key);
                    }
                    if (type == Optional.class) {
                        return Optional.of(new byte[32]);
                    }
                    if (type == byte[].class) {
                        return new byte[16];
                    }
                    if (type == boolean.class) {
                        return true;
                    }
                    if (type == RetrievedKey.class) {
                        return new RetrievedKey(key.id(), key.name(), 1, "AES", 256, null, "RAW", new byte[32], null);
                    }
                    if (type == CipherOutput.class) {
                        return new CipherOutput(new byte[16], new byte[16], null, null);
                    }
                    if (type == BlockCiphers.Encrypted.class) {
                        return new BlockCiphers.Encrypted(new byte[16], new byte[12], new byte[16]);
                    }
                    return null;
                });
    }
}
