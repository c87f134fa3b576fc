package org.keyhaven.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.keyhaven.common.Texts;

/**
 * One audit record. Inserted in the transaction of the action it describes, then chained once by the
 * {@link AuditChainer}: from then on it never changes (the application has no update path for chained records,
 * and the chain makes any change by other means detectable).
 */
@Entity
@Table(name = "kh_audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kh_audit_id")
    @SequenceGenerator(name = "kh_audit_id", sequenceName = "kh_audit_id_seq", allocationSize = 50)
    private Long id;

    private Long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    @Column(name = "client_address")
    private String clientAddress;

    private Integer port;

    @Column(nullable = false)
    private String operation;

    @Column(name = "object_id")
    private String objectId;

    @Column(name = "object_version")
    private Integer objectVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String reason;

    private String details;

    @Column(name = "entry_mac")
    private byte[] entryMac;

    @Column(name = "prev_mac")
    private byte[] prevMac;

    private byte[] mac;

    protected AuditRecord() {
    }

    AuditRecord(AuditEvent event, String actor, ActorType actorType, String clientAddress, Integer port,
            Instant occurredAt) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorType = actorType;
        this.clientAddress = clientAddress;
        this.port = port;
        this.operation = event.operation();
        this.objectId = Texts.truncate(event.objectId(), 255);
        this.objectVersion = event.objectVersion();
        this.outcome = event.outcome();
        this.reason = Texts.truncate(event.reason(), 512);
        this.details = event.detailsText();
    }

    /** An unsaved copy, for writing again after the transaction that first tried to write it rolled back. */
    AuditRecord unsavedCopy() {
        AuditRecord copy = new AuditRecord();
        copy.occurredAt = occurredAt;
        copy.actor = actor;
        copy.actorType = actorType;
        copy.clientAddress = clientAddress;
        copy.port = port;
        copy.operation = operation;
        copy.objectId = objectId;
        copy.objectVersion = objectVersion;
        copy.outcome = outcome;
        copy.reason = reason;
        copy.details = details;
        return copy;
    }

    /** The content the chain MAC covers: every column but the chain columns themselves. */
    AuditContent content() {
        return new AuditContent(id, occurredAt, actor, actorType == null ? null : actorType.name(), clientAddress,
                port, operation, objectId, objectVersion, outcome == null ? null : outcome.name(), reason, details);
    }

    /** Set once the id is known (after persist), while unsealed; records written while sealed have none. */
    void authenticate(byte[] entryMac) {
        this.entryMac = entryMac.clone();
    }

    byte[] entryMac() {
        return entryMac == null ? null : entryMac.clone();
    }

    String operationName() {
        return operation;
    }

    Long id() {
        return id;
    }

    void chain(long seq, byte[] prevMac, byte[] mac) {
        if (this.seq != null) {
            throw new IllegalStateException("audit record " + id + " is chained already");
        }
        this.seq = seq;
        this.prevMac = prevMac.clone();
        this.mac = mac.clone();
    }

    /**
     * Marks a record the chainer would not chain: a negative seq, unique per id, that can never collide with a real
     * one (whatever id a forged row was given).
     */
    void refuse() {
        if (this.seq != null) {
            throw new IllegalStateException("audit record " + id + " is chained already");
        }
        this.seq = id > 0 ? -id : id - 1;
    }

    StoredRecord stored() {
        return new StoredRecord(seq, prevMac, mac, content());
    }

    public AuditEntry toEntry() {
        return new AuditEntry(seq, occurredAt, actor, actorType, clientAddress, port, operation, objectId,
                objectVersion, outcome, reason, details, mac);
    }
}
