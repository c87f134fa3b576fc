package org.keyhaven.client;

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
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.RewrapParticipant;

/**
 * Master key rotation for application access: re-wraps CA private keys and re-MACs CA, client, certificate and grant
 * rows, batch by batch, so that retiring the old master key version leaves every row readable.
 */
@Stateless
@PermitAll
public class ClientRewrap implements RewrapParticipant {

    private static final List<Class<? extends ProtectedRow>> ROWS = List.of(CertificateAuthority.class,
            Client.class, ClientCertificate.class, Grant.class);

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @Inject
    private MasterKeyHolder keys;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long countOutdated(int currentVersion) {
        return OutdatedRows.count(em, List.copyOf(ROWS), currentVersion);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrapBatch(int max) {
        MasterKeyRing ring = keys.ring();
        int done = 0;
        for (Class<? extends ProtectedRow> type : ROWS) {
            for (ProtectedRow row : OutdatedRows.batch(em, type, ring.currentVersion(), max - done)) {
                if (row instanceof CertificateAuthority ca) {
                    ca.rewrap(ring);
                } else {
                    // re-MACed under the current master key; its change of mkVersion makes the row dirty
                    row.protectWith(ring);
                }
                done++;
            }
        }
        em.flush();
        return done;
    }
}
