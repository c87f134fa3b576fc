package org.keyhaven.monitor.syslog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.common.Times;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.Unsealed;
import org.keyhaven.system.ProductVersion;

/**
 * Audits the server's start ({@code server.start}, with the version and the time it started) and its orderly stop
 * ({@code server.stop}), so that the SIEM sees restarts in the same stream as everything else. Both are written only
 * while unsealed: a record written while sealed carries no entry MAC and would be refused by the chainer after a
 * restart. A server that starts sealed (custodian mode) records its start at its first unseal.
 */
@Singleton
@Startup
@DependsOn("SealService")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class ServerStartAudit {

    private static final Logger LOG = Logger.getLogger(ServerStartAudit.class.getName());
    private static final String SYSTEM = "system";

    @EJB
    private AuditLog audit;

    @Inject
    private MasterKeyHolder keys;

    /** The start time while its record is still to be written. */
    private final AtomicReference<Instant> unrecordedStart = new AtomicReference<>();

    @PostConstruct
    void started() {
        unrecordedStart.set(Times.now());
        if (!keys.isSealed()) {
            recordStart();
        }
    }

    public void onUnsealed(@Observes Unsealed event) {
        recordStart();
    }

    @PreDestroy
    void stopping() {
        if (!keys.isSealed()) {
            record(AuditEvent.of("server.stop"));
        }
    }

    private void recordStart() {
        Instant startedAt = unrecordedStart.getAndSet(null);
        if (startedAt != null) {
            record(AuditEvent.of("server.start").detail("startedAt", startedAt));
        }
    }

    private void record(AuditEvent event) {
        try {
            audit.recordIndependently(event.actor(SYSTEM, ActorType.SYSTEM).detail("version", ProductVersion.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit " + event.operation(), e);
        }
    }
}
