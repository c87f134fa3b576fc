package org.keyhaven.jca.adapter;

/**
 * A connection factory setting that cannot work, found by the checks that run before the factory is used. The message
 * names the property and says what is wrong in words an administrator can act on; it never carries a password or key
 * material. The factory turns it into an {@code InvalidPropertyException}, which fails the connection definition's
 * activation.
 */
final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String property;

    InvalidSettingException(String property, String message) {
        super(message);
        this.property = property;
    }

    /** The config property at fault, as named in the server configuration. */
    String property() {
        return property;
    }
}
