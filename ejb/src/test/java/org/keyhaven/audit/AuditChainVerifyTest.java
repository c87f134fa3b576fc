package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.keyhaven.audit.ChainFixture.at;
import static org.keyhaven.audit.ChainFixture.build;
import static org.keyhaven.audit.ChainFixture.delete;
import static org.keyhaven.audit.ChainFixture.flipped;
import static org.keyhaven.audit.ChainFixture.forgedAfter;
import static org.keyhaven.audit.ChainFixture.headOf;
import static org.keyhaven.audit.ChainFixture.indexOf;
import static org.keyhaven.audit.ChainFixture.renumber;
import static org.keyhaven.audit.ChainFixture.replace;
import static org.keyhaven.audit.ChainFixture.verify;
import static org.keyhaven.audit.ChainFixture.withContent;
import static org.keyhaven.audit.ChainFixture.withMac;
import static org.keyhaven.audit.ChainFixture.withPrevMac;
import static org.keyhaven.audit.ChainFixture.withSeq;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.audit.ChainProblem.Kind;
import org.keyhaven.crypto.SecretBytes;

class AuditChainVerifyTest {

    private final SecretBytes key = ChainFixture.key(1);
    private final AuditChain chain = new AuditChain(key);
    private final List<StoredRecord> original = build(chain, 10);
    private final List<StoredRecord> records = new ArrayList<>(original);
    private ChainHead head = headOf(original);

    @AfterEach
    void wipeKey() {
        key.close();
    }

    private ChainVerification verifyTampered() {
        return verify(chain, records, head);
    }

