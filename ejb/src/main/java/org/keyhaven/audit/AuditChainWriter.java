package org.keyhaven.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Chains one batch of committed, not yet chained audit records, in id order, in one transaction under a lock on
 * the chain head (so several servers sharing a database still build one chain).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditChainWriter {

    private static final Logger LOG = Logger.getLogger(AuditChainWriter.class.getName());
    static final String SYSTEM_ACTOR = "system";

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private SealedTimeRecords sealedTimeRecords;

    @EJB
    private AuditWriter writer;

    /** Creates the chain head at first start. */
    public void createHeadIfAbsent() {
        if (em.find(AuditHead.class, AuditHead.ID) == null) {
            em.persist(AuditHead.genesis(Times.now()));
        }
    }

    /**
     * Chains up to {@code max} pending records. A record without a valid entry MAC (not written by Keyhaven) is not
     * chained but marked refused (negative seq), and its refusal is itself audited.
     */
    public BatchResult chainBatch(int max) {
        SecretBytes auditKey = keys.ring().auditKey();
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditRecord> pending = em.createQuery(
                "select r from AuditRecord r where r.seq is null order by r.id", AuditRecord.class)
                .setMaxResults(max)
                .getResultList();
        AuditChain chain = new AuditChain(auditKey);
        long seq = head.lastSeq();
        byte[] prev = head.lastMac();
        List<AuditRecord> refused = new ArrayList<>();
        for (AuditRecord record : pending) {
            AuditContent content = record.content();
            boolean writtenBySealedServer = record.entryMac() == null && sealedTimeRecords.remove(record.id());
            if (!writtenBySealedServer && !AuditEntryMac.matches(auditKey, content, record.entryMac())) {
                refused.add(record);
                continue;
            }
            byte[] mac = chain.link(prev, content);
            record.chain(++seq, prev, mac);
            prev = mac;
        }
        head.advance(seq, prev, Times.now());
        for (AuditRecord record : refused) {
            record.refuse();
            LOG.severe(() -> "SECURITY: audit record id " + record.id() + " was not written by Keyhaven (no valid entry"
                    + " MAC); it is not chained");
            writer.insert(new AuditRecord(AuditEvent.of("audit.record-refused").object(String.valueOf(record.id()))
                    .outcome(Outcome.FAILED, ErrorCode.INTEGRITY_VIOLATION.slug()), SYSTEM_ACTOR, ActorType.SYSTEM,
                    null, null, Times.now()));
        }
        return new BatchResult(pending.size(), pending.size() - refused.size());
    }

    /** What one batch did. */
    public record BatchResult(int examined, int chained) {
    }
}
