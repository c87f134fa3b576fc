package org.keyhaven.monitor.syslog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;
import org.keyhaven.seal.ProtectedRow;

/**
 * A syslog destination: security configuration under a row MAC. The MAC covers where the audit trail goes and how
 * (name, transport, host, port, format, trusted CA certificates, enabled) and from where (the cursor): someone who
 * can write to the database but holds no master key can neither send the trail to a collector of their own, nor
 * switch off TLS verification, nor move the cursor past records to keep them from the SIEM. Such a row fails its
 * check when loaded and gets nothing ({@link Delivery}); deleting it needs no check. Outside the MAC: the last
 * error and the time of the last delivery, which are diagnostics.
 */
@Entity
@Table(name = "kh_syslog_destination")
public class SyslogDestination extends ProtectedRow {

    static final int MAX_ERROR = 500;

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Transport transport;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SyslogFormat format;

    @Column(name = "tls_ca_pem")
    private String tlsCaPem;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "cursor_seq", nullable = false)
    private long cursorSeq;

    @Column(name = "backlog_alarm", nullable = false)
    private long backlogAlarm;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected SyslogDestination() {
    }

    /** An enabled destination that delivers the records after {@code cursor}. */
    SyslogDestination(String id, DestinationSpec spec, long cursor, long backlogAlarm, String createdBy,
            Instant now) {
        this.id = id;
        this.name = spec.name();
        this.transport = spec.transport();
        this.host = spec.host();
        this.port = spec.port();
        this.format = spec.format();
        this.tlsCaPem = spec.caPem();
        this.enabled = true;
        this.cursorSeq = cursor;
        this.backlogAlarm = backlogAlarm;
        this.createdBy = createdBy;
        this.createdAt = Times.truncate(now);
    }

    /** @return whether that changed anything */
    boolean setEnabled(boolean enabled) {
        boolean changed = this.enabled != enabled;
        this.enabled = enabled;
        return changed;
    }

    /** Every record up to {@code seq} is delivered: the cursor moves there (never back) and the error clears. */
    void delivered(long seq, Instant at) {
        cursorSeq = Math.max(cursorSeq, seq);
        lastSentAt = Times.truncate(at);
        lastError = null;
    }

    void failed(String error) {
        lastError = Texts.truncate(error, MAX_ERROR);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    DestinationSpec spec() {
        return new DestinationSpec(name, transport, host, port, format, tlsCaPem);
    }

    DestinationState state() {
        return new DestinationState(id, spec(), enabled, cursorSeq, backlogAlarm, lastError);
    }

    /** @param head the sequence number of the last chained audit record */
    SyslogDestinationView toView(long head) {
        return new SyslogDestinationView(id, name, transport, host, port, format, tlsCaPem, enabled, backlogAlarm,
                cursorSeq, head, Math.max(0, head - cursorSeq), lastError, lastSentAt, createdAt, createdBy);
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_syslog_destination").add(id).add(name).add(transport).add(host).add(port)
                .add(format).add(tlsCaPem).add(enabled).add(cursorSeq).add(backlogAlarm).add(createdAt)
                .add(createdBy);
    }

    @Override
    protected String rowName() {
        return "syslog destination " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
