package org.keyhaven.kmip.operation;

import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * Lifecycle changes (Activate, Revoke, Destroy, Re-key) and attribute edits. Clients edit custom attributes
 * ({@code x-}); standard attributes are the server's to keep (they change through the lifecycle operations).
 * Each custom attribute holds one value.
 */
final class ObjectChanges {

    private final ManagedObjects objects;

    ObjectChanges(ManagedObjects objects) {
        this.objects = objects;
    }

    TtlvStructure activate(OperationContext context, TtlvStructure payload) {
        return Payloads.identifier(objects.activate(Payloads.uniqueIdentifier(context, payload)).id());
    }

    TtlvStructure revoke(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        TtlvStructure reason = payload.get(Tags.REVOCATION_REASON, TtlvStructure.class);
        int code = reason.get(Tags.REVOCATION_REASON_CODE, TtlvEnumeration.class).value();
        RevocationReason[] reasons = RevocationReason.values();
        if (code < 1 || code > reasons.length) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "Revocation Reason Code " + code + " is not supported");
        }
        String message = reason.find(Tags.REVOCATION_MESSAGE, TtlvTextString.class).map(TtlvTextString::value)
                .orElse(null);
        return Payloads.identifier(objects.revoke(id, reasons[code - 1], message).id());
    }

    TtlvStructure destroy(OperationContext context, TtlvStructure payload) {
        return Payloads.identifier(objects.destroy(Payloads.uniqueIdentifier(context, payload)).id());
    }

    TtlvStructure reKey(OperationContext context, TtlvStructure payload) {
        if (!ObjectCreation.attributes(context, payload).isEmpty()) {
            throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "Re-key keeps the key's attributes; it takes"
                    + " none");
        }
        KeyView key = objects.reKey(Payloads.uniqueIdentifier(context, payload));
        context.idPlaceholder(key.id());
        return Payloads.identifier(key.id());
    }

    TtlvStructure addAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Attribute attribute = newAttribute(context, payload);
        if (objects.describe(id).attributes().containsKey(attribute.name())) {
            throw new KmipFailure(ResultReason.ILLEGAL_OPERATION, "the object has attribute '"
                    + Payloads.printable(attribute.name()) + "' already; use Modify Attribute");
        }
        return set(context, id, attribute);
    }

    TtlvStructure modifyAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Attribute attribute = newAttribute(context, payload);
        if (!objects.describe(id).attributes().containsKey(attribute.name())) {
            throw new KmipFailure(ResultReason.ATTRIBUTE_NOT_FOUND, "the object has no attribute '"
                    + Payloads.printable(attribute.name()) + "'");
        }
        return set(context, id, attribute);
    }

    TtlvStructure deleteAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        String name;
        if (context.version().isV2()) {
            name = payload.find(Tags.CURRENT_ATTRIBUTE, TtlvStructure.class)
                    .map(current -> AttributeCodec.read(single(current), context.version()).name())
                    .orElseGet(() -> payload.get(Tags.ATTRIBUTE_REFERENCE, TtlvStructure.class)
                            .get(Tags.VENDOR_IDENTIFICATION, TtlvTextString.class).value() + "-"
                            + payload.get(Tags.ATTRIBUTE_REFERENCE, TtlvStructure.class)
                                    .get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value());
        } else {
            name = payload.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value();
        }
        requireCustom(name);
        KeyView before = objects.describe(id);
        String old = before.attributes().get(name);
        if (old == null) {
            throw new KmipFailure(ResultReason.ATTRIBUTE_NOT_FOUND, "the object has no attribute '"
                    + Payloads.printable(name) + "'");
        }
        objects.removeAttribute(id, name);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, before.id());
        if (!context.version().isV2()) {
            response.add(AttributeCodec.write(new Attribute(name, new TtlvTextString(Tags.ATTRIBUTE_VALUE, old)),
                    context.version()));
        }
        return response.build();
    }

    private TtlvStructure set(OperationContext context, String id, Attribute attribute) {
        KeyView key = objects.setAttribute(id, attribute.name(), attribute.customText());
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        if (!context.version().isV2()) {
            response.add(AttributeCodec.write(attribute, context.version()));
        }
        return response.build();
    }

    /** 1.x: the Attribute; 2.x: the attribute inside New Attribute. Only custom attributes are edited. */
    private static Attribute newAttribute(OperationContext context, TtlvStructure payload) {
        Attribute attribute = context.version().isV2()
                ? AttributeCodec.read(single(payload.get(Tags.NEW_ATTRIBUTE, TtlvStructure.class)), context.version())
                : AttributeCodec.read(payload.get(Tags.ATTRIBUTE, TtlvStructure.class), context.version());
        requireCustom(attribute.name());
        attribute.customText();
        return attribute;
    }

    private static void requireCustom(String name) {
        if (!(name.startsWith("x-") || name.startsWith("y-"))) {
            throw new KmipFailure(ResultReason.READ_ONLY_ATTRIBUTE, "attribute '" + Payloads.printable(name)
                    + "' is kept by the server; clients edit custom (x-) attributes");
        }
    }

    private static org.keyhaven.kmip.ttlv.TtlvItem single(TtlvStructure wrapper) {
        if (wrapper.children().size() != 1) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, wrapper.tag() + " holds exactly one attribute");
        }
        return wrapper.children().get(0);
    }
}
