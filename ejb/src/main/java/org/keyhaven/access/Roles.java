package org.keyhaven.access;

/** Role names as the container sees them, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    public static final String CRYPTO_OFFICER = "CRYPTO_OFFICER";
    public static final String AUDITOR = "AUDITOR";
    /**
     * The only role of an admin whose one-time password has not been changed yet: it allows changing the password
     * and nothing else.
     */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private Roles() {
    }
}
