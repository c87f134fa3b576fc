package org.keyhaven.kmip.operation;

import java.util.Arrays;
import java.util.Optional;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.Tag;

/**
 * The standard attributes the server knows: KMIP name, the tag of its value (and of the attribute itself in 2.x),
 * the first protocol version that defines it (nothing is written to a client of an older version), and whether
 * a client may set it.
 */
public enum StandardAttribute {
    UNIQUE_IDENTIFIER("Unique Identifier", Tags.UNIQUE_IDENTIFIER, ProtocolVersion.V1_0, false),
    NAME("Name", Tags.NAME, ProtocolVersion.V1_0, false),
    OBJECT_TYPE("Object Type", Tags.OBJECT_TYPE, ProtocolVersion.V1_0, false),
    CRYPTOGRAPHIC_ALGORITHM("Cryptographic Algorithm", Tags.CRYPTOGRAPHIC_ALGORITHM, ProtocolVersion.V1_0, false),
    CRYPTOGRAPHIC_LENGTH("Cryptographic Length", Tags.CRYPTOGRAPHIC_LENGTH, ProtocolVersion.V1_0, false),
    CRYPTOGRAPHIC_USAGE_MASK("Cryptographic Usage Mask", Tags.CRYPTOGRAPHIC_USAGE_MASK, ProtocolVersion.V1_0, false),
    STATE("State", Tags.STATE, ProtocolVersion.V1_0, false),
    INITIAL_DATE("Initial Date", Tags.INITIAL_DATE, ProtocolVersion.V1_0, false),
    ACTIVATION_DATE("Activation Date", Tags.ACTIVATION_DATE, ProtocolVersion.V1_0, false),
    DEACTIVATION_DATE("Deactivation Date", Tags.DEACTIVATION_DATE, ProtocolVersion.V1_0, false),
    COMPROMISE_DATE("Compromise Date", Tags.COMPROMISE_DATE, ProtocolVersion.V1_0, false),
    DESTROY_DATE("Destroy Date", Tags.DESTROY_DATE, ProtocolVersion.V1_0, false),
    REVOCATION_REASON("Revocation Reason", Tags.REVOCATION_REASON, ProtocolVersion.V1_0, false),
    LAST_CHANGE_DATE("Last Change Date", Tags.LAST_CHANGE_DATE, ProtocolVersion.V1_0, false),
    ORIGINAL_CREATION_DATE("Original Creation Date", Tags.ORIGINAL_CREATION_DATE, ProtocolVersion.V1_3, false),
    EXTRACTABLE("Extractable", Tags.EXTRACTABLE, ProtocolVersion.V1_4, false),
    SENSITIVE("Sensitive", Tags.SENSITIVE, ProtocolVersion.V1_4, false);

    private final String kmipName;
    private final Tag tag;
    private final ProtocolVersion since;
    private final boolean clientSettable;

    StandardAttribute(String kmipName, Tag tag, ProtocolVersion since, boolean clientSettable) {
        this.kmipName = kmipName;
        this.tag = tag;
        this.since = since;
        this.clientSettable = clientSettable;
    }

    public String kmipName() {
        return kmipName;
    }

    public Tag tag() {
        return tag;
    }

    /** Whether a client of this version can read the attribute (it is defined there). */
    public boolean definedIn(ProtocolVersion version) {
        return version.atLeast(since);
    }

    public boolean clientSettable() {
        return clientSettable;
    }

    public static Optional<StandardAttribute> byName(String name) {
        return Arrays.stream(values()).filter(attribute -> attribute.kmipName.equals(name)).findFirst();
    }

    public static Optional<StandardAttribute> byTag(Tag tag) {
        return Arrays.stream(values()).filter(attribute -> attribute.tag.equals(tag)).findFirst();
    }
}
