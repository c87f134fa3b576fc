package org.keyhaven.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.Outcome;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;

/**
 * Checks admin credentials for every entry point (HTTP Basic on the management API, the admin UI's login form).
 * Unknown users cost the same time as wrong passwords. After {@value #MAX_ATTEMPTS_PROPERTY} (default 5) consecutive
 * failures the account locks for {@value #LOCK_MINUTES_PROPERTY} minutes (default 15). Every failure, every lockout
 * and every fresh login (not a cached one) is audited; the failure count commits even though the login fails.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AdminAuthenticator {

    public static final String MAX_ATTEMPTS_PROPERTY = "keyhaven.login.max-attempts";
    public static final String LOCK_MINUTES_PROPERTY = "keyhaven.login.lock-minutes";

    @Inject
    private AdminUserRepository users;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private CredentialCache cache;

    @EJB
    private AuditLog audit;

    public LoginResult login(String username, char[] password) {
        Instant now = Times.now();
        if (username == null || username.isEmpty() || username.length() > 64 || password == null) {
            return LoginResult.failed(LoginResult.Status.INVALID_CREDENTIALS, null);
        }
        Optional<LoginResult> cached = cache.lookup(username, password, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<AdminUser> found = users.findByUsernameForUpdate(username);
        if (found.isEmpty() || !found.get().enabled()) {
            hashing.verifyDummy(password);
            audit.record(attempt(username).failed(ErrorCode.UNAUTHORIZED)
                    .detail("cause", found.isEmpty() ? "unknown user" : "disabled"));
            return LoginResult.failed(LoginResult.Status.INVALID_CREDENTIALS, null);
        }
        AdminUser user = found.get();
        Optional<LoginResult> verifiedMeanwhile = cache.lookup(username, password, now);
        if (verifiedMeanwhile.isPresent()) {
            return verifiedMeanwhile.get();
        }
        if (user.isLocked(now)) {
            audit.record(attempt(username).outcome(Outcome.DENIED, ErrorCode.ACCOUNT_LOCKED.slug()));
            return LoginResult.failed(LoginResult.Status.LOCKED, username);
        }
        if (!hashing.verify(password, user.passwordHash())) {
            boolean locked = user.recordFailedLogin(Integer.getInteger(MAX_ATTEMPTS_PROPERTY, 5),
                    Duration.ofMinutes(Long.getLong(LOCK_MINUTES_PROPERTY, 15L)), now);
            audit.record(attempt(username).failed(ErrorCode.UNAUTHORIZED).detail("cause", "wrong password"));
            if (locked) {
                cache.invalidate(username);
                audit.record(AuditEvent.of("user.lockout").object(user.id()).detail("username", username)
                        .outcome(Outcome.SUCCESS, null).actor("system", ActorType.SYSTEM));
                return LoginResult.failed(LoginResult.Status.LOCKED, username);
            }
            return LoginResult.failed(LoginResult.Status.INVALID_CREDENTIALS, null);
        }
        user.recordSuccessfulLogin(now);
        if (hashing.needsRehash(user.passwordHash())) {
            user.upgradeHash(hashing.hash(password));
        }
        LoginResult result = new LoginResult(LoginResult.Status.SUCCESS, username, containerRoles(user));
        audit.record(AuditEvent.of("user.login").actor(username, ActorType.USER).object(user.id())
                .detail("passwordChangeRequired", user.mustChangePassword()));
        cache.put(username, password, result, now);
        return result;
    }

    /**
     * The roles an admin holds now, for a login session that continues (the admin UI checks on every request): none
     * when the user was disabled, locked or removed since, so a session ends with the account's rights.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Set<String>> currentRoles(String username) {
        return users.findByUsername(username)
                .filter(user -> user.enabled() && !user.isLocked(Times.now()))
                .map(AdminAuthenticator::containerRoles);
    }

    static Set<String> containerRoles(AdminUser user) {
        if (user.mustChangePassword()) {
            return Set.of(Roles.PASSWORD_CHANGE_REQUIRED);
        }
        return user.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    private static AuditEvent attempt(String username) {
        return AuditEvent.of("user.login").actor(Texts.printable(username, 64), ActorType.ANONYMOUS);
    }
}
