package org.keyhaven.kmip.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.crypto.SecretBytes;
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
    private static final int STORAGE_ONLINE = 0x01;
    private static final int STORAGE_DESTROYED = 0x04;

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
        Integer asked = Payloads.enumeration(payload, Tags.KEY_FORMAT_TYPE).orElse(null);
        KeyView view = objects.describe(id);
        if (!view.state().hasMaterial()) {
            throw new KmipFailure(ResultReason.OBJECT_DESTROYED, "object " + view.id() + " is destroyed");
        }
        RetrievedKey key = objects.material(id);
        try {
            KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
            java.util.Map<String, String> attributes = view.attributes();
            Integer format = asked != null ? asked : registered(attributes, StoredAttributes.FORMAT);
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
            } else if (DataObjects.objectType(view).isPresent()) {
                int objectType = DataObjects.objectType(view).get();
                response.enumeration(Tags.OBJECT_TYPE, objectType).text(Tags.UNIQUE_IDENTIFIER, key.id())
                        .add(DataObjects.get(view, objectType, key.key()));
            } else if (algorithm.kind() == KeyKind.SECRET_DATA) {
                if (format != null && format != KmipAlgorithms.FORMAT_OPAQUE && format != KmipAlgorithms.FORMAT_RAW) {
                    throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "secret data is returned as"
                            + " Opaque or Raw");
                }
                response.enumeration(Tags.OBJECT_TYPE, KmipAlgorithms.OBJECT_SECRET_DATA)
                        .text(Tags.UNIQUE_IDENTIFIER, key.id())
                        .add(StructureBuilder.of(Tags.SECRET_DATA)
                                .enumeration(Tags.SECRET_DATA_TYPE, Objects.requireNonNullElse(
                                        registered(attributes, StoredAttributes.SECRET_DATA_TYPE), SECRET_DATA_PASSWORD))
                                .add(keyBlock(format == null ? KmipAlgorithms.FORMAT_OPAQUE : format,
                                        bytes(Tags.KEY_MATERIAL, key.key()),
                                        -1, -1))
                                .build());
            } else {
                int chosen = format == null ? KeyBlocks.format(view) : format;
                TtlvItem material;
                if (view.publicKeyOnly()) {
                    material = KeyBlocks.writePublic(chosen, algorithm, key.key());
                } else {
                    try (SecretBytes pkcs8 = SecretBytes.copyOf(key.key())) {
                        material = KeyBlocks.writePrivate(chosen, algorithm, pkcs8);
                    }
                }
                int objectType = KmipAlgorithms.objectType(view);
                response.enumeration(Tags.OBJECT_TYPE, objectType).text(Tags.UNIQUE_IDENTIFIER, key.id())
                        .add(TtlvStructure.of(objectType == KmipAlgorithms.OBJECT_PUBLIC_KEY ? Tags.PUBLIC_KEY
                                : Tags.PRIVATE_KEY, keyBlock(chosen, material,
                                KmipAlgorithms.code(algorithm, context.version()), key.length())));
            }
            return response.build();
        } finally {
            Arrays.fill(key.key(), (byte) 0);
        }
    }

    /** A number the key was registered with (its Key Format Type, Secret Data Type), if it was. */
    private static Integer registered(java.util.Map<String, String> attributes, String marker) {
        String value = attributes.get(marker);
        return value == null ? null : Integer.valueOf(value);
    }

    TtlvStructure getAttributes(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        List<String> names = context.version().isV2()
                ? payload.findAll(Tags.ATTRIBUTE_REFERENCE).stream().map(ObjectChanges::referencedName).toList()
                : payload.findAll(Tags.ATTRIBUTE_NAME, TtlvTextString.class).stream().map(TtlvTextString::value)
                        .toList();
        byte[] digest = names.isEmpty() || names.contains(StandardAttribute.DIGEST.kmipName())
                ? objects.digest(id).orElse(null) : null;
        List<Attribute> all = ObjectAttributes.of(key, digest, context.version());
        // every attribute when none is named; else the named ones, in the order asked
        List<Attribute> wanted = names.isEmpty() ? all : names.stream().distinct()
                .flatMap(name -> all.stream().filter(attribute -> attribute.name().equals(name))).toList();
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id())
                .addAll(AttributeCodec.writeAll(wanted, context.version())).build();
    }

    TtlvStructure getAttributeList(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        ObjectAttributes.of(key, objects.digest(id).orElse(null), context.version()).stream()
                .filter(attribute -> attribute.index() == 0)
                .forEach(attribute -> response.add(reference(attribute, context.version())));
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
        java.util.function.Predicate<KeyView> objectType = key -> true;
        KeyState state = null;
        KeyAlgorithm algorithm = null;
        List<Attribute> others = new ArrayList<>();
        for (Attribute attribute : attributes) {
            TtlvItem value = attribute.value();
            switch (attribute.name()) {
                case "Name" -> name = value.as(TtlvStructure.class).get(Tags.NAME_VALUE, TtlvTextString.class).value();
                case "Object Type" -> {
                    int type = value.as(TtlvEnumeration.class).value();
                    kind = kind(type);
                    if (kind == null) {
                        return Payloads.response().build();
                    }
                    objectType = key -> KmipAlgorithms.objectType(key) == type;
                }
                case "State" -> state = KmipAlgorithms.state(value.as(TtlvEnumeration.class).value());
                case "Cryptographic Algorithm" -> algorithm = KmipAlgorithms.algorithm(
                        value.as(TtlvEnumeration.class).value());
                default -> others.add(attribute);
            }
        }
        int maximum = Payloads.integer(payload, Tags.MAXIMUM_ITEMS).orElse(0);
        int offset = Payloads.integer(payload, Tags.OFFSET_ITEMS).orElse(0);
        if (maximum < 0 || offset < 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "Maximum Items and Offset Items are not negative");
        }
        // destroyed objects only when the Storage Status Mask asks for them (2.x) or the State named is a destroyed one
        int storage = Payloads.integer(payload, Tags.STORAGE_STATUS_MASK).orElse(STORAGE_ONLINE);
        boolean destroyed = (storage & STORAGE_DESTROYED) != 0 || state != null && !state.hasMaterial();
        boolean online = (storage & STORAGE_ONLINE) != 0;
        LocateCriteria criteria = new LocateCriteria(others, context.version());
        java.util.function.Predicate<KeyView> ofType = objectType;
        List<KeyView> found = objects.locate(new LocateQuery(name, kind, state, algorithm,
                key -> (key.state().hasMaterial() ? online : destroyed) && ofType.test(key) && criteria.matches(key),
                offset, maximum));
        StructureBuilder response = Payloads.response();
        found.forEach(key -> response.text(Tags.UNIQUE_IDENTIFIER, key.id()));
        if (!found.isEmpty()) {
            context.idPlaceholder(found.get(0).id());
        }
        return response.build();
    }

    /** The kind an Object Type stands for; null for object types the server has none of. */
    private static KeyKind kind(int objectType) {
        return switch (objectType) {
            case KmipAlgorithms.OBJECT_SYMMETRIC_KEY -> KeyKind.SYMMETRIC;
            case KmipAlgorithms.OBJECT_SECRET_DATA, DataObjects.OBJECT_CERTIFICATE, DataObjects.OBJECT_OPAQUE ->
                    KeyKind.SECRET_DATA;
            case KmipAlgorithms.OBJECT_PRIVATE_KEY, KmipAlgorithms.OBJECT_PUBLIC_KEY -> KeyKind.ASYMMETRIC;
            default -> null;
        };
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
