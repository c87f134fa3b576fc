package org.keyhaven.web.admin;

import java.util.Set;
import java.util.stream.Collectors;
import org.keyhaven.access.Role;

/** Admin roles in words, as the users page shows them and offers them. */
public final class UserRoles {

    private UserRoles() {
    }

    public static String label(Role role) {
        return switch (role) {
            case SECURITY_ADMIN -> "security administrator";
            case CRYPTO_OFFICER -> "crypto officer";
            case AUDITOR -> "auditor";
        };
    }

    /** A user's roles in words, in the enum's order; "none" for a user without a role. */
    public static String describe(Set<Role> roles) {
        return roles.isEmpty() ? "none"
                : roles.stream().sorted().map(UserRoles::label).collect(Collectors.joining(", "));
    }
}
