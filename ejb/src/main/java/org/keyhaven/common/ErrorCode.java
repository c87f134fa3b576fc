package org.keyhaven.common;

/**
 * Stable error codes. Each maps to one HTTP status and one RFC 9457 problem type
 * ({@code https://keyhaven.org/problems/<slug>}); audit records carry the slug as their reason.
 * Slugs are part of the public contract: never rename one.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    UNKNOWN_ALGORITHM(400, "unknown-algorithm", "Unknown algorithm"),
    INVALID_KEY_LENGTH(400, "invalid-key-length", "Invalid key length or curve"),
    INVALID_USAGE(400, "invalid-usage", "Usage not allowed for this algorithm"),
    INVALID_ATTRIBUTE(400, "invalid-attribute", "Invalid attribute"),
    WEAK_PASSWORD(400, "weak-password", "Password does not meet the policy"),
    INVALID_CIPHERTEXT(400, "invalid-ciphertext", "Ciphertext is malformed or does not authenticate"),
    INVALID_CSR(400, "invalid-csr", "Certificate signing request refused"),
    INVALID_CERTIFICATE(400, "invalid-certificate", "Certificate refused"),
    INVALID_SHARE(400, "invalid-share", "Unseal share not accepted"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    ACCOUNT_LOCKED(401, "account-locked", "Account locked"),
    FORBIDDEN(403, "forbidden", "Not allowed for this role"),
    PASSWORD_CHANGE_REQUIRED(403, "password-change-required", "Password change required"),
    UNKNOWN_CLIENT(403, "unknown-client", "Client certificate not recognised"),
    CLIENT_REVOKED(403, "client-revoked", "Client disabled or certificate revoked"),
    NOT_GRANTED(403, "not-granted", "Operation not granted for this key"),
    SELF_APPROVAL(403, "self-approval", "The requester cannot approve their own request"),
    KEY_NOT_EXPORTABLE(403, "key-not-exportable", "Key is not exportable"),
    KEY_NOT_FOUND(404, "key-not-found", "Key not found"),
    USER_NOT_FOUND(404, "user-not-found", "User not found"),
    CLIENT_NOT_FOUND(404, "client-not-found", "Client not found"),
    CA_NOT_FOUND(404, "ca-not-found", "Certificate authority not found"),
    NOT_FOUND(404, "not-found", "Not found"),
    APPROVAL_NOT_FOUND(404, "approval-not-found", "Approval request not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    DUPLICATE_NAME(409, "duplicate-name", "Name already in use"),
    DUPLICATE_USER(409, "duplicate-user", "Username already in use"),
    DUPLICATE_CLIENT(409, "duplicate-client", "Client name already in use"),
    DUPLICATE_CA(409, "duplicate-ca", "Certificate authority already registered"),
    INVALID_STATE_TRANSITION(409, "invalid-state-transition", "Operation not allowed in the key's state"),
    KEY_NOT_USABLE(409, "key-not-usable", "Key state, usage or version does not allow this operation"),
    SEPARATION_OF_DUTIES(409, "separation-of-duties", "Roles conflict under separation of duties"),
    CONCURRENT_MODIFICATION(409, "concurrent-modification", "Object changed concurrently; retry"),
    OPERATION_IN_PROGRESS(409, "operation-in-progress", "Another operation of this kind is running"),
    ALREADY_APPROVED(409, "already-approved", "This user approved the request already"),
    APPROVAL_EXPIRED(409, "approval-expired", "The approval request has expired"),
    APPROVAL_CLOSED(409, "approval-closed", "The approval request was decided already"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    BATCH_TOO_LARGE(413, "batch-too-large", "Too many items in one batch"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many attempts; wait and retry"),
    SEALED(503, "sealed", "Keyhaven is sealed"),
    SERVER_BUSY(503, "server-busy", "Server busy; retry later"),
    INTEGRITY_VIOLATION(500, "integrity-violation", "Stored data failed its integrity check"),
    INTERNAL(500, "internal-error", "Internal error");

    private final int httpStatus;
    private final String slug;
    private final String title;

    ErrorCode(int httpStatus, String slug, String title) {
        this.httpStatus = httpStatus;
        this.slug = slug;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The stable last segment of the problem type URI and the audit reason. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String problemType() {
        return "https://keyhaven.org/problems/" + slug;
    }
}
