package org.keyhaven.kmip.message;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.kmip.ttlv.TtlvException;

/**
 * Turns what an operation threw into the failure the client is told. Domain refusals keep their message (written
 * for callers, free of secrets) and get the KMIP reason closest to their error code; anything unexpected is logged
 * here and reported as a General Failure without detail.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static KmipFailure toKmip(RuntimeException thrown) {
        if (thrown instanceof KmipFailure failure) {
            return failure;
        }
        if (thrown instanceof TtlvException e) {
            return new KmipFailure(ResultReason.INVALID_FIELD, e.getMessage());
        }
        if (thrown instanceof KeyhavenException e) {
            return new KmipFailure(reasonFor(e), e.getMessage());
        }
        LOG.log(Level.SEVERE, "KMIP operation failed unexpectedly", thrown);
        return new KmipFailure(ResultReason.GENERAL_FAILURE, "internal error");
    }

    static ResultReason reasonFor(KeyhavenException e) {
        return switch (e.code()) {
            case INVALID_REQUEST, MALFORMED_JSON, UNKNOWN_ALGORITHM, INVALID_KEY_LENGTH, INVALID_USAGE, INVALID_CSR,
                    INVALID_CERTIFICATE, INVALID_SHARE -> ResultReason.INVALID_FIELD;
            case INVALID_ATTRIBUTE -> ResultReason.INVALID_ATTRIBUTE_VALUE;
            case INVALID_CIPHERTEXT -> ResultReason.CRYPTOGRAPHIC_FAILURE;
            case UNAUTHORIZED, UNKNOWN_CLIENT, ACCOUNT_LOCKED, WEAK_PASSWORD ->
                    ResultReason.AUTHENTICATION_NOT_SUCCESSFUL;
            case FORBIDDEN, PASSWORD_CHANGE_REQUIRED, CLIENT_REVOKED, NOT_GRANTED, SEPARATION_OF_DUTIES, SELF_APPROVAL,
                    ALREADY_APPROVED, APPROVAL_EXPIRED, APPROVAL_CLOSED ->
                    ResultReason.PERMISSION_DENIED;
            case KEY_NOT_EXPORTABLE -> ResultReason.NOT_EXTRACTABLE;
            case KEY_NOT_FOUND -> ResultReason.OBJECT_NOT_FOUND;
            case USER_NOT_FOUND, CLIENT_NOT_FOUND, CA_NOT_FOUND, NOT_FOUND, APPROVAL_NOT_FOUND ->
                    ResultReason.ITEM_NOT_FOUND;
            case DUPLICATE_NAME -> ResultReason.NON_UNIQUE_NAME_ATTRIBUTE;
            case DUPLICATE_USER, DUPLICATE_CLIENT, DUPLICATE_CA -> ResultReason.OBJECT_ALREADY_EXISTS;
            case INVALID_STATE_TRANSITION, KEY_NOT_USABLE -> ResultReason.WRONG_KEY_LIFECYCLE_STATE;
            case PAYLOAD_TOO_LARGE, BATCH_TOO_LARGE -> ResultReason.SERVER_LIMIT_EXCEEDED;
            case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> ResultReason.OPERATION_NOT_SUPPORTED;
            case CONCURRENT_MODIFICATION, OPERATION_IN_PROGRESS, SEALED, SERVER_BUSY, RATE_LIMITED,
                    INTEGRITY_VIOLATION, INTERNAL -> ResultReason.GENERAL_FAILURE;
        };
    }
}
