package org.keyhaven.approval;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keyhaven.access.Role;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;
import org.keyhaven.seal.ProtectedRow;

/**
 * A request for approval of one management operation. Its rules, each refused with its own error: only a pending
 * request is decided (a rejected or executed one is final); an expired one is neither approved nor executed; the
 * requester does not approve; every approver holds the operation's approver role; nobody approves twice (also a
 * unique constraint). The operation and its parameters are fixed at creation and covered by the row MAC, with the
 * state and the approvals; the row's version makes concurrent approvals at the quorum collide, so the
 * operation runs once.
 */
@Entity
@Table(name = "kh_approval_request")
public class ApprovalRequest extends ProtectedRow {

    public static final int MAX_REASON = 255;

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalKind kind;

    @Column(name = "object_id")
    private String objectId;

    @Column(nullable = false)
    private String parameters;

    @Column(nullable = false)
    private String requester;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int required;

    /**
     * Who approved and when, as a JSON array, under the row MAC: what counts towards the quorum. The approval rows
     * beside it hold the database's uniqueness of (request, approver); a row added there behind the server's back
     * counts for nothing.
     */
    @Column(name = "approved_by", nullable = false)
    private String approvedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejected_by")
    private String rejectedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "result")
    private String result;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<Approval> approvalRows = new ArrayList<>();

    protected ApprovalRequest() {
    }

    /** A pending request for the operation, by the requester, expiring after the policy's time. */
    public static ApprovalRequest open(PendingOperation operation, String requester, int required,
            java.time.Duration expiry, Instant now) {
        if (required < 1) {
            throw new IllegalArgumentException("a request needs at least one approval");
        }
        ApprovalRequest request = new ApprovalRequest();
        request.id = UUID.randomUUID().toString();
        request.kind = operation.kind();
        request.objectId = operation.objectId();
        request.parameters = operation.parameters().toString();
        request.requester = requester;
        request.requestedAt = Times.truncate(now);
        request.expiresAt = Times.truncate(now.plus(expiry));
        request.required = required;
        request.status = ApprovalStatus.PENDING;
        request.approvedBy = "[]";
        return request;
    }

    /**
     * Records the approval.
     *
     * @return whether the request now has all the approvals it needs (the caller then executes it)
     */
    public boolean approve(String approver, Role approverRole, Instant now) {
        requireOpen(now);
        if (approver.equals(requester)) {
            throw refused(ErrorCode.SELF_APPROVAL, "the requester cannot approve their own request");
        }
        if (approverRole != kind.approverRole()) {
            throw refused(ErrorCode.FORBIDDEN, "a " + kind + " request is approved by a " + kind.approverRole());
        }
        List<ApprovalView.Approver> approvals = approvals();
        if (approvals.stream().anyMatch(approval -> approval.approver().equals(approver))) {
            throw refused(ErrorCode.ALREADY_APPROVED, "you approved this request already");
        }
        Instant at = Times.truncate(now);
        approvalRows.add(new Approval(this, approver, at));
        approvals.add(new ApprovalView.Approver(approver, at));
        JsonArrayBuilder json = Json.createArrayBuilder();
        approvals.forEach(approval -> json.add(Json.createObjectBuilder().add("approver", approval.approver())
                .add("at", approval.approvedAt().toString())));
        approvedBy = json.build().toString();
        return approvals.size() >= required;
    }

    /** Rejects the request for good: any holder of the approver role may, the requester too (a withdrawal). */
    public void reject(String user, Role role, String reason, Instant now) {
        requireOpen(now);
        if (role != kind.approverRole()) {
            throw refused(ErrorCode.FORBIDDEN, "a " + kind + " request is decided by a " + kind.approverRole());
        }
        status = ApprovalStatus.REJECTED;
        rejectedBy = user;
        rejectionReason = reason == null ? null : Texts.truncate(Texts.printable(reason, MAX_REASON), MAX_REASON);
        decidedAt = Times.truncate(now);
    }

    /** The operation ran: the request is final, with a summary of what was done. */
    public void executed(JsonObject summary, Instant now) {
        if (status != ApprovalStatus.PENDING || approvals().size() < required) {
            throw new IllegalStateException("request " + id + " is not ready to execute");
        }
        status = ApprovalStatus.EXECUTED;
        result = summary.toString();
        decidedAt = Times.truncate(now);
    }

    private void requireOpen(Instant now) {
        if (status != ApprovalStatus.PENDING) {
            throw refused(ErrorCode.APPROVAL_CLOSED, "request " + id + " is " + status + " already");
        }
        if (!now.isBefore(expiresAt)) {
            throw refused(ErrorCode.APPROVAL_EXPIRED, "request " + id + " expired at " + expiresAt);
        }
    }

    private KeyhavenException refused(ErrorCode code, String message) {
        return new KeyhavenException(code, message, id);
    }

    public String id() {
        return id;
    }

    public ApprovalKind kind() {
        return kind;
    }

    public String requester() {
        return requester;
    }

    public List<String> approvers() {
        return approvals().stream().map(ApprovalView.Approver::approver).toList();
    }

    /** The approvals the row MAC vouches for, in order. */
    private List<ApprovalView.Approver> approvals() {
        List<ApprovalView.Approver> approvals = new ArrayList<>();
        Json.createReader(new StringReader(approvedBy)).readArray().getValuesAs(JsonObject.class).forEach(
                approval -> approvals.add(new ApprovalView.Approver(approval.getString("approver"),
                        Instant.parse(approval.getString("at")))));
        return approvals;
    }

    /** The operation, exactly as requested. */
    public PendingOperation operation() {
        return PendingOperations.read(kind, parameters);
    }

    /** The status as of now: a pending request past its expiry shows as expired. */
    public ApprovalStatus status(Instant now) {
        return status == ApprovalStatus.PENDING && !now.isBefore(expiresAt) ? ApprovalStatus.EXPIRED : status;
    }

    public ApprovalView toView(Instant now) {
        return new ApprovalView(id, kind, objectId, json(parameters), requester, requestedAt, expiresAt, required,
                approvals(),
                status(now), decidedAt, rejectedBy, rejectionReason, result == null ? null : json(result), null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_approval_request").add(id).add(kind.name()).add(objectId).add(parameters)
                .add(requester).add(requestedAt).add(expiresAt).add(required).add(approvedBy).add(status.name())
                .add(decidedAt).add(rejectedBy).add(rejectionReason).add(result);
    }

    @Override
    protected String rowName() {
        return "approval request " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
