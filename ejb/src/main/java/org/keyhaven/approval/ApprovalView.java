package org.keyhaven.approval;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A request as approvers see it: exactly what will happen (operation, object, parameters), who asked, how many
 * approvals it needs and has, and how it ended. {@code handover} is set only in the answer to the approval that
 * carried out an operation whose result is a secret for people (new custodian shares), and is kept nowhere.
 */
public record ApprovalView(String id, ApprovalKind operation, String objectId, JsonObject parameters,
        String requester, Instant requestedAt, Instant expiresAt, int required, List<Approver> approvals,
        ApprovalStatus status, Instant decidedAt, String rejectedBy, String rejectionReason, JsonObject result,
        List<String> handover) {

    public ApprovalView withHandover(List<String> secrets) {
        return new ApprovalView(id, operation, objectId, parameters, requester, requestedAt, expiresAt, required,
                approvals, status, decidedAt, rejectedBy, rejectionReason, result, secrets);
    }

    public record Approver(String approver, Instant approvedAt) {
    }
}
