package org.keyhaven.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import jakarta.inject.Inject;
import org.keyhaven.access.Roles;
import org.keyhaven.common.Times;
import org.keyhaven.monitor.LastAuditVerification;
import org.keyhaven.seal.MasterKeyHolder;

/** Reading and verifying the audit trail: auditors and security administrators. */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN})
public class AuditService {

    public static final int MAX_PAGE = 1000;
    private static final int VERIFY_PAGE = 1000;

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @EJB
    private AuditChainer chainer;

    @EJB
    private AuditLog auditLog;

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private LastAuditVerification lastVerification;

    /** Chained records with {@code seq > afterSeq}, in chain order, optionally only those about one object. */
    public List<AuditEntry> page(long afterSeq, int limit, String objectId) {
        chainer.chainPending();
        String jpql = "select r from AuditRecord r where r.seq > :after"
                + (objectId != null ? " and r.objectId = :object" : "") + " order by r.seq";
        TypedQuery<AuditRecord> query = em.createQuery(jpql, AuditRecord.class)
                .setParameter("after", afterSeq)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)));
        if (objectId != null) {
            query.setParameter("object", objectId);
        }
        return query.getResultList().stream().map(AuditRecord::toEntry).toList();
    }

    /**
     * Verifies the whole chain against the head, streaming it page by page, as one consistent snapshot. The
     * verification itself is audited, with its result.
     */
    /**
     * The newest chained records that match, newest first, with sequence numbers below {@code beforeSeq} (null: from
     * the newest). Crypto officers read the trail too (a key's history on its page).
     */
    @RolesAllowed({Roles.AUDITOR, Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER})
    public List<AuditEntry> search(AuditFilter filter, Long beforeSeq, int limit) {
        chainer.chainPending();
        StringBuilder jpql = new StringBuilder("select r from AuditRecord r where r.seq > 0");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        criterion(jpql, parameters, "r.seq < :before", "before", beforeSeq);
        criterion(jpql, parameters, "r.occurredAt >= :from", "from", filter.from());
        criterion(jpql, parameters, "r.occurredAt < :to", "to", filter.to());
        criterion(jpql, parameters, "r.actor = :actor", "actor", filter.actor());
        criterion(jpql, parameters, "r.objectId = :object", "object", filter.objectId());
        criterion(jpql, parameters, "r.outcome = :outcome", "outcome", filter.outcome());
        if (filter.operationIsPrefix()) {
            criterion(jpql, parameters, "r.operation like :operation escape '!'", "operation",
                    filter.operation().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        } else {
            criterion(jpql, parameters, "r.operation = :operation", "operation", filter.operation());
        }
        TypedQuery<AuditRecord> query = em.createQuery(jpql.append(" order by r.seq desc").toString(),
                AuditRecord.class).setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)));
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(AuditRecord::toEntry).toList();
    }

    private static void criterion(StringBuilder jpql, java.util.Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AuditVerification verify() {
        chainer.chainPending();
        // the head stays locked until the verification ends: the chainer cannot move it (and chain more records)
        // meanwhile, so the records read are exactly those the head describes
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        ChainVerification chain = new AuditChain(keys.ring().auditKey())
                .verify(new ChainIterator(), head == null ? null : head.toChainHead());
        long refused = em.createQuery("select count(r) from AuditRecord r where r.seq < 0", Long.class)
                .getSingleResult();
        long pending = em.createQuery("select count(r) from AuditRecord r where r.seq is null", Long.class)
                .getSingleResult();
        AuditVerification result = new AuditVerification(chain.intact() && refused == 0, chain.recordsChecked(),
                chain.lastSeq(), refused, pending, chain.problemCount(), chain.problems());
        lastVerification.record(result.intact(), Times.now());
        auditLog.record(AuditEvent.of("audit.verify")
                .outcome(result.intact() ? Outcome.SUCCESS : Outcome.FAILED, result.intact() ? null : "chain-broken")
                .detail("checked", chain.recordsChecked()).detail("problems", chain.problemCount())
                .detail("refused", refused));
        return result;
    }

    /** Walks the chained records in seq order, one page in memory at a time. */
    private final class ChainIterator implements Iterator<StoredRecord> {

        private long after = 0;
        private Iterator<AuditRecord> page = List.<AuditRecord>of().iterator();
        private boolean exhausted;

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                em.clear();
                List<AuditRecord> next = em.createQuery(
                        "select r from AuditRecord r where r.seq > :after order by r.seq", AuditRecord.class)
                        .setParameter("after", after)
                        .setMaxResults(VERIFY_PAGE)
                        .getResultList();
                exhausted = next.size() < VERIFY_PAGE;
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public StoredRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredRecord record = page.next().stored();
            after = record.seq();
            return record;
        }
    }
}
