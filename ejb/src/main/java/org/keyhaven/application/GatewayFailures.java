package org.keyhaven.application;

import jakarta.ejb.EJBAccessException;
import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * What a failure inside Keyhaven means for a caller of the in-server gateway: a {@link KeyManagerException} with a
 * {@link Reason} taken from the stable {@link ErrorCode}, and a message that is Keyhaven's own explanation (refusals)
 * or a generic one with an incident id (internal errors, whose details go to the server log only). Walks the cause
 * chain, because the container may wrap. Also says whether the failure still needs an audit record: refusals of the
 * services are audited where they happen, anything else is audited by the gateway, as the REST ports do.
 */
final class GatewayFailures {

    /**
     * One failure, translated.
     *
     * @param exception what the caller gets
     * @param code what the audit records as the reason
     * @param objectId the object the failure concerned, if known
     * @param audited whether a refusal record was written already
     * @param incident set for internal errors: logged with the failure and named in the message
     */
    record Failure(KeyManagerException exception, ErrorCode code, String objectId, boolean audited, String incident) {

        boolean internal() {
            return incident != null;
        }
    }

    private GatewayFailures() {
    }

    static Failure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeyhavenException keyhaven) {
                return of(keyhaven);
            }
            if (t instanceof EJBAccessException) {
                return new Failure(new KeyManagerException(reasonFor(ErrorCode.FORBIDDEN),
                        "the client is not allowed this operation"), ErrorCode.FORBIDDEN, null, false, null);
            }
        }
        return internal(ErrorCode.INTERNAL, null, false);
    }

    private static Failure of(KeyhavenException e) {
        ErrorCode code = e.code();
        if (code.httpStatus() >= 500 && code != ErrorCode.SEALED && code != ErrorCode.SERVER_BUSY) {
            return internal(code, e.objectId(), e.isAudited());
        }
        return new Failure(new KeyManagerException(reasonFor(code), e.getMessage()), code, e.objectId(),
                e.isAudited(), null);
    }

    private static Failure internal(ErrorCode code, String objectId, boolean audited) {
        String incident = UUID.randomUUID().toString();
        return new Failure(new KeyManagerException(Reason.UNAVAILABLE, "Keyhaven could not carry out the call;"
                + " incident " + incident), code, objectId, audited, incident);
    }

    /**
     * The reason for an error code. Deviations from "other client errors are invalid requests", each for what the
     * code means to an application: FORBIDDEN (a role check) is "not allowed", so NOT_GRANTED; ACCOUNT_LOCKED is a
     * refused identity; RATE_LIMITED asks to retry later, so UNAVAILABLE.
     */
    static Reason reasonFor(ErrorCode code) {
        return switch (code) {
            case NOT_GRANTED, FORBIDDEN -> Reason.NOT_GRANTED;
            case KEY_NOT_FOUND, NOT_FOUND -> Reason.NOT_FOUND;
            case KEY_NOT_USABLE, KEY_NOT_EXPORTABLE, INVALID_STATE_TRANSITION -> Reason.KEY_NOT_USABLE;
            case SEALED, SERVER_BUSY, RATE_LIMITED -> Reason.UNAVAILABLE;
            case UNKNOWN_CLIENT, CLIENT_REVOKED, UNAUTHORIZED, ACCOUNT_LOCKED -> Reason.AUTHENTICATION;
            default -> code.httpStatus() >= 400 && code.httpStatus() < 500 ? Reason.INVALID_REQUEST
                    : Reason.UNAVAILABLE;
        };
    }

    /** An unknown, closed or expired session handle. */
    static KeyManagerException sessionClosed() {
        return new KeyManagerException(Reason.CONNECTION, "session closed");
    }
}
