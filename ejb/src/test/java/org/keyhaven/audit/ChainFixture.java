package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.keyhaven.crypto.SecretBytes;

/** Builds chained logs and tampers with them the way someone with write access to the table could. */
final class ChainFixture {

    /** Every string field of {@link #content(long)} carries it, so leaks of content into reports show. */
    static final String CONTENT_MARKER = "§";

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

    private ChainFixture() {
    }

    static SecretBytes key(int seed) {
        byte[] bytes = new byte[AuditChain.MIN_KEY_LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return SecretBytes.adopt(bytes);
    }

    static AuditContent content(long n) {
        return new AuditContent(1000 + n, T0.plus(n * 1_001, ChronoUnit.MICROS), "officer-" + n + CONTENT_MARKER,
                "user" + CONTENT_MARKER, "192.0.2." + n % 250 + CONTENT_MARKER, 6001,
                "key.create" + CONTENT_MARKER, "key-" + n + CONTENT_MARKER, (int) n % 7,
                "success" + CONTENT_MARKER, n % 3 == 0 ? null : "", "{\"n\":" + n + "}" + CONTENT_MARKER);
    }

    /** Records seq 1..n, chained with {@code chain}. */
    static List<StoredRecord> build(AuditChain chain, int n) {
        List<StoredRecord> records = new ArrayList<>(n);
        byte[] prev = AuditChain.genesis();
        for (long seq = 1; seq <= n; seq++) {
            AuditContent content = content(seq);
            byte[] mac = chain.link(prev, content);
            records.add(new StoredRecord(seq, prev, mac, content));
            prev = mac;
        }
        return records;
    }

    /** Records seq 1..n chained on the fly, for logs too long to hold. */
    static Iterator<StoredRecord> stream(AuditChain chain, long n, UnaryOperator<StoredRecord> tamper) {
        return new Iterator<>() {
            private long seq = 1;
            private byte[] prev = AuditChain.genesis();

            @Override
            public boolean hasNext() {
                return seq <= n;
            }

            @Override
            public StoredRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditContent content = content(seq);
                byte[] mac = chain.link(prev, content);
                StoredRecord record = new StoredRecord(seq++, prev, mac, content);
                prev = mac;
                return tamper.apply(record);
            }
        };
    }

    static ChainHead headOf(List<StoredRecord> records) {
        StoredRecord last = records.get(records.size() - 1);
        return new ChainHead(last.seq(), last.mac());
    }

    /** The record stored with {@code seq}. */
    static StoredRecord at(List<StoredRecord> records, long seq) {
        return records.stream().filter(r -> r.seq() == seq).findFirst().orElseThrow();
    }

    static int indexOf(List<StoredRecord> records, long seq) {
        return records.indexOf(at(records, seq));
    }

    static void replace(List<StoredRecord> records, long seq, UnaryOperator<StoredRecord> change) {
        int index = indexOf(records, seq);
        records.set(index, change.apply(records.get(index)));
    }

    static void delete(List<StoredRecord> records, long firstSeq, long lastSeq) {
        records.removeIf(r -> r.seq() >= firstSeq && r.seq() <= lastSeq);
    }

    /** Gives the rows seq 1, 2, 3, ... in their current list order, as an UPDATE over the table would. */
    static void renumber(List<StoredRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            records.set(i, withSeq(records.get(i), i + 1));
        }
    }

    static StoredRecord withSeq(StoredRecord r, long seq) {
        return new StoredRecord(seq, r.prevMac(), r.mac(), r.content());
    }

    static StoredRecord withPrevMac(StoredRecord r, byte[] prevMac) {
        return new StoredRecord(r.seq(), prevMac, r.mac(), r.content());
    }

    static StoredRecord withMac(StoredRecord r, byte[] mac) {
        return new StoredRecord(r.seq(), r.prevMac(), mac, r.content());
    }

    static StoredRecord withContent(StoredRecord r, AuditContent content) {
        return new StoredRecord(r.seq(), r.prevMac(), r.mac(), content);
    }

    static byte[] flipped(byte[] mac) {
        byte[] copy = mac.length == 0 ? new byte[AuditChain.MAC_LENGTH] : mac.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    /** A row made up by someone without the key, pretending to follow {@code after}. */
    static StoredRecord forgedAfter(StoredRecord after, long seq) {
        AuditContent fake = new AuditContent(999_999, T0, "intruder", "user", null, null, "key.export", "key-1",
                1, "success", null, null);
        return new StoredRecord(seq, after.mac(), flipped(after.mac()), fake);
    }

    /** Verifies and checks what holds for every result: consistency and no record content in descriptions. */
    static ChainVerification verify(AuditChain chain, List<StoredRecord> records, ChainHead head) {
        ChainVerification result = chain.verify(records.iterator(), head);
        assertThat(result.recordsChecked()).isEqualTo(records.size());
        assertThat(result.intact()).isEqualTo(result.problems().isEmpty());
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.description())
                .doesNotContain(CONTENT_MARKER)
                .contains("seq"));
        return result;
    }
}
