package org.keyhaven.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.keyhaven.seal.MasterKeyHolder;

/** Persists an audit record with its entry MAC (or, while sealed, notes it as written while sealed). */
@ApplicationScoped
public class AuditRecordPersister {

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private SealedTimeRecords sealedTimeRecords;

    void persist(EntityManager em, AuditRecord record) {
        em.persist(record);
        if (keys.isSealed()) {
            sealedTimeRecords.add(record.id());
        } else {
            record.authenticate(AuditEntryMac.compute(keys.ring().auditKey(), record.content()));
        }
    }
}
