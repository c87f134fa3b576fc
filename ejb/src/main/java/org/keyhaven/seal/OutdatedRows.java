package org.keyhaven.seal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of an entity with an {@code mkVersion} column that are still protected under another master key version
 * than the current one: what a {@link RewrapParticipant} counts and re-wraps, batch by batch.
 */
public final class OutdatedRows {

    private OutdatedRows() {
    }

    public static long count(EntityManager em, List<Class<?>> entities, int currentVersion) {
        long outdated = 0;
        for (Class<?> entity : entities) {
            outdated += em.createQuery("select count(r) from " + entity.getSimpleName()
                    + " r where r.mkVersion <> :current", Long.class).setParameter("current", currentVersion)
                    .getSingleResult();
        }
        return outdated;
    }

    public static <T> List<T> batch(EntityManager em, Class<T> entity, int currentVersion, int max) {
        return max <= 0 ? List.of() : em.createQuery("select r from " + entity.getSimpleName()
                + " r where r.mkVersion <> :current", entity).setParameter("current", currentVersion)
                .setMaxResults(max).getResultList();
    }

    /**
     * Re-protects up to {@code max} outdated rows of the entities under the ring's current version, each by
     * {@code rewrap} (a change of mkVersion makes the row dirty), and flushes.
     *
     * @return the number of rows done
     */
    public static int rewrapBatch(EntityManager em, List<Class<? extends ProtectedRow>> entities, MasterKeyRing ring,
            int max, Consumer<ProtectedRow> rewrap) {
        int done = 0;
        for (Class<? extends ProtectedRow> type : entities) {
            for (ProtectedRow row : batch(em, type, ring.currentVersion(), max - done)) {
                rewrap.accept(row);
                done++;
            }
        }
        em.flush();
        return done;
    }
}
