package org.keyhaven.audit;

import java.util.Objects;

/**
 * One finding of {@link AuditChain#verify}. {@code seq} is where to look: the stored seq of the affected
 * row, or for records that are gone the first missing seq (see {@link Kind}). The description names the
 * seq(s) and what happened in plain words and never quotes record content.
 */
public record ChainProblem(Kind kind, long seq, String description) {

    public ChainProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    public enum Kind {
        /** The row at {@code seq} no longer matches its MAC, or its seq value was changed. */
        EDITED,
        /**
         * Records are gone before the row at {@code seq}. With a seq gap, {@code seq} is the first missing
         * seq and the description gives the range; when the seqs were renumbered to close the gap,
         * {@code seq} is the row that follows the gap and the number of missing records is unknown.
         */
        MISSING,
        /** The row at {@code seq} is genuine but stored out of chain order; the description names the other row. */
        REORDERED,
        /** The row at {@code seq} was inserted without the key, or is a copy of another row. */
        FORGED,
        /** Records after the last row, up to the head's seq, are gone; {@code seq} is the first missing one. */
        TRUNCATED,
        /** The head row does not describe the last record. */
        HEAD_MISMATCH
    }
}
