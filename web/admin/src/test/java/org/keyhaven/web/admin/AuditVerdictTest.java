package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.keyhaven.audit.AuditVerification;
import org.keyhaven.audit.ChainProblem;

class AuditVerdictTest {

    @Test
    void anIntactChainSaysSoWithTheCountAndLastSequence() {
        AuditVerdict verdict = new AuditVerdict(new AuditVerification(true, 120, 120, 0, 0, 0, List.of()));

        assertThat(verdict.isIntact()).isTrue();
        assertThat(verdict.getStyleClass()).isEqualTo("good");
        assertThat(verdict.getHeadline()).isEqualTo("Audit chain intact: 120 records checked up to sequence 120.");
        assertThat(verdict.getNotes()).isEmpty();
        assertThat(verdict.getProblems()).isEmpty();
    }

    @Test
    void recordsWaitingToBeChainedAreMentioned() {
        AuditVerdict verdict = new AuditVerdict(new AuditVerification(true, 10, 10, 0, 3, 0, List.of()));

        assertThat(verdict.getNotes()).singleElement().asString().startsWith("3 newer record(s)");
    }

    @Test
    void aBrokenChainCountsAndListsItsProblems() {
        ChainProblem edited = new ChainProblem(ChainProblem.Kind.EDITED, 5, "row 5 does not match its MAC");
        AuditVerdict verdict = new AuditVerdict(new AuditVerification(false, 9, 9, 0, 0, 1, List.of(edited)));

        assertThat(verdict.getStyleClass()).isEqualTo("bad");
        assertThat(verdict.getHeadline()).startsWith("Audit chain BROKEN: 1 problem(s) found");
        assertThat(verdict.getProblems()).containsExactly("EDITED at sequence 5: row 5 does not match its MAC");
    }

    @Test
    void foreignRowsBreakTheTrailEvenWithAnIntactChain() {
        AuditVerdict verdict = new AuditVerdict(new AuditVerification(false, 9, 9, 2, 0, 0, List.of()));

        assertThat(verdict.isIntact()).isFalse();
        assertThat(verdict.getHeadline()).startsWith("Audit chain BROKEN: 2 problem(s) found");
        assertThat(verdict.getNotes()).singleElement().asString().contains("not written by Keyhaven");
    }

    @Test
    void onlyTheFirstProblemsAreListed() {
        List<ChainProblem> many = LongStream.rangeClosed(1, 30)
                .mapToObj(seq -> new ChainProblem(ChainProblem.Kind.MISSING, seq, "gone")).toList();
        AuditVerdict verdict = new AuditVerdict(new AuditVerification(false, 100, 130, 0, 0, 45, many));

        assertThat(verdict.getProblems()).hasSize(AuditVerdict.SHOWN);
        assertThat(verdict.getHeadline()).contains("45 problem(s)");
        assertThat(verdict.getNotes()).containsExactly("Only the first 20 of 45 chain problems are listed.");
    }
}
