package org.keyhaven.kmip.operation;

import java.util.Arrays;
import java.util.Optional;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.Tag;

/**
 * The standard attributes the server knows: KMIP name, the tag of its value (and of the attribute itself in 2.x),
 * the first protocol version that defines it (nothing is written to a client of an older version), and who keeps
 * it. {@link Keeper#SERVER} attributes come from the key itself and change only through operations;
 * {@link Keeper#CLIENT} attributes are the client's to set, kept as given (single or multi-instance) and returned,
 * compared by Locate, changed by the attribute operations.
 */
public enum StandardAttribute {
    UNIQUE_IDENTIFIER("Unique Identifier", Tags.UNIQUE_IDENTIFIER, ProtocolVersion.V1_0, Keeper.SERVER),
    NAME("Name", Tags.NAME, ProtocolVersion.V1_0, Keeper.SERVER),
    OBJECT_TYPE("Object Type", Tags.OBJECT_TYPE, ProtocolVersion.V1_0, Keeper.SERVER),
    CRYPTOGRAPHIC_ALGORITHM("Cryptographic Algorithm", Tags.CRYPTOGRAPHIC_ALGORITHM, ProtocolVersion.V1_0,
            Keeper.SERVER),
    CRYPTOGRAPHIC_LENGTH("Cryptographic Length", Tags.CRYPTOGRAPHIC_LENGTH, ProtocolVersion.V1_0, Keeper.SERVER),
    CRYPTOGRAPHIC_USAGE_MASK("Cryptographic Usage Mask", Tags.CRYPTOGRAPHIC_USAGE_MASK, ProtocolVersion.V1_0,
            Keeper.SERVER),
    DIGEST("Digest", Tags.DIGEST, ProtocolVersion.V1_0, Keeper.SERVER),
    KEY_FORMAT_TYPE("Key Format Type", Tags.KEY_FORMAT_TYPE, ProtocolVersion.V2_0, Keeper.SERVER),
    CERTIFICATE_TYPE("Certificate Type", Tags.CERTIFICATE_TYPE, ProtocolVersion.V1_0, Keeper.SERVER),
    CERTIFICATE_LENGTH("Certificate Length", Tags.CERTIFICATE_LENGTH, ProtocolVersion.V1_0, Keeper.SERVER),
    CERTIFICATE_SUBJECT_CN("Certificate Subject CN", Tags.CERTIFICATE_SUBJECT_CN, ProtocolVersion.V2_0,
            Keeper.SERVER),
    CERTIFICATE_ISSUER_CN("Certificate Issuer CN", Tags.CERTIFICATE_ISSUER_CN, ProtocolVersion.V2_0, Keeper.SERVER),
    STATE("State", Tags.STATE, ProtocolVersion.V1_0, Keeper.SERVER),
    INITIAL_DATE("Initial Date", Tags.INITIAL_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    ACTIVATION_DATE("Activation Date", Tags.ACTIVATION_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    DEACTIVATION_DATE("Deactivation Date", Tags.DEACTIVATION_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    COMPROMISE_DATE("Compromise Date", Tags.COMPROMISE_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    DESTROY_DATE("Destroy Date", Tags.DESTROY_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    REVOCATION_REASON("Revocation Reason", Tags.REVOCATION_REASON, ProtocolVersion.V1_0, Keeper.SERVER),
    LAST_CHANGE_DATE("Last Change Date", Tags.LAST_CHANGE_DATE, ProtocolVersion.V1_0, Keeper.SERVER),
    ORIGINAL_CREATION_DATE("Original Creation Date", Tags.ORIGINAL_CREATION_DATE, ProtocolVersion.V1_3,
            Keeper.SERVER),
    EXTRACTABLE("Extractable", Tags.EXTRACTABLE, ProtocolVersion.V1_4, Keeper.SERVER),
    NEVER_EXTRACTABLE("Never Extractable", Tags.NEVER_EXTRACTABLE, ProtocolVersion.V1_4, Keeper.SERVER),
    ALWAYS_SENSITIVE("Always Sensitive", Tags.ALWAYS_SENSITIVE, ProtocolVersion.V1_4, Keeper.SERVER),
    RANDOM_NUMBER_GENERATOR("Random Number Generator", Tags.RANDOM_NUMBER_GENERATOR, ProtocolVersion.V1_4,
            Keeper.SERVER),
    CRYPTOGRAPHIC_PARAMETERS("Cryptographic Parameters", Tags.CRYPTOGRAPHIC_PARAMETERS, ProtocolVersion.V1_0,
            Keeper.CLIENT),
    CRYPTOGRAPHIC_DOMAIN_PARAMETERS("Cryptographic Domain Parameters", Tags.CRYPTOGRAPHIC_DOMAIN_PARAMETERS,
            ProtocolVersion.V1_0, Keeper.CLIENT),
    OPERATION_POLICY_NAME("Operation Policy Name", Tags.OPERATION_POLICY_NAME, ProtocolVersion.V1_0, Keeper.CLIENT),
    PROCESS_START_DATE("Process Start Date", Tags.PROCESS_START_DATE, ProtocolVersion.V1_0, Keeper.CLIENT),
    PROTECT_STOP_DATE("Protect Stop Date", Tags.PROTECT_STOP_DATE, ProtocolVersion.V1_0, Keeper.CLIENT),
    USAGE_LIMITS("Usage Limits", Tags.USAGE_LIMITS, ProtocolVersion.V1_0, Keeper.CLIENT),
    OBJECT_GROUP("Object Group", Tags.OBJECT_GROUP, ProtocolVersion.V1_0, Keeper.CLIENT_MULTIPLE),
    LINK("Link", Tags.LINK, ProtocolVersion.V1_0, Keeper.CLIENT_MULTIPLE),
    APPLICATION_SPECIFIC_INFORMATION("Application Specific Information", Tags.APPLICATION_SPECIFIC_INFORMATION,
            ProtocolVersion.V1_0, Keeper.CLIENT_MULTIPLE),
    CONTACT_INFORMATION("Contact Information", Tags.CONTACT_INFORMATION, ProtocolVersion.V1_0, Keeper.CLIENT),
    ALTERNATIVE_NAME("Alternative Name", Tags.ALTERNATIVE_NAME, ProtocolVersion.V1_2, Keeper.CLIENT_MULTIPLE),
    KEY_VALUE_LOCATION("Key Value Location", Tags.KEY_VALUE_LOCATION, ProtocolVersion.V1_2, Keeper.CLIENT),
    SENSITIVE("Sensitive", Tags.SENSITIVE, ProtocolVersion.V1_4, Keeper.CLIENT),
    FRESH("Fresh", Tags.FRESH, ProtocolVersion.V1_1, Keeper.CLIENT),
    DESCRIPTION("Description", Tags.DESCRIPTION, ProtocolVersion.V2_0, Keeper.CLIENT),
    COMMENT("Comment", Tags.COMMENT, ProtocolVersion.V2_0, Keeper.CLIENT);

    /** Who keeps an attribute's value. */
    public enum Keeper {
        /** derived from the key; changes only through operations */
        SERVER,
        /** set by the client, one value */
        CLIENT,
        /** set by the client, any number of values */
        CLIENT_MULTIPLE
    }

    private final String kmipName;
    private final Tag tag;
    private final ProtocolVersion since;
    private final Keeper keeper;

    StandardAttribute(String kmipName, Tag tag, ProtocolVersion since, Keeper keeper) {
        this.kmipName = kmipName;
        this.tag = tag;
        this.since = since;
        this.keeper = keeper;
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

    public boolean clientKept() {
        return keeper != Keeper.SERVER;
    }

    public boolean multiple() {
        return keeper == Keeper.CLIENT_MULTIPLE;
    }

    public static Optional<StandardAttribute> byName(String name) {
        return Arrays.stream(values()).filter(attribute -> attribute.kmipName.equals(name)).findFirst();
    }

    public static Optional<StandardAttribute> byTag(Tag tag) {
        return Arrays.stream(values()).filter(attribute -> attribute.tag.equals(tag)).findFirst();
    }
}
