package org.keyhaven.monitor.syslog;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditRecord;
import org.keyhaven.audit.Outcome;
import org.keyhaven.common.ErrorCode;

/**
 * The database side of forwarding: each call is its own short transaction, so that no transaction is held while
 * the forwarder waits on the network. Only chained records (sequence number above 0) are read, in chain order.
 */
@Stateless
@Local(DeliveryStore.class)
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyslogStore implements DeliveryStore {

    static final String SYSTEM_ACTOR = "system";

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /** Every destination's id, without loading (or checking) the rows. */
    public List<String> destinationIds() {
        return em.createQuery("select d.id from SyslogDestination d", String.class).getResultList();
    }

    @Override
    public Optional<DestinationState> load(String id) {
        return Optional.ofNullable(em.find(SyslogDestination.class, id)).map(SyslogDestination::state);
    }

    @Override
    public long head() {
        return head(em);
    }

    /** The sequence number of the last chained audit record, from the chain head (0 before the first). */
    static long head(EntityManager em) {
        return em.createQuery("select h.lastSeq from AuditHead h", Long.class).getResultStream().findFirst()
                .orElse(0L);
    }

    @Override
    public List<AuditEntry> after(long after, int max) {
        return em.createQuery("select r from AuditRecord r where r.seq > :after order by r.seq", AuditRecord.class)
                .setParameter("after", Math.max(0, after))
                .setMaxResults(max)
                .getResultList().stream().map(AuditRecord::toEntry).toList();
    }

    @Override
    public void delivered(String id, long seq, Instant at) {
        SyslogDestination destination = em.find(SyslogDestination.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (destination != null) {
            destination.delivered(seq, at);
        }
    }

    @Override
    public void failed(String id, String error) {
        SyslogDestination destination = em.find(SyslogDestination.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (destination != null) {
            destination.failed(error);
        }
    }

    @Override
    public void backlogAlarm(String id, String name, long backlog, long threshold, boolean raised) {
        audit.record(AuditEvent.of("syslog.backlog").object(id)
                .outcome(raised ? Outcome.FAILED : Outcome.SUCCESS, raised ? "backlog-alarm" : null)
                .detail("name", name).detail("backlog", backlog).detail("threshold", threshold)
                .detail("alarm", raised ? "raised" : "cleared").actor(SYSTEM_ACTOR, ActorType.SYSTEM));
    }

    @Override
    public void refused(String id) {
        audit.record(AuditEvent.of("syslog.destination.refused").object(id)
                .failed(ErrorCode.INTEGRITY_VIOLATION).actor(SYSTEM_ACTOR, ActorType.SYSTEM));
    }
}
