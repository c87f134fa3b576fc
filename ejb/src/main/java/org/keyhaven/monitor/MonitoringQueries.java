package org.keyhaven.monitor;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.approval.ApprovalStatus;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.common.Times;
import org.keyhaven.key.KeyState;

/**
 * Counts for monitoring, open to every caller: JMX readers are WildFly management users and load balancers nobody at
 * all, not Keyhaven admins. Aggregates only (how many, never which or whose), read with count queries that load no
 * row, so they work while sealed. Outside any transaction, and they never throw: a database that does not answer
 * gives an empty answer (or -1), logged at FINE, so a polling monitor cannot fill the log or doom a caller's work.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonitoringQueries {

    private static final Logger LOG = Logger.getLogger(MonitoringQueries.class.getName());
    private static final int PING_TIMEOUT_MILLIS = 3000;

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    /** How many managed objects are in each lifecycle state (states without any are left out). */
    public Optional<Map<KeyState, Long>> keysByState() {
        return grouped("select k.state, count(k) from ManagedKey k group by k.state", KeyState.class);
    }

    /** How many clients are enabled ({@code ACTIVE}) and disabled. */
    public Optional<Map<ClientStatus, Long>> clientsByStatus() {
        return grouped("select c.status, count(c) from Client c group by c.status", ClientStatus.class);
    }

    /** Approval requests still open (pending and not expired); -1 when the database does not answer. */
    public long pendingApprovals() {
        try {
            return em.createQuery("select count(r) from ApprovalRequest r where r.status = :pending"
                    + " and r.expiresAt > :now", Long.class)
                    .setParameter("pending", ApprovalStatus.PENDING)
                    .setParameter("now", Times.now())
                    .getSingleResult();
        } catch (RuntimeException e) {
            return unanswered("pending approvals", e);
        }
    }

    /** The sequence number of the last chained audit record (0 for an empty trail); -1 when unknown. */
    public long auditHeadSequence() {
        try {
            List<Long> heads = em.createQuery("select h.lastSeq from AuditHead h", Long.class).getResultList();
            return heads.isEmpty() ? 0 : heads.get(0);
        } catch (RuntimeException e) {
            return unanswered("the audit head", e);
        }
    }

    /** Whether the database answers a trivial query within a few seconds. */
    public boolean databaseAnswers() {
        try {
            em.createNativeQuery("SELECT 1").setHint("jakarta.persistence.query.timeout", PING_TIMEOUT_MILLIS)
                    .getSingleResult();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the database does not answer", e);
            return false;
        }
    }

    private <K extends Enum<K>> Optional<Map<K, Long>> grouped(String jpql, Class<K> type) {
        try {
            Map<K, Long> counts = new EnumMap<>(type);
            for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
                counts.put(type.cast(row[0]), ((Number) row[1]).longValue());
            }
            return Optional.of(counts);
        } catch (RuntimeException e) {
            unanswered(jpql, e);
            return Optional.empty();
        }
    }

    private static long unanswered(String what, RuntimeException e) {
        LOG.log(Level.FINE, "monitoring could not read " + what, e);
        return -1;
    }
}
