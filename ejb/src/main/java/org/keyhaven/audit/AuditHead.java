package org.keyhaven.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The end of the audit chain: the last chained sequence number and its MAC. One row, id 1. */
@Entity
@Table(name = "kh_audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_mac", nullable = false)
    private byte[] lastMac;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AuditHead() {
    }

    static AuditHead genesis(Instant now) {
        AuditHead head = new AuditHead();
        head.id = ID;
        head.lastSeq = 0;
        head.lastMac = AuditChain.genesis();
        head.updatedAt = now;
        return head;
    }

    long lastSeq() {
        return lastSeq;
    }

    byte[] lastMac() {
        return lastMac.clone();
    }

    void advance(long seq, byte[] mac, Instant now) {
        this.lastSeq = seq;
        this.lastMac = mac.clone();
        this.updatedAt = now;
    }

    ChainHead toChainHead() {
        return lastSeq == 0 ? null : new ChainHead(lastSeq, lastMac());
    }
}
