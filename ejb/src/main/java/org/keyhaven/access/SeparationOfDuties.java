package org.keyhaven.access;

import java.util.Set;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Separation of duties between admin roles. A security administrator manages people and settings, a crypto officer
 * manages keys, an auditor reads: no one holds two of them, so no one can both grant themselves power and use it,
 * or both act and audit their own actions. Every user holds exactly one role.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    public static void check(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a user needs a role");
        }
        if (roles.size() > 1) {
            throw new KeyhavenException(ErrorCode.SEPARATION_OF_DUTIES, "roles " + roles + " conflict: security"
                    + " administrator, crypto officer and auditor are held by different people");
        }
    }
}
