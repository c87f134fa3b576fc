package org.keyhaven.access;

/** Role names as the container sees them, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    public static final String CRYPTO_OFFICER = "CRYPTO_OFFICER";
    public static final String AUDITOR = "AUDITOR";
    /**
     * An application client authenticated by its certificate on the application ports (6000, 6003, KMIP). Never held
     * together with an admin role: clients and admins authenticate on different ports by different mechanisms.
     */
    public static final String CLIENT = "CLIENT";
    /** Principal names of application clients start with this prefix, so they can never collide with admin users. */
    public static final String CLIENT_PRINCIPAL_PREFIX = "client:";
    /**
     * The only role of an admin whose one-time password has not been changed yet: it allows changing the password
     * and nothing else.
     */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private Roles() {
    }
}
