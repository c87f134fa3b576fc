package org.keyhaven.key;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.OutdatedRows;
import org.keyhaven.seal.RewrapParticipant;

/** Master key rotation for managed keys: re-wraps version material and re-MACs key rows, batch by batch. */
@Stateless
@PermitAll
public class KeyRewrap implements RewrapParticipant {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @Inject
    private MasterKeyHolder keys;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long countOutdated(int currentVersion) {
        return OutdatedRows.count(em, List.of(KeyVersion.class, ManagedKey.class), currentVersion);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrapBatch(int max) {
        MasterKeyRing ring = keys.ring();
        int current = ring.currentVersion();
        List<KeyVersion> versions = OutdatedRows.batch(em, KeyVersion.class, current, max);
        versions.forEach(version -> version.rewrap(ring));
        List<ManagedKey> rows = OutdatedRows.batch(em, ManagedKey.class, current, max);
        // re-MACed under the current master key; its change of mkVersion makes the row dirty, so it is written
        rows.forEach(key -> key.protectWith(ring));
        em.flush();
        return versions.size() + rows.size();
    }
}
