package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.keyhaven.crypto.SecretBytes;

/**
 * Whatever someone without the key does to the rows, the log is not intact; the one exception is cutting
 * the tail while rewriting the head to match, which only an anchor outside the database can reveal.
 */
class AuditChainTamperPropertyTest {

    private static final int ROWS = 30;
    private static final SecretBytes KEY = ChainFixture.key(5);
    private static final AuditChain WIDE = new AuditChain(KEY);
    private static final AuditChain NARROW = new AuditChain(KEY, 4);
    private static final List<StoredRecord> ORIGINAL = ChainFixture.build(WIDE, ROWS);
    private static final ChainHead HEAD = ChainFixture.headOf(ORIGINAL);

    @AfterContainer
    static void wipeKey() {
        KEY.close();
    }

    @Property(tries = 2_000)
    void anyTamperingWithTheRowsIsDetected(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int operations,
            @ForAll boolean renumberAfterwards, @ForAll boolean rewriteHead, @ForAll boolean narrowWindow) {
        Random random = new Random(seed);
        List<StoredRecord> rows = new ArrayList<>(ORIGINAL);
        for (int i = 0; i < operations && !rows.isEmpty(); i++) {
            tamper(rows, random);
        }
        rows.sort(Comparator.comparingLong(StoredRecord::seq));
        if (renumberAfterwards) {
            ChainFixture.renumber(rows);
        }
        boolean tailCut = rows.equals(ORIGINAL.subList(0, Math.min(rows.size(), ROWS)));
        Assume.that(!rows.equals(ORIGINAL) && !(rewriteHead && tailCut));
        ChainHead head = rewriteHead && !rows.isEmpty() ? ChainFixture.headOf(rows) : HEAD;

        ChainVerification result = ChainFixture.verify(narrowWindow ? NARROW : WIDE, rows, head);

        assertThat(result.intact()).isFalse();
        assertThat(result.problemCount()).isPositive();
    }

    private static void tamper(List<StoredRecord> rows, Random random) {
        int i = random.nextInt(rows.size());
        StoredRecord row = rows.get(i);
        long someSeq = 1 + random.nextInt(ROWS + 5);
        switch (random.nextInt(10)) {
            case 0 -> rows.set(i, ChainFixture.withContent(row, ChainFixture.content(100 + random.nextInt(50))));
            case 1 -> rows.set(i, ChainFixture.withPrevMac(row, ChainFixture.flipped(row.prevMac())));
            case 2 -> rows.set(i, ChainFixture.withMac(row, ChainFixture.flipped(row.mac())));
            case 3 -> rows.remove(i);
            case 4 -> {
                int j = random.nextInt(rows.size());
                StoredRecord other = rows.get(j);
                rows.set(i, ChainFixture.withSeq(row, other.seq()));
                rows.set(j, ChainFixture.withSeq(other, row.seq()));
            }
            case 5 -> rows.set(i, ChainFixture.withSeq(row, someSeq));
            case 6 -> rows.add(ChainFixture.forgedAfter(row, someSeq));
            case 7 -> rows.add(ChainFixture.withSeq(row, someSeq));
            case 8 -> rows.set(i, new StoredRecord(row.seq(), random.nextBoolean() ? null : row.prevMac(), null,
                    row.content()));
            default -> {
                long shift = 1 + random.nextInt(3);
                for (int j = i; j < rows.size(); j++) {
                    rows.set(j, ChainFixture.withSeq(rows.get(j), rows.get(j).seq() + shift));
                }
            }
        }
    }
}
