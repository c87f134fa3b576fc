package org.keyhaven.audit;

import java.util.List;

/**
 * The result of verifying the audit trail: the chain's own verdict, plus rows the chainer refused (written into the
 * table by something other than Keyhaven) and records still waiting to be chained.
 */
public record AuditVerification(boolean intact, long recordsChecked, long lastSeq, long refusedRecords,
        long pendingRecords, long problemCount, List<ChainProblem> problems) {
}
