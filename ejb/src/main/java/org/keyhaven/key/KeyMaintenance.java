package org.keyhaven.key;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.common.Times;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;

/**
 * What happens to keys by themselves: activation and deactivation dates, scheduled rotation. Each key is handled
 * in its own transaction, audited with the actor {@code system}. Not reachable from any API.
 */
@Stateless
@PermitAll
public class KeyMaintenance {

    static final String SYSTEM = "system";
    private static final int MAX_PER_RUN = 1000;

    @Inject
    private KeyRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private AuditLog audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> dueKeyIds() {
        return repository.idsWithDueDates(Times.now(), MAX_PER_RUN);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void applyDue(String id) {
        MasterKeyRing ring = keys.ring();
        ManagedKey key = repository.getForUpdate(id);
        Instant now = Times.now();
        for (LifecycleEvent event : key.applyDates(now)) {
            repository.flush(key);
            audit.record(AuditEvent.of(event == LifecycleEvent.ACTIVATE ? "key.activate" : "key.deactivate")
                    .object(key.id(), key.currentVersion()).detail("trigger", "date").detail("state", key.state())
                    .actor(SYSTEM, ActorType.SYSTEM));
        }
        if (key.isRotationDue(now)) {
            key.rotate(KeyMaterials.generateWrapped(ring, key.id(), key.nextVersionNumber(), key.spec()), now);
            repository.flush(key);
            audit.record(AuditEvent.of("key.rotate").object(key.id(), key.currentVersion())
                    .detail("trigger", "schedule").detail("state", key.state()).actor(SYSTEM, ActorType.SYSTEM));
        }
    }
}
