package org.keyhaven.approval;

import java.util.List;

/**
 * Approval requests: listed and read by officers, administrators and auditors; approved or rejected by holders of
 * the operation's approver role other than the requester. The approval that completes the quorum carries the
 * operation out, in the same transaction, for the requester.
 */
public interface ApprovalService {

    List<ApprovalView> list(boolean pendingOnly, int offset, int limit);

    ApprovalView get(String id);

    ApprovalView approve(String id);

    ApprovalView reject(String id, String reason);

    ApprovalPolicy policy();

    /** Changes the policy (a security administrator; itself under the policy's APPROVAL_POLICY quorum). */
    ApprovalPolicy changePolicy(ApprovalPolicy policy);
}
