package org.keyhaven.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Admin users in the database. A session bean that joins the caller's transaction (a CDI bean with
 * {@code @PersistenceContext} races the persistence unit's start when WildFly redeploys the EAR).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AdminUserRepository {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    public Optional<AdminUser> findByUsername(String username) {
        return em.createQuery("select u from AdminUser u where u.username = :username", AdminUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /**
     * The user, locked for the rest of the transaction: concurrent logins of one user queue here, so failed attempts
     * are counted exactly (no lost update can let a brute force slip past the lockout).
     */
    public Optional<AdminUser> findByUsernameForUpdate(String username) {
        return em.createQuery("select u from AdminUser u where u.username = :username", AdminUser.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public AdminUser get(String id) {
        AdminUser user = id == null ? null : em.find(AdminUser.class, id);
        if (user == null) {
            throw new KeyhavenException(ErrorCode.USER_NOT_FOUND, "no user '" + Texts.printable(id, 60) + "'",
                    id != null && id.length() <= 64 ? id : null);
        }
        return user;
    }

    public AdminUser getByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new KeyhavenException(ErrorCode.USER_NOT_FOUND,
                "no user '" + Texts.printable(username, 60) + "'"));
    }

    public List<AdminUser> all() {
        return em.createQuery("select u from AdminUser u order by u.username", AdminUser.class).getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from AdminUser u", Long.class).getSingleResult();
    }

    public long countEnabledWithRole(Role role) {
        return em.createQuery("select count(u) from AdminUser u join u.roles r where r = :role and u.enabled = true",
                Long.class).setParameter("role", role).getSingleResult();
    }

    public void add(AdminUser user) {
        em.persist(user);
        em.flush();
    }
}
