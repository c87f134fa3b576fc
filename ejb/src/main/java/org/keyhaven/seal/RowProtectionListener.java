package org.keyhaven.seal;

import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** JPA listener that MACs {@link RowProtected} rows on every write and checks them on every load. */
public class RowProtectionListener {

    @Inject
    private MasterKeyHolder keys;

    @PrePersist
    @PreUpdate
    void protect(Object row) {
        ((RowProtected) row).protectWith(keys.ring());
    }

    @PostLoad
    void verify(Object row) {
        ((RowProtected) row).verifyWith(keys.ring());
    }
}
