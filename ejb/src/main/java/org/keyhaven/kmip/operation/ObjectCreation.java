package org.keyhaven.kmip.operation;

import java.util.List;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/** Create (a symmetric key with generated material) and Register (a symmetric key or secret data, given). */
final class ObjectCreation {


    private final ManagedObjects objects;

    ObjectCreation(ManagedObjects objects) {
        this.objects = objects;
    }

    TtlvStructure create(OperationContext context, TtlvStructure payload) {
        int objectType = payload.get(Tags.OBJECT_TYPE, TtlvEnumeration.class).value();
        if (objectType != KmipAlgorithms.OBJECT_SYMMETRIC_KEY) {
            throw new KmipFailure(ResultReason.INVALID_OBJECT_TYPE, "Create makes symmetric keys; use Create Key Pair"
                    + " or Register for other objects");
        }
        NewObjectRequest request = NewObjectRequest.of(attributes(context, payload));
        KeyView key = objects.create(request.keyDefinition(context.now()), request.activatesAt(context.now()));
        context.idPlaceholder(key.id());
        return Payloads.response().enumeration(Tags.OBJECT_TYPE, objectType).text(Tags.UNIQUE_IDENTIFIER, key.id())
                .build();
    }

    TtlvStructure register(OperationContext context, TtlvStructure payload) {
        int objectType = payload.get(Tags.OBJECT_TYPE, TtlvEnumeration.class).value();
        NewObjectRequest request = NewObjectRequest.of(attributes(context, payload));
        KeyView key;
        if (objectType == KmipAlgorithms.OBJECT_SYMMETRIC_KEY) {
            TtlvStructure block = keyBlock(payload, Tags.SYMMETRIC_KEY, KmipAlgorithms.FORMAT_RAW,
                    KmipAlgorithms.FORMAT_TRANSPARENT_SYMMETRIC);
            request.registered(format(block)).withDefaults(Payloads.enumeration(block, Tags.CRYPTOGRAPHIC_ALGORITHM)
                    .orElse(null), Payloads.integer(block, Tags.CRYPTOGRAPHIC_LENGTH).orElse(null));
            try (SecretBytes material = material(block)) {
                KeyDefinition definition = request.withDefaults(null, material.length() * 8)
                        .keyDefinition(context.now());
                key = objects.register(definition, material, request.activatesAt(context.now()));
            }
        } else if (objectType == KmipAlgorithms.OBJECT_SECRET_DATA) {
            TtlvStructure block = keyBlock(payload, Tags.SECRET_DATA, KmipAlgorithms.FORMAT_OPAQUE,
                    KmipAlgorithms.FORMAT_RAW);
            request.registered(format(block)).secretDataType(payload.get(Tags.SECRET_DATA, TtlvStructure.class)
                    .get(Tags.SECRET_DATA_TYPE, TtlvEnumeration.class).value());
            try (SecretBytes material = material(block)) {
                key = objects.register(request.secretDataDefinition(material.length() * 8, context.now()), material,
                        request.activatesAt(context.now()));
            }
        } else {
            throw new KmipFailure(ResultReason.INVALID_OBJECT_TYPE, "Register takes symmetric keys and secret data");
        }
        context.idPlaceholder(key.id());
        return Payloads.identifier(key.id());
    }

    /** The 1.x Template-Attribute or the 2.x Attributes of the request; none if absent. */
    static List<Attribute> attributes(OperationContext context, TtlvStructure payload) {
        return payload.find(context.version().isV2() ? Tags.ATTRIBUTES : Tags.TEMPLATE_ATTRIBUTE, TtlvStructure.class)
                .map(container -> AttributeCodec.readAll(container, context.version())).orElse(List.of());
    }

    private static TtlvStructure keyBlock(TtlvStructure payload, org.keyhaven.kmip.ttlv.Tag objectTag,
            int... formats) {
        TtlvStructure object = payload.find(objectTag, TtlvStructure.class).orElseThrow(() -> new KmipFailure(
                ResultReason.MISSING_DATA, "the request carries no " + objectTag + " object of its Object Type"));
        TtlvStructure block = object.get(Tags.KEY_BLOCK, TtlvStructure.class);
        if (block.find(Tags.KEY_WRAPPING_DATA).isPresent()) {
            throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "wrapped key blocks are not accepted; register"
                    + " the key unwrapped over the TLS connection");
        }
        if (block.find(Tags.KEY_COMPRESSION_TYPE).isPresent()) {
            throw new KmipFailure(ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED, "key compression is not supported");
        }
        int format = block.get(Tags.KEY_FORMAT_TYPE, TtlvEnumeration.class).value();
        if (java.util.Arrays.stream(formats).noneMatch(allowed -> allowed == format)) {
            throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Key Format Type " + format
                    + " is not accepted for this object");
        }
        return block;
    }

    private static int format(TtlvStructure block) {
        return block.get(Tags.KEY_FORMAT_TYPE, TtlvEnumeration.class).value();
    }

    /** The key material of a Raw, Opaque or Transparent Symmetric Key block; the caller closes it. */
    private static SecretBytes material(TtlvStructure block) {
        TtlvStructure value = block.get(Tags.KEY_VALUE, TtlvStructure.class);
        TtlvItem material = value.find(Tags.KEY_MATERIAL).orElseThrow(() -> new KmipFailure(
                ResultReason.MISSING_DATA, "the key block has no Key Material"));
        TtlvByteString bytes = material instanceof TtlvStructure transparent
                ? transparent.get(Tags.KEY, TtlvByteString.class) : material.as(TtlvByteString.class);
        if (bytes.length() == 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the Key Material is empty");
        }
        return SecretBytes.adopt(bytes.value());
    }
}
