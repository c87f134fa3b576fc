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
        return em.createQuery("select count(v) from KeyVersion v where v.mkVersion <> :current", Long.class)
                .setParameter("current", currentVersion).getSingleResult()
                + em.createQuery("select count(k) from ManagedKey k where k.mkVersion <> :current", Long.class)
                .setParameter("current", currentVersion).getSingleResult();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrapBatch(int max) {
        MasterKeyRing ring = keys.ring();
        int current = ring.currentVersion();
        List<KeyVersion> versions = em.createQuery("select v from KeyVersion v where v.mkVersion <> :current",
                KeyVersion.class).setParameter("current", current).setMaxResults(max).getResultList();
        versions.forEach(version -> version.rewrap(ring));
        List<ManagedKey> rows = em.createQuery("select k from ManagedKey k where k.mkVersion <> :current",
                ManagedKey.class).setParameter("current", current).setMaxResults(max).getResultList();
        // re-MACed under the current master key; its change of mkVersion makes the row dirty, so it is written
        rows.forEach(key -> key.protectWith(ring));
        em.flush();
        return versions.size() + rows.size();
    }
}
