package org.keyhaven.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.concat;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.hex;
import static org.keyhaven.kmip.ttlv.TtlvFixtures.tag;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Cutting messages off a stream: exactly one message per call, and no allocation for a length over the limit. */
class TtlvFrameReaderTest {

    private static final TtlvFrameReader READER = new TtlvFrameReader();

    /** A Request Message with a Protocol Version, as a client's first bytes might be. */
    private static final TtlvStructure REQUEST = TtlvStructure.of(tag(0x420078),
            TtlvStructure.of(tag(0x420077),
                    TtlvStructure.of(tag(0x420069), new TtlvInteger(tag(0x42006A), 1),
                            new TtlvInteger(tag(0x42006B), 4)),
                    new TtlvInteger(tag(0x42000D), 1)),
            TtlvStructure.of(tag(0x42000F), new TtlvEnumeration(tag(0x42005C), 0x18),
                    TtlvStructure.of(tag(0x420079))));
    private static final byte[] REQUEST_BYTES = TtlvEncoder.encode(REQUEST);

    @Test
    void messagesAreReadOneAtATimeUntilTheStreamEndsCleanly() throws IOException {
        TtlvStructure second = TtlvStructure.of(tag(0x420078), new TtlvByteString(tag(0x420043), new byte[13]));
        InputStream in = new ByteArrayInputStream(concat(REQUEST_BYTES, TtlvEncoder.encode(second)));

        assertThat(READER.readMessage(in)).contains(REQUEST);
        assertThat(READER.readMessage(in)).contains(second);
        assertThat(READER.readMessage(in)).isEmpty();
        assertThat(READER.readFrame(in)).isEmpty();
    }

    @Test
    void aFrameIsTheMessagesBytesHeaderIncluded() throws IOException {
        InputStream in = new ByteArrayInputStream(concat(REQUEST_BYTES, new byte[] {1, 2, 3}));

        assertThat(READER.readFrame(in)).hasValueSatisfying(frame -> assertThat(frame).isEqualTo(REQUEST_BYTES));
        assertThat(in.available()).isEqualTo(3);
    }

    @Test
    void anEmptyStreamHasNoMessage() throws IOException {
        assertThat(READER.readMessage(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void aStreamEndingInsideTheHeaderIsRefused() {
        InputStream in = new ByteArrayInputStream(Arrays.copyOf(REQUEST_BYTES, 5));

        assertThatThrownBy(() -> READER.readFrame(in)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the stream ended after 5 of the 8 header bytes of a message");
    }

    @Test
    void aStreamEndingInsideTheMessageIsRefused() {
        InputStream in = new ByteArrayInputStream(Arrays.copyOf(REQUEST_BYTES, REQUEST_BYTES.length - 1));

        assertThatThrownBy(() -> READER.readMessage(in)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the stream ended after " + (REQUEST_BYTES.length - 9) + " of the "
                        + (REQUEST_BYTES.length - 8) + " value bytes of the message 0x420078")
                .extracting(e -> ((TtlvException) e).offset()).isEqualTo((long) REQUEST_BYTES.length - 1);
    }

    @Test
    void aLengthOverTheLimitIsRefusedAfterReadingOnlyTheHeader() {
        for (String length : new String[] {"7ffffff8", "fffffff8", "80000000", "00100000"}) {
            EndlessStream in = new EndlessStream(hex("420078 01", length));

            assertThatThrownBy(() -> READER.readFrame(in)).isExactlyInstanceOf(TtlvException.class)
                    .hasMessageContaining("more than the limit of 1048576");
            assertThat(in.bytesRead).as("bytes read for length 0x%s", length).isEqualTo(8);
        }
    }

    @Test
    void aMessageExactlyAtTheLimitIsRead() throws IOException {
        TtlvFrameReader reader = new TtlvFrameReader(new TtlvLimits(32, 32, 10));
        byte[] atLimit = TtlvEncoder.encode(TtlvStructure.of(tag(0x420078), new TtlvByteString(tag(0x420043),
                new byte[16])));
        byte[] overLimit = TtlvEncoder.encode(TtlvStructure.of(tag(0x420078), new TtlvByteString(tag(0x420043),
                new byte[17])));

        assertThat(atLimit).hasSize(32);
        assertThat(reader.readMessage(new ByteArrayInputStream(atLimit))).isPresent();
        assertThatThrownBy(() -> reader.readMessage(new ByteArrayInputStream(overLimit)))
                .isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the message 0x420078 declares 40 bytes, more than the limit of 32");
    }

    @Test
    void aMessageMustBeAStructure() {
        InputStream in = new ByteArrayInputStream(hex("420078 02 00000004 00000001 00000000"));

        assertThatThrownBy(() -> READER.readFrame(in)).isExactlyInstanceOf(TtlvException.class)
                .hasMessage("the message 0x420078 has item type 0x02; a KMIP message is a Structure");
    }

    @Test
    void aStructureLengthThatIsNoMultipleOfEightIsRefused() {
        InputStream in = new ByteArrayInputStream(hex("420078 01 0000000c 420020 02 00000004 00000001"));

        assertThatThrownBy(() -> READER.readFrame(in)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("declares length 12");
    }

    /** A client speaking plain HTTP (or TLS without the handshake being terminated here) is told off at once. */
    @Test
    void somethingElseThanKmipIsRefusedAtTheFirstHeader() {
        InputStream in = new ByteArrayInputStream(
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> READER.readFrame(in)).isExactlyInstanceOf(TtlvException.class)
                .hasMessageContaining("tag 0x474554").hasMessageContaining("not a KMIP message");
    }

    @Test
    void aFrameWithMalformedContentIsRefusedByTheDecoder() {
        byte[] badBoolean = hex("420078 01 00000010 420008 06 00000008 0000000000000002");

        assertThatThrownBy(() -> READER.readMessage(new ByteArrayInputStream(badBoolean)))
                .isExactlyInstanceOf(TtlvException.class).hasMessageContaining("neither 0 (false) nor 1 (true)");
    }

    @Test
    void readErrorsReachTheCallerAsTheyAre() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> READER.readMessage(failing)).isExactlyInstanceOf(IOException.class)
                .hasMessage("connection reset");
    }

    /** Its header, then zeros for ever; counts what is read from it. */
    private static final class EndlessStream extends InputStream {

        private final byte[] header;
        private long bytesRead;

        EndlessStream(byte[] header) {
            this.header = header;
        }

        @Override
        public int read() {
            int value = bytesRead < header.length ? Byte.toUnsignedInt(header[(int) bytesRead]) : 0;
            bytesRead++;
            return value;
        }
    }
}
