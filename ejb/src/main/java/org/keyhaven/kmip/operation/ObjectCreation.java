package org.keyhaven.kmip.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keyhaven.crypto.ImportedKeys;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * Create (a symmetric key with generated material), Create Key Pair (a private and a public key, linked) and
 * Register (a symmetric key, private key, public key, secret data, certificate or opaque object, given).
 */
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

    /**
     * The common attributes apply to both keys unless the key's own attributes name the same attribute; each key is
     * activated by its own Activation Date. The ID Placeholder becomes the private key.
     */
    TtlvStructure createKeyPair(OperationContext context, TtlvStructure payload) {
        boolean v2 = context.version().isV2();
        List<Attribute> common = attributes(context, payload, v2 ? Tags.COMMON_ATTRIBUTES
                : Tags.COMMON_TEMPLATE_ATTRIBUTE);
        NewObjectRequest privateRequest = NewObjectRequest.of(merged(common, attributes(context, payload,
                v2 ? Tags.PRIVATE_KEY_ATTRIBUTES : Tags.PRIVATE_KEY_TEMPLATE_ATTRIBUTE)));
        NewObjectRequest publicRequest = NewObjectRequest.of(merged(common, attributes(context, payload,
                v2 ? Tags.PUBLIC_KEY_ATTRIBUTES : Tags.PUBLIC_KEY_TEMPLATE_ATTRIBUTE)));
        List<KeyView> pair = objects.createKeyPair(privateRequest.privateKeyDefinition(context.now()),
                publicRequest.publicKeyDefinition(context.now()), privateRequest.activatesAt(context.now()),
                publicRequest.activatesAt(context.now()));
        context.idPlaceholder(pair.get(0).id());
        return Payloads.response().text(Tags.PRIVATE_KEY_UNIQUE_IDENTIFIER, pair.get(0).id())
                .text(Tags.PUBLIC_KEY_UNIQUE_IDENTIFIER, pair.get(1).id()).build();
    }

    /** The key's own attributes, and the common ones it does not name itself. */
    private static List<Attribute> merged(List<Attribute> common, List<Attribute> own) {
        List<Attribute> all = new ArrayList<>(own);
        common.stream().filter(attribute -> own.stream().noneMatch(given -> given.name().equals(attribute.name())))
                .forEach(all::add);
        return all;
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
        } else if (objectType == KmipAlgorithms.OBJECT_PRIVATE_KEY) {
            TtlvStructure block = keyBlock(payload, Tags.PRIVATE_KEY, KmipAlgorithms.FORMAT_PKCS_1,
                    KmipAlgorithms.FORMAT_PKCS_8, KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PRIVATE);
            KeyAlgorithm algorithm = blockAlgorithm(request, block);
            try (SecretBytes pkcs8 = KeyBlocks.readPrivate(format(block), algorithm, keyMaterial(block))) {
                KeySpec actual = ImportedKeys.inspectPrivate(algorithm, pkcs8).spec();
                KeyDefinition definition = request.withDefaults(null, actual.lengthBits())
                        .privateKeyDefinition(context.now());
                key = objects.registerPrivateKey(definition, pkcs8, request.activatesAt(context.now()));
            }
        } else if (objectType == KmipAlgorithms.OBJECT_PUBLIC_KEY) {
            TtlvStructure block = keyBlock(payload, Tags.PUBLIC_KEY, KmipAlgorithms.FORMAT_PKCS_1,
                    KmipAlgorithms.FORMAT_X_509, KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PUBLIC);
            KeyAlgorithm algorithm = blockAlgorithm(request, block);
            byte[] spki = KeyBlocks.readPublic(format(block), algorithm, keyMaterial(block));
            KeySpec actual = ImportedKeys.inspectPublic(algorithm, spki);
            KeyDefinition definition = request.withDefaults(null, actual.lengthBits())
                    .publicKeyDefinition(context.now());
            key = objects.registerPublicKey(definition, spki, request.activatesAt(context.now()));
        } else if (objectType == DataObjects.OBJECT_CERTIFICATE || objectType == DataObjects.OBJECT_OPAQUE) {
            Map<String, String> markers = new TreeMap<>();
            byte[] value = objectType == DataObjects.OBJECT_CERTIFICATE ? DataObjects.certificate(payload, markers)
                    : DataObjects.opaque(payload, markers);
            request.registered(KmipAlgorithms.FORMAT_OPAQUE).dataObject(markers);
            try (SecretBytes material = SecretBytes.adopt(value)) {
                key = objects.register(request.secretDataDefinition(material.length() * 8, context.now()), material,
                        request.activatesAt(context.now()));
            }
        } else {
            throw new KmipFailure(ResultReason.INVALID_OBJECT_TYPE, "Register takes symmetric keys, private keys,"
                    + " public keys, secret data, certificates and opaque objects");
        }
        context.idPlaceholder(key.id());
        return Payloads.identifier(key.id());
    }

    /** The 1.x Template-Attribute or the 2.x Attributes of the request; none if absent. */
    static List<Attribute> attributes(OperationContext context, TtlvStructure payload) {
        return attributes(context, payload, context.version().isV2() ? Tags.ATTRIBUTES : Tags.TEMPLATE_ATTRIBUTE);
    }

    private static List<Attribute> attributes(OperationContext context, TtlvStructure payload,
            org.keyhaven.kmip.ttlv.Tag container) {
        return payload.find(container, TtlvStructure.class)
                .map(found -> AttributeCodec.readAll(found, context.version())).orElse(List.of());
    }

    /** The algorithm of a registered key pair half: the attributes', else the key block's; marks it registered. */
    private static KeyAlgorithm blockAlgorithm(NewObjectRequest request, TtlvStructure block) {
        request.registered(format(block)).withDefaults(Payloads.enumeration(block, Tags.CRYPTOGRAPHIC_ALGORITHM)
                .orElse(null), Payloads.integer(block, Tags.CRYPTOGRAPHIC_LENGTH).orElse(null));
        return request.algorithm().orElseThrow(() -> new KmipFailure(ResultReason.MISSING_DATA,
                "the Cryptographic Algorithm of the key is required"));
    }

    private static TtlvItem keyMaterial(TtlvStructure block) {
        return block.get(Tags.KEY_VALUE, TtlvStructure.class).find(Tags.KEY_MATERIAL).orElseThrow(
                () -> new KmipFailure(ResultReason.MISSING_DATA, "the key block has no Key Material"));
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
        TtlvItem material = keyMaterial(block);
        TtlvByteString bytes = material instanceof TtlvStructure transparent
                ? transparent.get(Tags.KEY, TtlvByteString.class) : material.as(TtlvByteString.class);
        if (bytes.length() == 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the Key Material is empty");
        }
        return SecretBytes.adopt(bytes.value());
    }
}
