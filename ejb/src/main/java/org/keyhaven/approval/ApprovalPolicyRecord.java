package org.keyhaven.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.Times;
import org.keyhaven.seal.ProtectedRow;

/** The dual-control policy in force: one row, under a row MAC, so that nobody weakens it behind the server's back. */
@Entity
@Table(name = "kh_approval_policy")
public class ApprovalPolicyRecord extends ProtectedRow {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "policy_json", nullable = false)
    private String policyJson;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ApprovalPolicyRecord() {
    }

    ApprovalPolicyRecord(ApprovalPolicy policy, String by, Instant now) {
        this.id = ID;
        change(policy, by, now);
    }

    void change(ApprovalPolicy policy, String by, Instant now) {
        policyJson = policy.toJson().toString();
        updatedBy = by;
        updatedAt = Times.truncate(now);
    }

    ApprovalPolicy policy() {
        return ApprovalPolicy.fromJson(policyJson);
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_approval_policy").add(id).add(policyJson).add(updatedAt).add(updatedBy);
    }

    @Override
    protected String rowName() {
        return "the dual-control policy";
    }

    @Override
    protected String rowObjectId() {
        return null;
    }
}
