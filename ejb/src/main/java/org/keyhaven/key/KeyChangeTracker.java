package org.keyhaven.key;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.keyhaven.common.AfterCommit;

/**
 * JPA listener of {@link ManagedKey}: the one place where key changes are announced, whichever path made them (key
 * service, lifecycle timer, KMIP, approved operations). When a key row is written with a change of state, versions
 * or policy (the aggregate marks those), it fires {@link KeyChanged} once the transaction has committed, never if it
 * rolls back. Rows written for other reasons (custom attributes, master key rotation) announce nothing. A key written
 * twice in one transaction is announced twice; listeners only drop copies, so that is harmless.
 */
public class KeyChangeTracker {

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private Event<KeyChanged> changes;

    @PostPersist
    @PostUpdate
    void written(ManagedKey key) {
        if (key.takeChange()) {
            KeyChanged change = new KeyChanged(key.id(), key.name());
            afterCommit.run(() -> changes.fire(change));
        }
    }
}
