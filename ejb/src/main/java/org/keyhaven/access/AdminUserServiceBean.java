package org.keyhaven.access;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;

@Stateless
@RolesAllowed(Roles.SECURITY_ADMIN)
@Interceptors(RefusalAudit.class)
public class AdminUserServiceBean implements AdminUserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @Inject
    private AdminUserRepository users;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private CredentialCache cache;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    @Override
    @AuditedOperation("user.create")
    public CreatedUser create(String username, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "username '" + Texts.printable(username, 70)
                    + "' must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        SeparationOfDuties.check(roles);
        if (users.findByUsername(username).isPresent()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_USER, "user '" + username + "' exists");
        }
        char[] password = OneTimePasswords.generate();
        Instant now = Times.now();
        AdminUser user = new AdminUser(UUID.randomUUID().toString(), username, roles, hashing.hash(password),
                caller(), now);
        users.add(user);
        audit.record(AuditEvent.of("user.create").object(user.id()).detail("username", username)
                .detail("roles", roles));
        return new CreatedUser(user.toView(now), password);
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public List<AdminUserView> list() {
        Instant now = Times.now();
        return users.all().stream().map(user -> user.toView(now)).toList();
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public AdminUserView get(String id) {
        return users.get(id).toView(Times.now());
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR, Roles.PASSWORD_CHANGE_REQUIRED})
    public AdminUserView me() {
        return users.getByUsername(caller()).toView(Times.now());
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR, Roles.PASSWORD_CHANGE_REQUIRED})
    @AuditedOperation("user.password.change")
    public void changeOwnPassword(char[] currentPassword, char[] newPassword) {
        AdminUser user = users.getByUsername(caller());
        if (currentPassword == null || !hashing.verify(currentPassword, user.passwordHash())) {
            throw new KeyhavenException(ErrorCode.UNAUTHORIZED, "the current password is wrong", user.id());
        }
        PasswordPolicy.check(user.username(), newPassword);
        if (Arrays.equals(currentPassword, newPassword)) {
            throw new KeyhavenException(ErrorCode.WEAK_PASSWORD, "the new password must differ from the current one",
                    user.id());
        }
        user.changePassword(hashing.hash(newPassword), Times.now());
        cache.invalidate(user.username());
        audit.record(AuditEvent.of("user.password.change").object(user.id()));
    }

    @Override
    @AuditedOperation("user.password.reset")
    public CreatedUser resetPassword(String id) {
        AdminUser user = notSelf(users.get(id), "reset your own password; change it instead");
        char[] password = OneTimePasswords.generate();
        Instant now = Times.now();
        user.resetPassword(hashing.hash(password), now);
        cache.invalidate(user.username());
        audit.record(AuditEvent.of("user.password.reset").object(user.id()).detail("username", user.username()));
        return new CreatedUser(user.toView(now), password);
    }

    @Override
    @AuditedOperation("user.unlock")
    public AdminUserView unlock(String id) {
        AdminUser user = users.get(id);
        user.unlock();
        cache.invalidate(user.username());
        audit.record(AuditEvent.of("user.unlock").object(user.id()).detail("username", user.username()));
        return user.toView(Times.now());
    }

    @Override
    @AuditedOperation("user.roles")
    public AdminUserView setRoles(String id, Set<Role> roles) {
        AdminUser user = notSelf(users.get(id), "change your own roles");
        boolean wasSecurityAdmin = user.roles().contains(Role.SECURITY_ADMIN);
        user.setRoles(roles);
        if (wasSecurityAdmin && !roles.contains(Role.SECURITY_ADMIN)) {
            keepOneSecurityAdmin();
        }
        cache.invalidate(user.username());
        audit.record(AuditEvent.of("user.roles").object(user.id()).detail("username", user.username())
                .detail("roles", roles));
        return user.toView(Times.now());
    }

    @Override
    @AuditedOperation("user.enable")
    public AdminUserView enable(String id) {
        return setEnabled(id, true);
    }

    @Override
    @AuditedOperation("user.disable")
    public AdminUserView disable(String id) {
        return setEnabled(id, false);
    }

    private AdminUserView setEnabled(String id, boolean enabled) {
        AdminUser user = notSelf(users.get(id), "disable or enable yourself");
        user.setEnabled(enabled);
        if (!enabled && user.roles().contains(Role.SECURITY_ADMIN)) {
            keepOneSecurityAdmin();
        }
        cache.invalidate(user.username());
        audit.record(AuditEvent.of(enabled ? "user.enable" : "user.disable").object(user.id())
                .detail("username", user.username()));
        return user.toView(Times.now());
    }

    /** Flushes, then refuses a change that left no enabled security administrator (nobody could manage users). */
    private void keepOneSecurityAdmin() {
        if (users.countEnabledWithRole(Role.SECURITY_ADMIN) == 0) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "at least one enabled security administrator must remain");
        }
    }

    private AdminUser notSelf(AdminUser user, String what) {
        if (user.username().equals(caller())) {
            throw new KeyhavenException(ErrorCode.FORBIDDEN, "you cannot " + what, user.id());
        }
        return user;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
