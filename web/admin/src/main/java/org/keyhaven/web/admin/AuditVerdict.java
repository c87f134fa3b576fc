package org.keyhaven.web.admin;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.audit.AuditVerification;
import org.keyhaven.audit.ChainProblem;

/**
 * The result of verifying the audit chain in words for the audit page: one headline that says plainly whether the
 * trail is intact, the style class that colours it ({@code good} or {@code bad}), and the first problems found.
 */
public final class AuditVerdict {

    /** How many problems the page lists; the headline gives the full count. */
    public static final int SHOWN = 20;

    private final boolean intact;
    private final String headline;
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems;

    public AuditVerdict(AuditVerification verification) {
        intact = verification.intact();
        if (intact) {
            headline = "Audit chain intact: " + verification.recordsChecked() + " records checked up to sequence "
                    + verification.lastSeq() + ".";
        } else {
            headline = "Audit chain BROKEN: " + (verification.problemCount() + verification.refusedRecords())
                    + " problem(s) found; " + verification.recordsChecked() + " records checked up to sequence "
                    + verification.lastSeq() + ".";
        }
        if (verification.refusedRecords() > 0) {
            notes.add(verification.refusedRecords() + " row(s) in the audit table were not written by Keyhaven and"
                    + " are not part of the chain.");
        }
        if (verification.pendingRecords() > 0) {
            notes.add(verification.pendingRecords() + " newer record(s) were still waiting to be chained and are"
                    + " checked next time.");
        }
        List<ChainProblem> found = verification.problems() == null ? List.of() : verification.problems();
        problems = found.stream().limit(SHOWN)
                .map(problem -> problem.kind() + " at sequence " + problem.seq() + ": " + problem.description())
                .toList();
        if (verification.problemCount() > problems.size()) {
            notes.add("Only the first " + problems.size() + " of " + verification.problemCount()
                    + " chain problems are listed.");
        }
    }

    public boolean isIntact() {
        return intact;
    }

    public String getStyleClass() {
        return intact ? "good" : "bad";
    }

    public String getHeadline() {
        return headline;
    }

    /** Refused rows, records waiting to be chained, a shortened problem list. */
    public List<String> getNotes() {
        return notes;
    }

    public List<String> getProblems() {
        return problems;
    }
}
