package org.keyhaven.kmip.operation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * The KMIP attributes of a managed key, as a client of one protocol version may read them: only attributes that
 * version defines: those the server keeps, those the client set ({@link StoredAttributes}), and custom attributes
 * whose names KMIP allows ({@code x-} and {@code y-}).
 */
public final class ObjectAttributes {

    private static final int NAME_TYPE_TEXT = 1;
    private static final int SHA_256 = 0x06;
    private static final int RNG_DRBG = 0x03;
    private static final int DRBG_HASH = 0x03;

    private ObjectAttributes() {
    }

    /**
     * @param digest the SHA-256 of the key material in its Raw (or Opaque) format, or null when it is gone or not
     *     wanted
     */
    public static List<Attribute> of(KeyView key, byte[] digest, ProtocolVersion version) {
        List<Attribute> all = new ArrayList<>();
        KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
        add(all, version, StandardAttribute.UNIQUE_IDENTIFIER, new TtlvTextString(Tags.UNIQUE_IDENTIFIER, key.id()));
        add(all, version, StandardAttribute.OBJECT_TYPE,
                new TtlvEnumeration(Tags.OBJECT_TYPE, KmipAlgorithms.objectType(key)));
        int algorithmCode = KmipAlgorithms.code(algorithm, version);
        if (algorithmCode > 0) {
            add(all, version, StandardAttribute.CRYPTOGRAPHIC_ALGORITHM,
                    new TtlvEnumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, algorithmCode));
        }
        add(all, version, StandardAttribute.CRYPTOGRAPHIC_LENGTH,
                new TtlvInteger(Tags.CRYPTOGRAPHIC_LENGTH, key.length()));
        add(all, version, StandardAttribute.CRYPTOGRAPHIC_USAGE_MASK,
                new TtlvInteger(Tags.CRYPTOGRAPHIC_USAGE_MASK, KmipAlgorithms.usageMask(key.usage())));
        if (digest != null) {
            StructureBuilder value = StructureBuilder.of(Tags.DIGEST).enumeration(Tags.HASHING_ALGORITHM, SHA_256)
                    .bytes(Tags.DIGEST_VALUE, digest);
            if (version.atLeast(ProtocolVersion.V1_1)) {
                value.enumeration(Tags.KEY_FORMAT_TYPE, KeyBlocks.format(key));
            }
            add(all, version, StandardAttribute.DIGEST, value.build());
        }
        if (DataObjects.objectType(key).isEmpty()) {
            add(all, version, StandardAttribute.KEY_FORMAT_TYPE, new TtlvEnumeration(Tags.KEY_FORMAT_TYPE,
                    KeyBlocks.format(key)));
        }
        DataObjects.certificateAttributes(key).forEach(attribute -> add(all, version,
                StandardAttribute.byName(attribute.name()).orElseThrow(), attribute.value()));
        if (!key.attributes().containsKey(StoredAttributes.UNNAMED)) {
            add(all, version, StandardAttribute.NAME, StructureBuilder.of(Tags.NAME).text(Tags.NAME_VALUE, key.name())
                    .enumeration(Tags.NAME_TYPE, NAME_TYPE_TEXT).build());
        }
        add(all, version, StandardAttribute.STATE, new TtlvEnumeration(Tags.STATE,
                KmipAlgorithms.state(key.state())));
        date(all, version, StandardAttribute.INITIAL_DATE, key.createdAt());
        date(all, version, StandardAttribute.ACTIVATION_DATE, key.activationDate());
        date(all, version, StandardAttribute.DEACTIVATION_DATE, key.deactivationDate());
        date(all, version, StandardAttribute.COMPROMISE_DATE, key.compromiseDate());
        date(all, version, StandardAttribute.DESTROY_DATE, key.destroyDate());
        if (key.revocationReason() != null) {
            StructureBuilder reason = StructureBuilder.of(Tags.REVOCATION_REASON)
                    .enumeration(Tags.REVOCATION_REASON_CODE, key.revocationReason().ordinal() + 1);
            if (key.revocationMessage() != null) {
                reason.text(Tags.REVOCATION_MESSAGE, key.revocationMessage());
            }
            add(all, version, StandardAttribute.REVOCATION_REASON, reason.build());
        }
        date(all, version, StandardAttribute.LAST_CHANGE_DATE, key.updatedAt());
        date(all, version, StandardAttribute.ORIGINAL_CREATION_DATE, key.createdAt());
        add(all, version, StandardAttribute.EXTRACTABLE, new TtlvBoolean(Tags.EXTRACTABLE, key.exportable()));
        // Keyhaven keys cannot become exportable later, and Sensitive is the client's: it was never changed by us
        add(all, version, StandardAttribute.NEVER_EXTRACTABLE, new TtlvBoolean(Tags.NEVER_EXTRACTABLE,
                !key.exportable()));
        boolean sensitive = key.attributes().containsKey(StoredAttributes.key(StandardAttribute.SENSITIVE))
                && StoredAttributes.decode(key.attributes().get(StoredAttributes.key(StandardAttribute.SENSITIVE)))
                        .get(0) instanceof TtlvBoolean flag && flag.value();
        add(all, version, StandardAttribute.ALWAYS_SENSITIVE, new TtlvBoolean(Tags.ALWAYS_SENSITIVE, sensitive));
        if (!key.attributes().containsKey(StoredAttributes.key(StandardAttribute.SENSITIVE))) {
            add(all, version, StandardAttribute.SENSITIVE, new TtlvBoolean(Tags.SENSITIVE, false));
        }
        if (!key.attributes().containsKey(StoredAttributes.REGISTERED)) {
            // what generated the material: the JDK's NIST SP 800-90A Hash_DRBG over SHA-256 (KeyhavenProvider)
            add(all, version, StandardAttribute.RANDOM_NUMBER_GENERATOR, StructureBuilder
                    .of(Tags.RANDOM_NUMBER_GENERATOR).enumeration(Tags.RNG_ALGORITHM, RNG_DRBG)
                    .enumeration(Tags.HASHING_ALGORITHM, SHA_256).enumeration(Tags.DRBG_ALGORITHM, DRBG_HASH)
                    .build());
        }
        for (StandardAttribute stored : StandardAttribute.values()) {
            String value = key.attributes().get(StoredAttributes.key(stored));
            if (value != null && stored.definedIn(version)) {
                List<TtlvItem> instances = StoredAttributes.decode(value);
                for (int i = 0; i < instances.size(); i++) {
                    all.add(new Attribute(stored.kmipName(), instances.get(i), i));
                }
            }
        }
        for (String name : CustomAttributes.names(key.attributes())) {
            List<TtlvItem> instances = CustomAttributes.instances(key.attributes(), name);
            for (int i = 0; i < instances.size(); i++) {
                all.add(new Attribute(name, instances.get(i), i));
            }
        }
        return all;
    }

    private static void date(List<Attribute> all, ProtocolVersion version, StandardAttribute attribute,
            Instant value) {
        if (value != null) {
            add(all, version, attribute, new TtlvDateTime(attribute.tag(),
                    value.truncatedTo(ChronoUnit.SECONDS).getEpochSecond()));
        }
    }

    private static void add(List<Attribute> all, ProtocolVersion version, StandardAttribute attribute,
            TtlvItem value) {
        if (attribute.definedIn(version)) {
            all.add(new Attribute(attribute.kmipName(), value));
        }
    }
}