    private static void assertOnlyProblem(ChainVerification result, Kind kind, long seq, String... phrases) {
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.seq()).isEqualTo(seq);
            assertThat(p.description()).contains("seq " + seq);
            for (String phrase : phrases) {
                assertThat(p.description()).containsIgnoringCase(phrase);
            }
        });
    }

    // --- intact logs ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} records")
    @ValueSource(ints = {1, 2, 10, 2_500})
    void anIntactChainVerifies(int n) {
        List<StoredRecord> log = build(chain, n);

        ChainVerification result = verify(chain, log, headOf(log));

        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(n);
        assertThat(result.lastSeq()).isEqualTo(n);
        assertThat(result.problems()).isEmpty();
        assertThat(result.problemCount()).isZero();
    }

    @Test
    void anEmptyLogWithoutHeadVerifies() {
        ChainVerification result = verify(chain, List.of(), null);

        assertThat(result).isEqualTo(new ChainVerification(true, 0, 0, List.of()));
    }

    @Test
    void anEmptyLogWithTheGenesisHeadVerifies() {
        assertThat(verify(chain, List.of(), new ChainHead(0, AuditChain.genesis())).intact()).isTrue();
    }

    @Test
    void aChainMuchLongerThanTheWindowIsVerifiedWhileStreaming() {
        long n = 200_000;
        ChainVerification result = chain.verify(ChainFixture.stream(chain, n, r -> r), new ChainHead(n, lastMacOf(n)));

        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(n);
        assertThat(result.lastSeq()).isEqualTo(n);
    }

    @Test
    void aDeletionDeepInALongStreamedChainIsFoundAtItsSeq() {
        long n = 100_000;
        long deleted = 77_777;
        var rows = ChainFixture.stream(chain, n, r -> r);
        var withoutOne = new Iterator<StoredRecord>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public StoredRecord next() {
                StoredRecord r = rows.next();
                return r.seq() == deleted ? rows.next() : r;
            }
        };

        ChainVerification result = chain.verify(withoutOne, new ChainHead(n, lastMacOf(n)));

        assertOnlyProblem(result, Kind.MISSING, deleted, "missing");
    }

    private byte[] lastMacOf(long n) {
        var rows = ChainFixture.stream(chain, n, r -> r);
        StoredRecord last = null;
        while (rows.hasNext()) {
            last = rows.next();
        }
        return last.mac();
    }

    // --- edits -------------------------------------------------------------------------------------

    static Stream<Arguments> contentEdits() {
        return Stream.of(
                edit("id", c -> new AuditContent(c.id() + 1, c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("occurredAt", c -> new AuditContent(c.id(), c.occurredAt().plus(1, ChronoUnit.MICROS), c.actor(),
                        c.actorType(), c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(),
                        c.outcome(), c.reason(), c.details())),
                edit("actor", c -> new AuditContent(c.id(), c.occurredAt(), "someone-else", c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("actorType", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), "client",
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("clientAddress", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        "198.51.100.7", c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("port", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), null, c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("operation", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), "key.read", c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("objectId", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), "key-other", c.objectVersion(), c.outcome(),
                        c.reason(), c.details())),
                edit("objectVersion", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion() + 1, c.outcome(),
                        c.reason(), c.details())),
                edit("outcome", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), "failure",
                        c.reason(), c.details())),
                edit("reason", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        "forbidden", c.details())),
                edit("details", c -> new AuditContent(c.id(), c.occurredAt(), c.actor(), c.actorType(),
                        c.clientAddress(), c.port(), c.operation(), c.objectId(), c.objectVersion(), c.outcome(),
                        c.reason(), null)));
    }

    private static Arguments edit(String field, UnaryOperator<AuditContent> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentEdits")
    void editingAContentFieldIsReportedAsEditedAtThatRecord(String field, UnaryOperator<AuditContent> change) {
        replace(records, 5, r -> withContent(r, change.apply(r.content())));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 5, "edited", "content");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentEdits")
    void editingAContentFieldOfTheLastRecordIsReportedAsEditedThroughTheHead(String field,
            UnaryOperator<AuditContent> change) {
        replace(records, 10, r -> withContent(r, change.apply(r.content())));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 10, "edited", "content");
    }

    @Test
    void editingThePreviousMacIsReportedAsEditedAtThatRecord() {
        replace(records, 5, r -> withPrevMac(r, flipped(r.prevMac())));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 5, "edited", "previous-record MAC does not name record seq 4");
    }

    @Test
    void editingTheMacIsReportedAsEditedAtThatRecord() {
        replace(records, 5, r -> withMac(r, flipped(r.mac())));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 5, "edited", "stored MAC was altered", "record seq 6");
    }

    @Test
    void editingTheMacOfTheLastRecordIsReportedAsEditedThroughTheHead() {
        replace(records, 10, r -> withMac(r, flipped(r.mac())));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 10, "stored MAC was altered", "the head");
    }

    @Test
    void cuttingAMacShortIsReportedAsEdited() {
        replace(records, 5, r -> withMac(r, new byte[3]));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 5, "edited");
    }

    @Test
    void nullingTheMacColumnsIsReportedAsEdited() {
        replace(records, 5, r -> new StoredRecord(r.seq(), null, null, r.content()));

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 5, "edited");
    }

    @Test
    void editingTheSeqAloneIsReportedAsEditedSeq() {
        for (long seq = 10; seq >= 6; seq--) {
            long renumbered = seq + 1;
            replace(records, seq, r -> withSeq(r, renumbered));
        }
        head = new ChainHead(11, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 7, "seq edited", "should be 6");
    }

    @Test
    void aChainMacedWithAnotherKeyDoesNotVerify() {
        try (SecretBytes otherKey = ChainFixture.key(2)) {
            ChainVerification result = verify(new AuditChain(otherKey), records, head);

            assertThat(result.intact()).isFalse();
            assertThat(result.problems()).hasSize(10).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.EDITED));
        }
    }

    // --- deletions ---------------------------------------------------------------------------------

    @Test
    void deletingARecordInTheMiddleIsReportedAsMissingAtItsSeq() {
        delete(records, 5, 5);

        assertOnlyProblem(verifyTampered(), Kind.MISSING, 5, "record seq 5 is missing", "jump from 4 to 6");
    }

    @Test
    void deletingTheFirstRecordIsReportedAsMissingAtSeqOne() {
        delete(records, 1, 1);

        assertOnlyProblem(verifyTampered(), Kind.MISSING, 1, "record seq 1 is missing", "start of the log");
    }

    @Test
    void deletingSeveralConsecutiveRecordsIsReportedAsOneMissingRange() {
        delete(records, 4, 7);

        assertOnlyProblem(verifyTampered(), Kind.MISSING, 4, "records seq 4 to 7 are missing");
    }

    @Test
    void deletingTheTailIsReportedAsTruncatedThroughTheHead() {
        delete(records, 8, 10);

        assertOnlyProblem(verifyTampered(), Kind.TRUNCATED, 8, "records seq 8 to 10 are missing at the end");
    }

    @Test
    void deletingEveryRecordIsReportedAsTruncatedThroughTheHead() {
        records.clear();

        assertOnlyProblem(verifyTampered(), Kind.TRUNCATED, 1, "records seq 1 to 10 are missing");
    }

    @Test
    void truncatingTogetherWithTheHeadGoesUnnoticed_soTheHeadNeedsAnAnchorOutsideTheDatabase() {
        delete(records, 8, 10);
        head = headOf(records);

        assertThat(verifyTampered().intact()).isTrue();
    }

    @Test
    void renumberingAfterADeletionIsReportedAsMissingAtTheRowAfterTheGap() {
        delete(records, 5, 5);
        renumber(records);
        head = new ChainHead(9, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.MISSING, 5, "missing before record seq 5", "renumbered");
    }

    @Test
    void renumberingAfterADeletionWithTheHeadLeftAloneAlsoReportsTheHead() {
        delete(records, 5, 5);
        renumber(records);

        ChainVerification result = verifyTampered();

        assertThat(result.problems()).extracting(ChainProblem::kind, ChainProblem::seq)
                .containsExactly(tuple(Kind.MISSING, 5L),
                        tuple(Kind.HEAD_MISMATCH, 9L));
    }

    @Test
    void deletingAndRenumberingTheFirstRecordsIsReportedAsMissingBeforeSeqOne() {
        delete(records, 1, 2);
        renumber(records);
        head = new ChainHead(8, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.MISSING, 1, "does not start the chain");
    }

    @Test
    void deletingTheRecordBeforeAnEditedOneReportsBoth() {
        delete(records, 5, 5);
        replace(records, 6, r -> withContent(r, ChainFixture.content(60)));

        ChainVerification result = verifyTampered();

        assertThat(result.problems()).extracting(ChainProblem::kind, ChainProblem::seq)
                .containsExactlyInAnyOrder(tuple(Kind.MISSING, 5L),
                        tuple(Kind.EDITED, 6L));
    }

    // --- reordering ----------------------------------------------------------------------------------

    @Test
    void swappingTwoAdjacentRowsIsReportedAsReorderedNamingBoth() {
        Collections.swap(records, 4, 5);
        renumber(records);

        assertOnlyProblem(verifyTampered(), Kind.REORDERED, 5, "out of order", "record seq 6");
    }

    @Test
    void swappingTheFirstTwoRowsIsReportedAsReorderedNamingBoth() {
        Collections.swap(records, 0, 1);
        renumber(records);

        assertOnlyProblem(verifyTampered(), Kind.REORDERED, 1, "out of order", "record seq 2");
    }

    @Test
    void movingARowFarAwayIsReportedAsReorderedNamingBothPlaces() {
        List<StoredRecord> log = build(chain, 1_000);
        List<StoredRecord> moved = new ArrayList<>(log);
        moved.add(799, moved.remove(2));
        renumber(moved);

        assertOnlyProblem(verify(chain, moved, headOf(log)), Kind.REORDERED, 3, "out of order", "record seq 800",
                "stored after it");
    }

    @Test
    void movingARowForwardIsReportedAsReorderedNamingBothPlaces() {
        List<StoredRecord> log = build(chain, 1_000);
        List<StoredRecord> moved = new ArrayList<>(log);
        moved.add(3, moved.remove(799));
        renumber(moved);

        assertOnlyProblem(verify(chain, moved, headOf(log)), Kind.REORDERED, 4, "out of order", "record seq 800");
    }

    @Test
    void movingARowFurtherThanTheWindowIsReportedAsMissingAtBothPlaces() {
        AuditChain narrow = new AuditChain(key, 16);
        List<StoredRecord> log = build(narrow, 100);
        List<StoredRecord> moved = new ArrayList<>(log);
        moved.add(59, moved.remove(2));
        renumber(moved);

        ChainVerification result = verify(narrow, moved, headOf(log));

        assertThat(result.problems()).extracting(ChainProblem::kind, ChainProblem::seq)
                .containsExactly(tuple(Kind.MISSING, 3L),
                        tuple(Kind.MISSING, 60L));
    }

    @Test
    void givingARowASeqBeyondTheEndIsReportedAsReordered() {
        replace(records, 3, r -> withSeq(r, 11));
        records.sort(Comparator.comparingLong(StoredRecord::seq));

        ChainVerification result = verifyTampered();

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REORDERED);
            assertThat(p.seq()).isEqualTo(4);
            assertThat(p.description()).contains("record seq 11");
        });
    }

    @Test
    void twoRecordsChainedAfterTheSameRecordAreReportedAsReordered() {
        StoredRecord fourth = at(records, 4);
        AuditContent raced = ChainFixture.content(50);
        StoredRecord second = new StoredRecord(6, fourth.mac(), chain.link(fourth.mac(), raced), raced);
        List<StoredRecord> forked = new ArrayList<>(records.subList(0, 5));
        forked.add(second);

        ChainVerification result = verify(chain, forked, headOf(forked));

        assertOnlyProblem(result, Kind.REORDERED, 6, "follows record seq 4", "stored after record seq 5",
                "writer race");
    }

    // --- forgeries ---------------------------------------------------------------------------------

    @Test
    void aForgedRowInsertedInTheMiddleIsReportedAsForged() {
        records.add(indexOf(records, 5), forgedAfter(at(records, 4), 0));
        renumber(records);
        head = new ChainHead(11, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.FORGED, 5, "forged", "record seq 6 links to record seq 4");
    }

    @Test
    void aForgedRowAppendedAfterTheHeadIsReportedAsForged() {
        records.add(forgedAfter(at(records, 10), 11));

        assertOnlyProblem(verifyTampered(), Kind.FORGED, 11, "forged", "the head links to record seq 10");
    }

    @Test
    void aForgedRowAppendedWithTheHeadMovedToItIsReportedAsEditedAtThatRow() {
        StoredRecord forged = forgedAfter(at(records, 10), 11);
        records.add(forged);
        head = new ChainHead(11, forged.mac());

        assertOnlyProblem(verifyTampered(), Kind.EDITED, 11, "edited");
    }

    @Test
    void aCopiedRowIsReportedAsForged() {
        records.add(indexOf(records, 6), at(records, 5));
        renumber(records);
        head = new ChainHead(11, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.FORGED, 6, "copy of record seq 5");
    }

    // --- head ----------------------------------------------------------------------------------------

    @Test
    void aHeadWithAnEditedSeqIsReportedAsHeadMismatch() {
        head = new ChainHead(12, head.mac());

        assertOnlyProblem(verifyTampered(), Kind.HEAD_MISMATCH, 10, "head names seq 12");
    }

    @Test
    void aMissingHeadForANonEmptyLogIsReportedAsHeadMismatch() {
        head = null;

        assertOnlyProblem(verifyTampered(), Kind.HEAD_MISMATCH, 10, "no head row");
    }

    @Test
    void aHeadNamingAnEarlierRecordIsReportedAsHeadMismatch() {
        head = new ChainHead(8, at(records, 8).mac());

        assertOnlyProblem(verifyTampered(), Kind.HEAD_MISMATCH, 8, "names record seq 8", "up to seq 10");
    }

    @Test
    void aHeadNamingAnUnknownMacIsReportedAsHeadMismatch() {
        head = new ChainHead(10, flipped(head.mac()));

        assertOnlyProblem(verifyTampered(), Kind.HEAD_MISMATCH, 10, "head names seq 10");
    }

    // --- reporting -----------------------------------------------------------------------------------

    @Test
    void problemsAreListedUpToTheCapByLowestSeqButAllCounted() {
        List<StoredRecord> log = build(chain, 300);
        List<StoredRecord> edited = new ArrayList<>(log);
        for (int i = 0; i < edited.size(); i += 2) {
            edited.set(i, withContent(edited.get(i), ChainFixture.content(10_000 + i)));
        }

        ChainVerification result = verify(chain, edited, headOf(log));

        assertThat(result.problemCount()).isEqualTo(150);
        assertThat(result.problems()).hasSize(AuditChain.MAX_LISTED_PROBLEMS);
        assertThat(result.problems()).extracting(ChainProblem::seq)
                .isSorted()
                .startsWith(1L, 3L, 5L)
                .endsWith(199L);
    }
}
