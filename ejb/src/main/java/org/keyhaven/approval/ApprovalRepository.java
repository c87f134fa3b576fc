package org.keyhaven.approval;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.system.SystemSettings;

/**
 * Approval requests and the policy in the database. Until a security administrator sets a policy, a PRODUCTION
 * server is under {@link ApprovalPolicy#dualControl()} and any other under {@link ApprovalPolicy#singleControl()}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApprovalRepository {

    static final String PRODUCTION = "PRODUCTION";

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @EJB
    private SystemSettings settings;

    public ApprovalPolicy policy() {
        ApprovalPolicyRecord stored = em.find(ApprovalPolicyRecord.class, ApprovalPolicyRecord.ID);
        if (stored != null) {
            return stored.policy();
        }
        return PRODUCTION.equals(settings.environmentLabel()) ? ApprovalPolicy.dualControl()
                : ApprovalPolicy.singleControl();
    }

    public void savePolicy(ApprovalPolicy policy, String by, Instant now) {
        ApprovalPolicyRecord stored = em.find(ApprovalPolicyRecord.class, ApprovalPolicyRecord.ID);
        if (stored == null) {
            em.persist(new ApprovalPolicyRecord(policy, by, now));
        } else {
            stored.change(policy, by, now);
        }
        em.flush();
    }

    public void add(ApprovalRequest request) {
        em.persist(request);
        em.flush();
    }

    public ApprovalRequest get(String id) {
        ApprovalRequest request = id == null || id.length() > 64 ? null : em.find(ApprovalRequest.class, id);
        if (request == null) {
            throw new KeyhavenException(ErrorCode.APPROVAL_NOT_FOUND, "no approval request '"
                    + org.keyhaven.common.Texts.printable(id, 64) + "'");
        }
        return request;
    }

    /** Writes the request now, so that a concurrent decision on it fails here, before anything is executed. */
    public void flush() {
        em.flush();
    }

    /** Newest first; pending only, or all. */
    public List<ApprovalRequest> list(boolean pendingOnly, int offset, int limit) {
        TypedQuery<ApprovalRequest> query = em.createQuery(pendingOnly
                ? "select r from ApprovalRequest r where r.status = :pending order by r.requestedAt desc, r.id"
                : "select r from ApprovalRequest r order by r.requestedAt desc, r.id", ApprovalRequest.class);
        if (pendingOnly) {
            query.setParameter("pending", ApprovalStatus.PENDING);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
