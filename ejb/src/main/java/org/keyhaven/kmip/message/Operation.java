package org.keyhaven.kmip.message;

import java.util.Optional;

/**
 * The KMIP operations, by their Operation enumeration value, with the protocol version that introduced each; the
 * server implements those it has a handler for.
 */
public enum Operation {
    CREATE(0x01, ProtocolVersion.V1_0),
    CREATE_KEY_PAIR(0x02, ProtocolVersion.V1_0),
    REGISTER(0x03, ProtocolVersion.V1_0),
    RE_KEY(0x04, ProtocolVersion.V1_0),
    LOCATE(0x08, ProtocolVersion.V1_0),
    CHECK(0x09, ProtocolVersion.V1_0),
    GET(0x0A, ProtocolVersion.V1_0),
    GET_ATTRIBUTES(0x0B, ProtocolVersion.V1_0),
    GET_ATTRIBUTE_LIST(0x0C, ProtocolVersion.V1_0),
    ADD_ATTRIBUTE(0x0D, ProtocolVersion.V1_0),
    MODIFY_ATTRIBUTE(0x0E, ProtocolVersion.V1_0),
    DELETE_ATTRIBUTE(0x0F, ProtocolVersion.V1_0),
    ACTIVATE(0x12, ProtocolVersion.V1_0),
    REVOKE(0x13, ProtocolVersion.V1_0),
    DESTROY(0x14, ProtocolVersion.V1_0),
    QUERY(0x18, ProtocolVersion.V1_0),
    DISCOVER_VERSIONS(0x1E, ProtocolVersion.V1_1),
    ENCRYPT(0x1F, ProtocolVersion.V1_2),
    DECRYPT(0x20, ProtocolVersion.V1_2),
    SIGN(0x21, ProtocolVersion.V1_2),
    SIGNATURE_VERIFY(0x22, ProtocolVersion.V1_2),
    MAC(0x23, ProtocolVersion.V1_2),
    MAC_VERIFY(0x24, ProtocolVersion.V1_2),
    RNG_RETRIEVE(0x25, ProtocolVersion.V1_2),
    HASH(0x27, ProtocolVersion.V1_2),
    LOG(0x2C, ProtocolVersion.V2_0),
    SET_ATTRIBUTE(0x31, ProtocolVersion.V2_0),
    INTEROP(0x34, ProtocolVersion.V2_0);

    private final int code;
    private final ProtocolVersion since;

    Operation(int code, ProtocolVersion since) {
        this.code = code;
        this.since = since;
    }

    /** Whether the operation exists in this protocol version (a client of an older one is told it does not). */
    public boolean definedIn(ProtocolVersion version) {
        return version.atLeast(since);
    }

    public int code() {
        return code;
    }

    public static Optional<Operation> of(int code) {
        for (Operation operation : values()) {
            if (operation.code == code) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
