package org.keyhaven.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.common.Times;

/**
 * First start: creates the security administrator {@code admin} with a random one-time password, written once to the
 * server log on a line containing "Keyhaven initial administrator password". Until it is changed, the account can do
 * nothing else. Later starts do nothing.
 */
@Singleton
@Startup
@DependsOn("SealService")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class AdminBootstrap {

    public static final String INITIAL_ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    private AdminUserRepository users;

    @Inject
    private PasswordHashing hashing;

    @EJB
    private AuditLog audit;

    @PostConstruct
    void createInitialAdministrator() {
        if (users.count() > 0) {
            return;
        }
        char[] password = OneTimePasswords.generate();
        try {
            AdminUser admin = new AdminUser(UUID.randomUUID().toString(), INITIAL_ADMIN,
                    EnumSet.of(Role.SECURITY_ADMIN), hashing.hash(password), "system", Times.now());
            users.add(admin);
            audit.record(AuditEvent.of("user.create").object(admin.id()).detail("username", INITIAL_ADMIN)
                    .detail("roles", admin.roles()).actor("system", ActorType.SYSTEM));
            // The one place a password is logged, by design (DESIGN.md section 11): once, one-time, must be changed.
            LOG.warning("Keyhaven initial administrator password: " + new String(password)
                    + "  (user '" + INITIAL_ADMIN + "'; one-time: change it with POST /api/v1/users/me/password)");
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
