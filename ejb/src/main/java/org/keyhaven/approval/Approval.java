package org.keyhaven.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/** One approver's approval of a request; the database holds at most one per approver and request. */
@Entity
@Table(name = "kh_approval", uniqueConstraints = @UniqueConstraint(name = "uk_approval_approver",
        columnNames = {"request_id", "approver"}))
public class Approval {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private ApprovalRequest request;

    @Column(nullable = false)
    private String approver;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected Approval() {
    }

    Approval(ApprovalRequest request, String approver, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.request = request;
        this.approver = approver;
        this.approvedAt = now;
    }

    public String approver() {
        return approver;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
