package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.DECODER;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.concat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.decodesExactlyOrIsRefused;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.header;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The codec's two promises for any input: a tree survives encoding and decoding unchanged, and bytes are either
 * decoded into a tree that re-encodes to exactly them or refused with a {@link TtlvException}, never anything else.
 */
class TtlvCodecPropertyTest {

    /** Tight limits, so that random structures also run into them. */
    private static final TtlvDecoder TIGHT = new TtlvDecoder(new TtlvLimits(512, 3, 20));
    private static final TtlvFrameReader READER = new TtlvFrameReader();

    @Provide
    Arbitrary<TtlvItem> trees() {
        return TtlvArbitraries.items(4);
    }

    @Property(tries = 1_000)
    void encodingThenDecodingGivesTheSameTree(@ForAll("trees") TtlvItem tree) {
        byte[] encoded = TtlvEncoder.encode(tree);

        assertThat(encoded.length % 8).isZero();
        assertThat(encoded.length).isEqualTo(TtlvEncoder.encodedLength(tree));
        assertThat(DECODER.decode(encoded)).isEqualTo(tree);
    }

    @Property(tries = 2_000)
    void aSingleChangedByteIsDecodedExactlyOrRefused(@ForAll("trees") TtlvItem tree,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position, @ForAll byte value) {
        byte[] message = TtlvEncoder.encode(tree);
        message[position % message.length] = value;

        decodesExactlyOrIsRefused(DECODER, message);
        decodesExactlyOrIsRefused(TIGHT, message);
    }

    /** Hostile lengths written over any aligned word, so over every header's length field in turn. */
    @Property(tries = 1_000)
    void aHostileLengthAnywhereIsDecodedExactlyOrRefused(@ForAll("trees") TtlvItem tree,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int item, @ForAll("hostileLengths") int length) {
        byte[] message = TtlvEncoder.encode(tree);
        int at = item % (message.length / 8) * 8 + 4;
        message[at] = (byte) (length >>> 24);
        message[at + 1] = (byte) (length >>> 16);
        message[at + 2] = (byte) (length >>> 8);
        message[at + 3] = (byte) length;

        decodesExactlyOrIsRefused(DECODER, message);
    }

    @Provide
    Arbitrary<Integer> hostileLengths() {
        return Arbitraries.oneOf(Arbitraries.of(0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 0xFFFFFFF8, 0x7FFFFFF8, 0, 1, 7,
                9), Arbitraries.integers());
    }

    @Property(tries = 1_000)
    void aTruncatedMessageIsRefused(@ForAll("trees") TtlvItem tree,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int cut) {
        byte[] message = TtlvEncoder.encode(tree);
        byte[] truncated = Arrays.copyOf(message, message.length - 1 - cut % message.length);

        assertThatThrownBy(() -> DECODER.decode(truncated)).isExactlyInstanceOf(TtlvException.class);
    }

    @Property(tries = 500)
    void aMessageWithAnythingAfterItIsRefused(@ForAll("trees") TtlvItem tree,
            @ForAll @Size(min = 1, max = 24) byte[] extra) {
        byte[] message = concat(TtlvEncoder.encode(tree), extra);

        assertThatThrownBy(() -> DECODER.decode(message)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("bytes follow the");
    }

    @Property(tries = 1_000)
    void randomBytesAreDecodedExactlyOrRefused(@ForAll @Size(max = 96) byte[] bytes) {
        decodesExactlyOrIsRefused(DECODER, bytes);
    }

    /** Random bytes behind a plausible header reach the type-specific checks instead of failing on the tag. */
    @Property(tries = 3_000)
    void randomValuesBehindAPlausibleHeaderAreDecodedExactlyOrRefused(@ForAll("plausible") byte[] bytes) {
        decodesExactlyOrIsRefused(DECODER, bytes);
        decodesExactlyOrIsRefused(TIGHT, bytes);
    }

    @Provide
    Arbitrary<byte[]> plausible() {
        Arbitrary<Integer> types = Arbitraries.integers().between(0, 12);
        Arbitrary<Long> lengths = Arbitraries.oneOf(Arbitraries.longs().between(0, 48),
                Arbitraries.of(0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L));
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(56);
        Arbitrary<byte[]> oneItem = Combinators.combine(TtlvArbitraries.tags(), types, lengths, bodies)
                .as((tag, type, length, body) -> concat(header(tag.value(), type, length), body));
        return oneItem.list().ofMinSize(1).ofMaxSize(3).map(parts -> {
            byte[] all = new byte[0];
            for (byte[] part : parts) {
                all = concat(all, part);
            }
            return all;
        });
    }

    @Property(tries = 1_000)
    void theFrameReaderReadsExactlyOrRefuses(@ForAll("trees") TtlvItem tree,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position, @ForAll byte value) throws IOException {
        byte[] message = TtlvEncoder.encode(TtlvStructure.of(Tag.of(0x420078), tree));
        message[position % message.length] = value;

        try {
            assertThat(READER.readMessage(new ByteArrayInputStream(message))).isPresent();
        } catch (TtlvException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
