package org.keyhaven.kmip.operation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Get, Get Attributes, Get Attribute List and Locate. */
final class ObjectRetrieval {

    private static final int SECRET_DATA_PASSWORD = 0x01;

    private final ManagedObjects objects;

    ObjectRetrieval(ManagedObjects objects) {
        this.objects = objects;
    }

    TtlvStructure get(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        if (payload.find(Tags.KEY_WRAPPING_SPECIFICATION).isPresent()) {
            throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "key wrapping on Get is not supported");
        }
        if (payload.find(Tags.KEY_COMPRESSION_TYPE).isPresent()) {
            throw new KmipFailure(ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED, "key compression is not supported");
        }
        Integer format = Payloads.enumeration(payload, Tags.KEY_FORMAT_TYPE).orElse(null);
        RetrievedKey key = objects.material(id);
        try {
            KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
            StructureBuilder response = Payloads.response();
            if (algorithm.kind() == KeyKind.SYMMETRIC) {
                int chosen = format == null ? KmipAlgorithms.FORMAT_RAW : format;
                if (chosen != KmipAlgorithms.FORMAT_RAW && chosen != KmipAlgorithms.FORMAT_TRANSPARENT_SYMMETRIC) {
                    throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "symmetric keys are returned"
                            + " as Raw or Transparent Symmetric Key");
                }
                TtlvItem material = chosen == KmipAlgorithms.FORMAT_RAW ? bytes(Tags.KEY_MATERIAL, key.key())
                        : TtlvStructure.of(Tags.KEY_MATERIAL, bytes(Tags.KEY, key.key()));
                response.enumeration(Tags.OBJECT_TYPE, KmipAlgorithms.OBJECT_SYMMETRIC_KEY)
                        .text(Tags.UNIQUE_IDENTIFIER, key.id())
                        .add(TtlvStructure.of(Tags.SYMMETRIC_KEY, keyBlock(chosen, material,
                                KmipAlgorithms.code(algorithm, context.version()), key.length())));
            } else if (algorithm.kind() == KeyKind.SECRET_DATA) {
                if (format != null && format != KmipAlgorithms.FORMAT_OPAQUE && format != KmipAlgorithms.FORMAT_RAW) {
                    throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "secret data is returned as"
                            + " Opaque");
                }
                response.enumeration(Tags.OBJECT_TYPE, KmipAlgorithms.OBJECT_SECRET_DATA)
                        .text(Tags.UNIQUE_IDENTIFIER, key.id())
                        .add(StructureBuilder.of(Tags.SECRET_DATA)
                                .enumeration(Tags.SECRET_DATA_TYPE, SECRET_DATA_PASSWORD)
                                .add(keyBlock(KmipAlgorithms.FORMAT_OPAQUE, bytes(Tags.KEY_MATERIAL, key.key()),
                                        -1, -1))
                                .build());
            } else {
                throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "key pairs are not served over KMIP yet");
            }
            return response.build();
        } finally {
            Arrays.fill(key.key(), (byte) 0);
        }
    }

    TtlvStructure getAttributes(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        List<Attribute> all = ObjectAttributes.of(key, context.version());
        List<Attribute> wanted = all;
        if (context.version().isV2()) {
            List<TtlvItem> references = payload.findAll(Tags.ATTRIBUTE_REFERENCE);
            if (!references.isEmpty()) {
                Set<String> names = references.stream().map(ObjectRetrieval::referencedName)
                        .collect(Collectors.toSet());
                wanted = all.stream().filter(attribute -> names.contains(attribute.name())).toList();
            }
        } else {
            List<String> names = payload.findAll(Tags.ATTRIBUTE_NAME, TtlvTextString.class).stream()
                    .map(TtlvTextString::value).toList();
            if (!names.isEmpty()) {
                wanted = all.stream().filter(attribute -> names.contains(attribute.name())).toList();
            }
        }
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id())
                .addAll(AttributeCodec.writeAll(wanted, context.version())).build();
    }

    TtlvStructure getAttributeList(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        for (Attribute attribute : ObjectAttributes.of(key, context.version())) {
            response.add(reference(attribute, context.version()));
        }
        return response.build();
    }

    TtlvStructure locate(OperationContext context, TtlvStructure payload) {
        List<Attribute> attributes = context.version().isV2()
                ? payload.find(Tags.ATTRIBUTES, TtlvStructure.class)
                        .map(container -> AttributeCodec.readAll(container, context.version())).orElse(List.of())
                : payload.findAll(Tags.ATTRIBUTE).stream()
                        .map(item -> AttributeCodec.read(item, context.version())).toList();
        String name = null;
        KeyKind kind = null;
        KeyState state = null;
        KeyAlgorithm algorithm = null;
        Map<String, String> custom = new HashMap<>();
        for (Attribute attribute : attributes) {
            TtlvItem value = attribute.value();
            if (attribute.isCustom()) {
                custom.put(attribute.name(), attribute.customText());
                continue;
            }
            switch (attribute.name()) {
                case "Name" -> name = value.as(TtlvStructure.class).get(Tags.NAME_VALUE, TtlvTextString.class).value();
                case "Object Type" -> {
                    kind = kind(value.as(TtlvEnumeration.class).value());
                    if (kind == null) {
                        return Payloads.response().build();
                    }
                }
                case "State" -> state = KmipAlgorithms.state(value.as(TtlvEnumeration.class).value());
                case "Cryptographic Algorithm" -> algorithm = KmipAlgorithms.algorithm(
                        value.as(TtlvEnumeration.class).value());
                default -> throw new KmipFailure(ResultReason.INVALID_FIELD, "Locate by '"
                        + Payloads.printable(attribute.name()) + "' is not supported; by Name, Object Type, State,"
                        + " Cryptographic Algorithm and custom attributes it is");
            }
        }
        int maximum = Payloads.integer(payload, Tags.MAXIMUM_ITEMS).orElse(0);
        int offset = Payloads.integer(payload, Tags.OFFSET_ITEMS).orElse(0);
        if (maximum < 0 || offset < 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "Maximum Items and Offset Items are not negative");
        }
        List<KeyView> found = objects.locate(new LocateQuery(name, kind, state, algorithm, custom, offset, maximum));
        StructureBuilder response = Payloads.response();
        found.forEach(key -> response.text(Tags.UNIQUE_IDENTIFIER, key.id()));
        return response.build();
    }

    /** The kind an Object Type stands for; null for object types the server has none of. */
    private static KeyKind kind(int objectType) {
        return switch (objectType) {
            case KmipAlgorithms.OBJECT_SYMMETRIC_KEY -> KeyKind.SYMMETRIC;
            case KmipAlgorithms.OBJECT_SECRET_DATA -> KeyKind.SECRET_DATA;
            case KmipAlgorithms.OBJECT_PRIVATE_KEY -> KeyKind.ASYMMETRIC;
            default -> null;
        };
    }

    /** 2.x: the name of the attribute an Attribute Reference names (a tag, or a vendor and name). */
    private static String referencedName(TtlvItem reference) {
        if (reference instanceof TtlvStructure vendor) {
            return vendor.get(Tags.VENDOR_IDENTIFICATION, TtlvTextString.class).value() + "-"
                    + vendor.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value();
        }
        int tag = reference.as(TtlvEnumeration.class).value();
        return StandardAttribute.byTag(org.keyhaven.kmip.ttlv.Tag.of(tag)).map(StandardAttribute::kmipName)
                .orElse("");
    }

    private static TtlvItem reference(Attribute attribute, ProtocolVersion version) {
        if (!version.isV2()) {
            return new TtlvTextString(Tags.ATTRIBUTE_NAME, attribute.name());
        }
        if (attribute.isCustom()) {
            return StructureBuilder.of(Tags.ATTRIBUTE_REFERENCE)
                    .text(Tags.VENDOR_IDENTIFICATION, attribute.name().substring(0, 1))
                    .text(Tags.ATTRIBUTE_NAME, attribute.name().substring(2)).build();
        }
        return new TtlvEnumeration(Tags.ATTRIBUTE_REFERENCE,
                StandardAttribute.byName(attribute.name()).orElseThrow().tag().value());
    }

    private static TtlvStructure keyBlock(int format, TtlvItem material, int algorithm, int length) {
        StructureBuilder block = StructureBuilder.of(Tags.KEY_BLOCK).enumeration(Tags.KEY_FORMAT_TYPE, format)
                .add(TtlvStructure.of(Tags.KEY_VALUE, material));
        if (algorithm > 0) {
            block.enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, algorithm).integer(Tags.CRYPTOGRAPHIC_LENGTH, length);
        }
        return block.build();
    }

    private static org.keyhaven.kmip.ttlv.TtlvByteString bytes(org.keyhaven.kmip.ttlv.Tag tag, byte[] value) {
        return new org.keyhaven.kmip.ttlv.TtlvByteString(tag, value);
    }
}
