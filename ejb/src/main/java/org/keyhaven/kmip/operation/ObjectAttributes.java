package org.keyhaven.kmip.operation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * version defines, and custom attributes whose names KMIP allows ({@code x-} and {@code y-}).
 */
public final class ObjectAttributes {

    private static final int NAME_TYPE_TEXT = 1;

    private ObjectAttributes() {
    }

    public static List<Attribute> of(KeyView key, ProtocolVersion version) {
        List<Attribute> all = new ArrayList<>();
        KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
        add(all, version, StandardAttribute.UNIQUE_IDENTIFIER, new TtlvTextString(Tags.UNIQUE_IDENTIFIER, key.id()));
        add(all, version, StandardAttribute.OBJECT_TYPE,
                new TtlvEnumeration(Tags.OBJECT_TYPE, KmipAlgorithms.objectType(algorithm.kind())));
        int algorithmCode = KmipAlgorithms.code(algorithm, version);
        if (algorithmCode > 0) {
            add(all, version, StandardAttribute.CRYPTOGRAPHIC_ALGORITHM,
                    new TtlvEnumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, algorithmCode));
        }
        add(all, version, StandardAttribute.CRYPTOGRAPHIC_LENGTH,
                new TtlvInteger(Tags.CRYPTOGRAPHIC_LENGTH, key.length()));
        add(all, version, StandardAttribute.CRYPTOGRAPHIC_USAGE_MASK,
                new TtlvInteger(Tags.CRYPTOGRAPHIC_USAGE_MASK, KmipAlgorithms.usageMask(key.usage())));
        add(all, version, StandardAttribute.NAME, StructureBuilder.of(Tags.NAME).text(Tags.NAME_VALUE, key.name())
                .enumeration(Tags.NAME_TYPE, NAME_TYPE_TEXT).build());
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
        for (Map.Entry<String, String> custom : key.attributes().entrySet()) {
            if (custom.getKey().startsWith("x-") || custom.getKey().startsWith("y-")) {
                all.add(new Attribute(custom.getKey(), new TtlvTextString(Tags.ATTRIBUTE_VALUE, custom.getValue())));
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
