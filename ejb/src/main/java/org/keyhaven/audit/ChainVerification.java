package org.keyhaven.audit;

import java.util.List;

/**
 * The result of {@link AuditChain#verify}.
 *
 * @param intact         true exactly when no problem was found
 * @param recordsChecked the number of rows read
 * @param lastSeq        the stored seq of the last row read, 0 for an empty log
 * @param problems       the problems with the lowest seqs, at most {@link AuditChain#MAX_LISTED_PROBLEMS},
 *                       ordered by seq
 * @param problemCount   how many problems were found in all, including those not listed
 */
public record ChainVerification(boolean intact, long recordsChecked, long lastSeq, List<ChainProblem> problems,
        long problemCount) {

    public ChainVerification {
        problems = List.copyOf(problems);
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount " + problemCount + " < listed " + problems.size());
        }
        if (intact != (problemCount == 0)) {
            throw new IllegalArgumentException("intact must be true exactly when there is no problem");
        }
    }

    /** A result whose problem list is complete. */
    public ChainVerification(boolean intact, long recordsChecked, long lastSeq, List<ChainProblem> problems) {
        this(intact, recordsChecked, lastSeq, problems, problems.size());
    }
}
