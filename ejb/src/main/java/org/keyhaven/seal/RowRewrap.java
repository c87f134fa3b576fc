package org.keyhaven.seal;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * A {@link RewrapParticipant} for entities that are {@link ProtectedRow}s: counts and re-protects their outdated
 * rows, batch by batch, each by {@link #rewrap} (a re-MAC unless the subclass has material to re-wrap too).
 */
public abstract class RowRewrap implements RewrapParticipant {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @Inject
    private MasterKeyHolder keys;

    /** The entities, in the order their rows are done. */
    protected abstract List<Class<? extends ProtectedRow>> rows();

    /** Protects the row under the ring's current version; its change of mkVersion makes the row dirty. */
    protected void rewrap(ProtectedRow row, MasterKeyRing ring) {
        row.protectWith(ring);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long countOutdated(int currentVersion) {
        return OutdatedRows.count(em, List.copyOf(rows()), currentVersion);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrapBatch(int max) {
        MasterKeyRing ring = keys.ring();
        return OutdatedRows.rewrapBatch(em, rows(), ring, max, row -> rewrap(row, ring));
    }
}
