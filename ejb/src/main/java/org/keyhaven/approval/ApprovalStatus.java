package org.keyhaven.approval;

/** Where a request stands. Only PENDING moves on; the others are final. */
public enum ApprovalStatus {
    PENDING,
    EXECUTED,
    REJECTED,
    EXPIRED
}
