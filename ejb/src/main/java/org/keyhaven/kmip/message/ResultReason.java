package org.keyhaven.kmip.message;

/**
 * The Result Reasons the server gives. Reasons that KMIP 2.0 added are answered to a 1.x client as the 1.x reason
 * that means the same, since a 1.x client cannot read the new values.
 */
public enum ResultReason {
    ITEM_NOT_FOUND(0x01, null),
    RESPONSE_TOO_LARGE(0x02, null),
    AUTHENTICATION_NOT_SUCCESSFUL(0x03, null),
    INVALID_MESSAGE(0x04, null),
    OPERATION_NOT_SUPPORTED(0x05, null),
    MISSING_DATA(0x06, null),
    INVALID_FIELD(0x07, null),
    FEATURE_NOT_SUPPORTED(0x08, null),
    OPERATION_CANCELED_BY_REQUESTER(0x09, null),
    CRYPTOGRAPHIC_FAILURE(0x0A, null),
    ILLEGAL_OPERATION(0x0B, null),
    PERMISSION_DENIED(0x0C, null),
    OBJECT_ARCHIVED(0x0D, null),
    INDEX_OUT_OF_BOUNDS(0x0E, null),
    APPLICATION_NAMESPACE_NOT_SUPPORTED(0x0F, null),
    KEY_FORMAT_TYPE_NOT_SUPPORTED(0x10, null),
    KEY_COMPRESSION_TYPE_NOT_SUPPORTED(0x11, null),
    ENCODING_OPTION_ERROR(0x12, null),
    KEY_VALUE_NOT_PRESENT(0x13, null),
    ATTESTATION_REQUIRED(0x14, null),
    ATTESTATION_FAILED(0x15, null),
    SENSITIVE(0x16, PERMISSION_DENIED),
    NOT_EXTRACTABLE(0x17, PERMISSION_DENIED),
    OBJECT_ALREADY_EXISTS(0x18, ILLEGAL_OPERATION),
    READ_ONLY_ATTRIBUTE(0x1D, PERMISSION_DENIED),
    MULTI_VALUED_ATTRIBUTE(0x1E, INVALID_FIELD),
    UNSUPPORTED_ATTRIBUTE(0x1F, INVALID_FIELD),
    ATTRIBUTE_INSTANCE_NOT_FOUND(0x20, ITEM_NOT_FOUND),
    ATTRIBUTE_NOT_FOUND(0x21, ITEM_NOT_FOUND),
    ATTRIBUTE_READ_ONLY(0x22, PERMISSION_DENIED),
    ATTRIBUTE_SINGLE_VALUED(0x23, INVALID_FIELD),
    BAD_CRYPTOGRAPHIC_PARAMETERS(0x24, INVALID_FIELD),
    CODEC_ERROR(0x26, INVALID_MESSAGE),
    ILLEGAL_OBJECT_TYPE(0x28, INVALID_FIELD),
    INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK(0x29, PERMISSION_DENIED),
    INTERNAL_SERVER_ERROR(0x2A, null),
    INVALID_ATTRIBUTE(0x2C, INVALID_FIELD),
    INVALID_ATTRIBUTE_VALUE(0x2D, INVALID_FIELD),
    INVALID_OBJECT_TYPE(0x30, INVALID_FIELD),
    NON_UNIQUE_NAME_ATTRIBUTE(0x35, ILLEGAL_OPERATION),
    OBJECT_DESTROYED(0x36, ITEM_NOT_FOUND),
    OBJECT_NOT_FOUND(0x37, ITEM_NOT_FOUND),
    NOT_AUTHORISED(0x39, PERMISSION_DENIED),
    SERVER_LIMIT_EXCEEDED(0x3A, ILLEGAL_OPERATION),
    UNKNOWN_ENUMERATION(0x3B, INVALID_FIELD),
    UNKNOWN_TAG(0x3D, INVALID_MESSAGE),
    UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS(0x3E, INVALID_FIELD),
    UNSUPPORTED_PROTOCOL_VERSION(0x3F, INVALID_MESSAGE),
    WRONG_KEY_LIFECYCLE_STATE(0x43, PERMISSION_DENIED),
    GENERAL_FAILURE(0x100, null);

    private final int code;
    private final ResultReason v1Equivalent;

    ResultReason(int code, ResultReason v1Equivalent) {
        this.code = code;
        this.v1Equivalent = v1Equivalent;
    }

    public int code() {
        return code;
    }

    /** The reason as written for a client of this protocol version. */
    public ResultReason forVersion(ProtocolVersion version) {
        if (version.isV2() || v1Equivalent == null) {
            if (this == INTERNAL_SERVER_ERROR && !version.isV2()) {
                return GENERAL_FAILURE;
            }
            // Attestation reasons arrived in 1.2
            boolean attestation = this == ATTESTATION_REQUIRED || this == ATTESTATION_FAILED;
            if (attestation && !version.atLeast(ProtocolVersion.V1_2)) {
                return PERMISSION_DENIED;
            }
            return this;
        }
        return v1Equivalent.forVersion(version);
    }
}
