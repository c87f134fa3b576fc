package org.keyhaven.approval;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A request as approvers see it: exactly what will happen (operation, object, parameters), who asked, how many
 * approvals it needs and has, and how it ended.
 */
public record ApprovalView(String id, ApprovalKind operation, String objectId, JsonObject parameters,
        String requester, Instant requestedAt, Instant expiresAt, int required, List<Approver> approvals,
        ApprovalStatus status, Instant decidedAt, String rejectedBy, String rejectionReason, JsonObject result) {

    public record Approver(String approver, Instant approvedAt) {
    }
}
