package org.keyhaven.kmip.message;

import java.util.Optional;

/** The KMIP operations, by their Operation enumeration value; the server implements those it has a handler for. */
public enum Operation {
    CREATE(0x01),
    CREATE_KEY_PAIR(0x02),
    REGISTER(0x03),
    RE_KEY(0x04),
    LOCATE(0x08),
    CHECK(0x09),
    GET(0x0A),
    GET_ATTRIBUTES(0x0B),
    GET_ATTRIBUTE_LIST(0x0C),
    ADD_ATTRIBUTE(0x0D),
    MODIFY_ATTRIBUTE(0x0E),
    DELETE_ATTRIBUTE(0x0F),
    ACTIVATE(0x12),
    REVOKE(0x13),
    DESTROY(0x14),
    QUERY(0x18),
    DISCOVER_VERSIONS(0x1E),
    ENCRYPT(0x1F),
    DECRYPT(0x20),
    SIGN(0x21),
    SIGNATURE_VERIFY(0x22),
    MAC(0x23),
    MAC_VERIFY(0x24),
    RNG_RETRIEVE(0x25),
    LOG(0x2C),
    SET_ATTRIBUTE(0x31),
    INTEROP(0x34);

    private final int code;

    Operation(int code) {
        this.code = code;
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
