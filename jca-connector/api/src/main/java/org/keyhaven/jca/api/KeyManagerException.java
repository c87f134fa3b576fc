package org.keyhaven.jca.api;

/**
 * Keyhaven refused or could not carry out a call. {@link #reason()} says which kind of failure it is; the message is
 * Keyhaven's own explanation and never carries key material.
 */
public class KeyManagerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure an application may want to tell apart. */
    public enum Reason {
        /** the client's grants do not cover this key and operation */
        NOT_GRANTED,
        /** no such key (or not visible to this client) */
        NOT_FOUND,
        /** the key's state, usage or version does not allow this operation */
        KEY_NOT_USABLE,
        /** the request itself is invalid (arguments, ciphertext that does not authenticate) */
        INVALID_REQUEST,
        /** the client identity was not accepted (unknown, disabled, revoked certificate) */
        AUTHENTICATION,
        /** Keyhaven is sealed, busy, or no server could be reached */
        UNAVAILABLE,
        /** the connection is closed or broken; get a new one */
        CONNECTION
    }

    private final Reason reason;

    public KeyManagerException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
