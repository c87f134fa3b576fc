package org.keyhaven.monitor;

/** {@value #OBJECT_NAME}: dual control. */
public interface ApprovalsMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Approvals";

    /** Requests waiting for approval (not expired); -1 when the database does not answer. */
    long getPending();
}
