package org.keyhaven.key;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Managed keys in the database. {@code find*} return {@link Optional}; {@code get*} throw key-not-found. Rows are
 * integrity-checked on load by their listener. A session bean that joins the caller's transaction (a CDI bean with
 * {@code @PersistenceContext} races the persistence unit's start when WildFly redeploys the EAR).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class KeyRepository {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    public Optional<ManagedKey> findById(String id) {
        return id != null && UUID.matcher(id).matches()
                ? Optional.ofNullable(em.find(ManagedKey.class, id.toLowerCase(java.util.Locale.ROOT)))
                : Optional.empty();
    }

    public Optional<ManagedKey> findByName(String name) {
        return em.createQuery("select k from ManagedKey k where k.name = :name", ManagedKey.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** By id when the text is a UUID, else by exact name. */
    public ManagedKey get(String idOrName) {
        Optional<ManagedKey> key = idOrName != null && UUID.matcher(idOrName).matches()
                ? findById(idOrName) : findByName(idOrName);
        return key.orElseThrow(() -> notFound(idOrName));
    }

    /** By id, locked against concurrent change for the rest of the transaction. */
    public ManagedKey getForUpdate(String id) {
        ManagedKey key = findById(id).orElseThrow(() -> notFound(id));
        em.lock(key, LockModeType.PESSIMISTIC_WRITE);
        return key;
    }

    public void add(ManagedKey key) {
        em.persist(key);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, "UK_MANAGED_KEY_NAME")) {
                throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "a key named '" + key.name() + "' exists");
            }
            throw e;
        }
    }

    /** Writes pending changes now, so conflicts surface inside the service method. */
    public void flush(ManagedKey key) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new KeyhavenException(ErrorCode.CONCURRENT_MODIFICATION,
                    "key " + key.id() + " was changed concurrently; retry", key.id(), e);
        }
    }

    /** How many keys are in each state (states with no key are absent). */
    public java.util.Map<KeyState, Long> countByState() {
        java.util.Map<KeyState, Long> counts = new java.util.EnumMap<>(KeyState.class);
        for (Object[] row : em.createQuery("select k.state, count(k) from ManagedKey k group by k.state",
                Object[].class).getResultList()) {
            counts.put((KeyState) row[0], (Long) row[1]);
        }
        return counts;
    }

    public KeyPage list(KeyQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.name() != null) {
            where.append(" and k.name like :name escape '!'");
        }
        if (query.state() != null) {
            where.append(" and k.state = :state");
        }
        TypedQuery<ManagedKey> page = em.createQuery("select k from ManagedKey k" + where + " order by k.name",
                ManagedKey.class);
        TypedQuery<Long> count = em.createQuery("select count(k) from ManagedKey k" + where, Long.class);
        for (TypedQuery<?> q : List.of(page, count)) {
            if (query.name() != null) {
                q.setParameter("name", likePrefix(query.name()));
            }
            if (query.state() != null) {
                q.setParameter("state", query.state());
            }
        }
        List<KeyView> items = page.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList()
                .stream().map(ManagedKey::toView).toList();
        return new KeyPage(items, count.getSingleResult(), query.offset(), query.limit());
    }

    /**
     * A page of the keys that match, newest first (KMIP Locate); null criteria match anything, an empty algorithm
     * set matches nothing.
     */
    public List<ManagedKey> matching(String name, Set<KeyAlgorithm> algorithms, KeyState state, int first, int max) {
        if (algorithms != null && algorithms.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (name != null) {
            where.append(" and k.name = :name");
        }
        if (algorithms != null) {
            where.append(" and k.algorithm in :algorithms");
        }
        if (state != null) {
            where.append(" and k.state = :state");
        }
        TypedQuery<ManagedKey> query = em.createQuery("select k from ManagedKey k" + where
                + " order by k.createdAt desc, k.id", ManagedKey.class);
        if (name != null) {
            query.setParameter("name", name);
        }
        if (algorithms != null) {
            query.setParameter("algorithms", algorithms);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Keys whose activation, deactivation or rotation time has come, for the lifecycle timer. */
    public List<String> idsWithDueDates(java.time.Instant now, int max) {
        return em.createQuery("select k.id from ManagedKey k where"
                + " (k.state = org.keyhaven.key.KeyState.PRE_ACTIVE and k.activationDate <= :now)"
                + " or (k.state in (org.keyhaven.key.KeyState.PRE_ACTIVE, org.keyhaven.key.KeyState.ACTIVE)"
                + " and k.deactivationDate <= :now)"
                + " or (k.state = org.keyhaven.key.KeyState.ACTIVE and k.nextRotationAt <= :now)"
                + " order by k.id", String.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** Whether a database constraint of that name caused the failure (H2 and PostgreSQL both name it). */
    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toUpperCase(java.util.Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static KeyhavenException notFound(String idOrName) {
        return new KeyhavenException(ErrorCode.KEY_NOT_FOUND, "no key '" + Texts.printable(idOrName, 80) + "'",
                idOrName != null && idOrName.length() <= 255 ? idOrName : null);
    }
}
