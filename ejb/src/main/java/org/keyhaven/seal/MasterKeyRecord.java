package org.keyhaven.seal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One master key version, stored only wrapped (AES-KWP) under the unseal key. */
@Entity
@Table(name = "kh_master_key")
public class MasterKeyRecord {

    public enum Status {
        /** usable; the newest active version wraps all new material */
        ACTIVE,
        /** replaced by a rotation that re-wrapped everything; its wrapped bytes are erased */
        RETIRED
    }

    @Id
    private int version;

    @Column(nullable = false)
    private byte[] wrapped;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected MasterKeyRecord() {
    }

    MasterKeyRecord(int version, byte[] wrapped, Instant createdAt) {
        this.version = version;
        this.wrapped = wrapped.clone();
        this.status = Status.ACTIVE;
        this.createdAt = createdAt;
    }

    public int version() {
        return version;
    }

    byte[] wrapped() {
        return wrapped.clone();
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Wrapped again, under a new unseal key. */
    void rewrap(byte[] newWrapped) {
        wrapped = newWrapped.clone();
    }

    void retire(Instant now) {
        status = Status.RETIRED;
        wrapped = new byte[0];
        retiredAt = now;
    }
}
