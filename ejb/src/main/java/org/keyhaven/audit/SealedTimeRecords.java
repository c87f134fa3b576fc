package org.keyhaven.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids of the audit records this server wrote while sealed, when no key was available to authenticate them. The
 * chainer accepts exactly these records without an entry MAC; a record without one that is not listed here was
 * not written by this server and is refused. Bounded: past the bound new sealed-time records are still written,
 * but are then reported as unauthenticated instead of chained.
 */
@ApplicationScoped
public class SealedTimeRecords {

    private static final int MAX = 100_000;

    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    void add(Long id) {
        if (ids.size() < MAX) {
            ids.add(id);
        }
    }

    boolean remove(Long id) {
        return ids.remove(id);
    }
}
