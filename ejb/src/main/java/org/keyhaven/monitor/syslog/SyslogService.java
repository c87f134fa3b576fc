package org.keyhaven.monitor.syslog;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.ca.CertificateFingerprint;
import org.keyhaven.ca.Pem;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Syslog destinations, configured by security administrators and read by auditors too. Each change commits with its
 * audit record. A new destination starts after the current head of the audit chain (the records that come from now
 * on, beginning with the record of its own creation) unless the request names an earlier first record. Deleting
 * needs no row check, so that a destination refused for a failed integrity check can be removed.
 */
@Stateless
@RolesAllowed(Roles.SECURITY_ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(RefusalAudit.class)
public class SyslogService {

    public static final long DEFAULT_BACKLOG_ALARM = 10_000;
    static final long MAX_BACKLOG_ALARM = 1_000_000_000L;
    /** Each destination has a forwarding thread; a handful is what real deployments use. */
    static final int MAX_DESTINATIONS = 16;

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Inject
    private MasterKeyHolder keys;

    @Resource
    private SessionContext context;

    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @AuditedOperation("syslog.destination.list")
    public List<SyslogDestinationView> list() {
        long head = SyslogStore.head(em);
        return em.createQuery("select d from SyslogDestination d order by d.name", SyslogDestination.class)
                .getResultList().stream().map(destination -> destination.toView(head)).toList();
    }

    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @AuditedOperation(value = "syslog.destination.read", object = 0)
    public SyslogDestinationView get(String id) {
        return find(id, LockModeType.NONE).toView(SyslogStore.head(em));
    }

    @AuditedOperation("syslog.destination.create")
    public SyslogDestinationView create(NewSyslogDestination request) {
        keys.ring();
        DestinationSpec spec = DestinationSpec.of(request.name(), request.transport(), request.host(),
                request.port(), request.format(), request.caPem());
        long alarm = request.backlogAlarm() == null ? DEFAULT_BACKLOG_ALARM : request.backlogAlarm();
        if (alarm < 1 || alarm > MAX_BACKLOG_ALARM) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "backlogAlarm is 1 to " + MAX_BACKLOG_ALARM);
        }
        long head = SyslogStore.head(em);
        long cursor = head;
        if (request.fromSequence() != null) {
            if (request.fromSequence() < 1 || request.fromSequence() > head + 1) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "fromSequence is 1 to " + (head + 1)
                        + " (the next record)");
            }
            cursor = request.fromSequence() - 1;
        }
        if (!em.createQuery("select d.id from SyslogDestination d where d.name = :name", String.class)
                .setParameter("name", spec.name()).getResultList().isEmpty()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "a syslog destination named '" + spec.name()
                    + "' exists");
        }
        if (em.createQuery("select count(d) from SyslogDestination d", Long.class).getSingleResult()
                >= MAX_DESTINATIONS) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "at most " + MAX_DESTINATIONS
                    + " syslog destinations");
        }
        SyslogDestination destination = new SyslogDestination(UUID.randomUUID().toString(), spec, cursor, alarm,
                context.getCallerPrincipal().getName(), Times.now());
        em.persist(destination);
        em.flush();
        audit.record(AuditEvent.of("syslog.destination.create").object(destination.id())
                .detail("name", spec.name()).detail("address", spec.address()).detail("format", spec.format())
                .detail("ca", spec.caPem() == null ? null : Pem.certificates(spec.caPem()).stream()
                        .map(certificate -> CertificateFingerprint.of(certificate).hex()).toList())
                .detail("firstSequence", cursor + 1).detail("backlogAlarm", alarm));
        return destination.toView(head);
    }

    /** Stopping a destination keeps its cursor: enabled again, it gets everything it missed. */
    @AuditedOperation(value = "syslog.destination.change", object = 0)
    public SyslogDestinationView setEnabled(String id, boolean enabled) {
        keys.ring();
        SyslogDestination destination = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (destination.setEnabled(enabled)) {
            em.flush();
            audit.record(AuditEvent.of("syslog.destination.change").object(id).detail("name", destination.name())
                    .detail("enabled", enabled));
        }
        return destination.toView(SyslogStore.head(em));
    }

    @AuditedOperation(value = "syslog.destination.delete", object = 0)
    public void delete(String id) {
        keys.ring();
        List<String> names = em.createQuery("select d.name from SyslogDestination d where d.id = :id", String.class)
                .setParameter("id", id).getResultList();
        if (names.isEmpty()) {
            throw notFound(id);
        }
        em.createQuery("delete from SyslogDestination d where d.id = :id").setParameter("id", id).executeUpdate();
        audit.record(AuditEvent.of("syslog.destination.delete").object(id).detail("name", names.get(0)));
    }

    /**
     * Every destination's backlog, for monitoring; callable by anyone in the server (JMX), answers while sealed.
     * The rows are read without their integrity check: these numbers decide nothing.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DestinationBacklog> backlogs() {
        long head = SyslogStore.head(em);
        return em.createQuery("select d.id, d.name, d.enabled, d.cursorSeq, d.backlogAlarm, d.lastSentAt,"
                + " d.lastError from SyslogDestination d order by d.name", Object[].class).getResultList().stream()
                .map(row -> new DestinationBacklog((String) row[0], (String) row[1], (Boolean) row[2], (Long) row[3],
                        Math.max(0, head - (Long) row[3]), (Long) row[4], (Instant) row[5], (String) row[6]))
                .toList();
    }

    private SyslogDestination find(String id, LockModeType lock) {
        SyslogDestination destination = id == null ? null : em.find(SyslogDestination.class, id, lock);
        if (destination == null) {
            throw notFound(id);
        }
        return destination;
    }

    private static KeyhavenException notFound(String id) {
        return new KeyhavenException(ErrorCode.NOT_FOUND, "no syslog destination '" + Texts.printable(id, 60) + "'",
                id != null && id.length() <= 64 ? id : null);
    }
}
