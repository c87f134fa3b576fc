package org.keyhaven.client;

import org.keyhaven.access.Roles;

/** An authenticated application client: who it is and by which certificate. */
public record ClientIdentity(String clientId, String name, String certificateFingerprint) {

    /** The container principal name: clients never share a name with an admin user. */
    public String principalName() {
        return Roles.CLIENT_PRINCIPAL_PREFIX + name;
    }
}
