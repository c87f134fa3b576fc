package org.keyhaven.access;

import java.time.Instant;
import java.util.Set;

/** An admin user as callers see it: never the password hash. */
public record AdminUserView(String id, String username, Set<Role> roles, boolean enabled, boolean locked,
        Instant lockedUntil, boolean passwordChangeRequired, Instant createdAt, String createdBy,
        Instant passwordChangedAt, Instant lastLoginAt) {
}
