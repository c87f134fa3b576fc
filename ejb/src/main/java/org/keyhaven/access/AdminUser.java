package org.keyhaven.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An administrator: security administrator, crypto officer or auditor. Invariants: roles respect separation of
 * duties ({@link SeparationOfDuties}); a new or reset password is one-time (must be changed before anything else);
 * enough consecutive failed logins lock the account for a while.
 */
@Entity
@Table(name = "kh_admin_user")
public class AdminUser {

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kh_admin_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected AdminUser() {
    }

    AdminUser(String id, String username, Set<Role> roles, String oneTimePasswordHash, String createdBy, Instant now) {
        SeparationOfDuties.check(roles);
        this.id = id;
        this.username = username;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = oneTimePasswordHash;
        this.mustChangePassword = true;
        this.enabled = true;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean enabled() {
        return enabled;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; returns true when this failure locked the account. */
    boolean recordFailedLogin(int maxAttempts, Duration lockDuration, Instant now) {
        failedAttempts++;
        if (failedAttempts >= maxAttempts) {
            failedAttempts = 0;
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        mustChangePassword = false;
        passwordChangedAt = now;
    }

    void resetPassword(String oneTimeHash, Instant now) {
        passwordHash = oneTimeHash;
        mustChangePassword = true;
        passwordChangedAt = now;
        failedAttempts = 0;
        lockedUntil = null;
    }

    /** Rehashing with stronger parameters keeps the password's one-time status. */
    void upgradeHash(String newHash) {
        passwordHash = newHash;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void setRoles(Set<Role> newRoles) {
        SeparationOfDuties.check(newRoles);
        roles.clear();
        roles.addAll(newRoles);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public AdminUserView toView(Instant now) {
        return new AdminUserView(id, username, roles(), enabled, isLocked(now), lockedUntil, mustChangePassword,
                createdAt, createdBy, passwordChangedAt, lastLoginAt);
    }
}
