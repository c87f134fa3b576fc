package org.keyhaven.seal;

import jakarta.enterprise.context.ApplicationScoped;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Holds the unsealed key hierarchy, or nothing while Keyhaven is sealed. Every key operation starts with
 * {@link #ring()}, which refuses while sealed.
 */
@ApplicationScoped
public class MasterKeyHolder {

    private volatile MasterKeyRing ring;

    public MasterKeyRing ring() {
        MasterKeyRing current = ring;
        if (current == null) {
            throw new KeyhavenException(ErrorCode.SEALED, "Keyhaven is sealed; key operations are unavailable");
        }
        return current;
    }

    public boolean isSealed() {
        return ring == null;
    }

    void install(MasterKeyRing newRing) {
        ring = newRing;
    }

    /** Forgets and wipes the ring. */
    void clear() {
        MasterKeyRing old = ring;
        ring = null;
        if (old != null) {
            old.destroy();
        }
    }
}
