package org.keyhaven.kmip.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
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

    /**
     * Check: whether the object may be used as the client intends (its Cryptographic Usage Mask); usage limits and
     * leases are not kept by Keyhaven, so they never fail a Check.
     */
    TtlvStructure check(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        Integer wanted = Payloads.integer(payload, Tags.CRYPTOGRAPHIC_USAGE_MASK).orElse(null);
        if (wanted != null && (wanted & ~KmipAlgorithms.usageMask(key.usage())) != 0) {
            throw new KmipFailure(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK, "Check failed: the object's"
                    + " Cryptographic Usage Mask does not allow that use");
        }
        return Payloads.identifier(key.id());
    }

    TtlvStructure log(OperationContext context, TtlvStructure payload) {
        objects.log(payload.get(Tags.LOG_MESSAGE, TtlvTextString.class).value());
        return Payloads.response().build();
    }

    /** Set Attribute (2.x): the single value of an attribute, replaced or added. */
    TtlvStructure setAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Attribute attribute = newAttribute(context, payload);
        if (isActivationDate(attribute)) {
            return activationDate(context, id, attribute);
        }
        if (multiple(attribute.name())) {
            throw new KmipFailure(ResultReason.MULTI_VALUED_ATTRIBUTE, "attribute '" + attribute.name()
                    + "' takes several values; use Add or Modify Attribute");
        }
        return stored(context, id, attribute.name(), new ArrayList<>(List.of(attribute.value())), 0);
    }

    TtlvStructure addAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Attribute attribute = readNewAttribute(context, payload);
        if (attribute.name().equals(StandardAttribute.NAME.kmipName())) {
            requireNewName(objects.describe(id), attribute);
        }
        requireEditable(attribute.name());
        if (isActivationDate(attribute)) {
            return activationDate(context, id, attribute);
        }
        List<TtlvItem> instances = instances(objects.describe(id), attribute.name());
        if (!multiple(attribute.name()) && !instances.isEmpty()) {
            throw new KmipFailure(ResultReason.ATTRIBUTE_SINGLE_VALUED, "the object has attribute '"
                    + Payloads.printable(attribute.name()) + "' already, which takes one value; use Modify"
                    + " Attribute");
        }
        instances.add(attribute.value());
        return stored(context, id, attribute.name(), instances, instances.size() - 1);
    }

    TtlvStructure modifyAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Attribute attribute = newAttribute(context, payload);
        if (isActivationDate(attribute)) {
            return activationDate(context, id, attribute);
        }
        List<TtlvItem> instances = instances(objects.describe(id), attribute.name());
        int index = context.version().isV2()
                ? payload.find(Tags.CURRENT_ATTRIBUTE, TtlvStructure.class)
                        .map(current -> indexOf(instances, AttributeCodec.read(single(current), context.version())))
                        .orElse(0)
                : attribute.index();
        requireInstance(instances, index, attribute.name());
        instances.set(index, attribute.value());
        return stored(context, id, attribute.name(), instances, index);
    }

    TtlvStructure deleteAttribute(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        KeyView key = objects.describe(id);
        String name;
        int index;
        if (context.version().isV2()) {
            TtlvStructure current = payload.find(Tags.CURRENT_ATTRIBUTE, TtlvStructure.class).orElse(null);
            if (current != null) {
                Attribute attribute = AttributeCodec.read(single(current), context.version());
                name = attribute.name();
                index = indexOf(instances(key, name), attribute);
            } else {
                name = referencedName(payload.find(Tags.ATTRIBUTE_REFERENCE).orElseThrow(() -> new KmipFailure(
                        ResultReason.MISSING_DATA, "Delete Attribute names a Current Attribute or an Attribute"
                        + " Reference")));
                index = 0;
            }
        } else {
            name = payload.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value();
            index = Payloads.integer(payload, Tags.ATTRIBUTE_INDEX).orElse(0);
        }
        requireEditable(name);
        List<TtlvItem> instances = instances(key, name);
        requireInstance(instances, index, name);
        TtlvItem deleted = instances.remove(index);
        store(id, name, instances);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        if (!context.version().isV2()) {
            response.add(AttributeCodec.write(new Attribute(name, deleted, index), context.version()));
        }
        return response.build();
    }

    private static boolean isActivationDate(Attribute attribute) {
        return attribute.name().equals(StandardAttribute.ACTIVATION_DATE.kmipName());
    }

    /** The one server-kept attribute a client sets: when its Pre-Active key becomes Active. */
    private TtlvStructure activationDate(OperationContext context, String id, Attribute attribute) {
        Instant when = Instant.ofEpochSecond(attribute.value().as(TtlvDateTime.class).epochSeconds());
        KeyView key = objects.scheduleActivation(id, when);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        if (!context.version().isV2()) {
            response.add(AttributeCodec.write(attribute, context.version()));
        }
        return response.build();
    }

    /** Stores the attribute's instances; 1.x answers with the instance written. */
    private TtlvStructure stored(OperationContext context, String id, String name, List<TtlvItem> instances,
            int index) {
        KeyView key = store(id, name, instances);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, key.id());
        if (!context.version().isV2()) {
            response.add(AttributeCodec.write(new Attribute(name, instances.get(index), index), context.version()));
        }
        return response.build();
    }

    /** The instances of an editable attribute on the key, in index order; a copy to change. */
    private static List<TtlvItem> instances(KeyView key, String name) {
        List<TtlvItem> instances = new ArrayList<>();
        StandardAttribute standard = StandardAttribute.byName(name).orElse(null);
        if (standard != null) {
            String stored = key.attributes().get(StoredAttributes.key(standard));
            if (stored != null) {
                instances.addAll(StoredAttributes.decode(stored));
            }
        } else {
            instances.addAll(CustomAttributes.instances(key.attributes(), name));
        }
        return instances;
    }

    private KeyView store(String id, String name, List<TtlvItem> instances) {
        StandardAttribute standard = StandardAttribute.byName(name).orElse(null);
        Map<String, String> set = new HashMap<>();
        Set<String> remove = new HashSet<>();
        if (standard != null) {
            String key = StoredAttributes.key(standard);
            if (instances.isEmpty()) {
                remove.add(key);
            } else {
                set.put(key, StoredAttributes.encode(instances));
            }
        } else {
            CustomAttributes.put(set, name, instances);
            remove.add(name);
            remove.add(StoredAttributes.PREFIX + name);
            remove.removeAll(set.keySet());
        }
        return objects.editAttributes(id, set, remove);
    }

    /** 1.x: the Attribute; 2.x: the attribute inside New Attribute. Custom and client-kept attributes only. */
    private static Attribute newAttribute(OperationContext context, TtlvStructure payload) {
        Attribute attribute = readNewAttribute(context, payload);
        requireEditable(attribute.name());
        return attribute;
    }

    private static Attribute readNewAttribute(OperationContext context, TtlvStructure payload) {
        return context.version().isV2()
                ? AttributeCodec.read(single(payload.get(Tags.NEW_ATTRIBUTE, TtlvStructure.class)), context.version())
                : AttributeCodec.read(payload.get(Tags.ATTRIBUTE, TtlvStructure.class), context.version());
    }

    /**
     * A Name the object has already is not unique, whatever else is wrong with adding it (Keyhaven names do not
     * change, so any other Name is refused as read-only).
     */
    private static void requireNewName(KeyView key, Attribute name) {
        String value = name.value().as(TtlvStructure.class).get(Tags.NAME_VALUE, TtlvTextString.class).value();
        if (!key.attributes().containsKey(StoredAttributes.UNNAMED) && key.name().equals(value)) {
            throw new KmipFailure(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE, "the object has this Name already");
        }
    }

    private static void requireEditable(String name) {
        boolean custom = name.startsWith("x-") || name.startsWith("y-")
                || name.equals(StandardAttribute.ACTIVATION_DATE.kmipName());
        if (!custom && !StandardAttribute.byName(name).map(StandardAttribute::clientKept).orElse(false)) {
            throw new KmipFailure(StandardAttribute.byName(name).isPresent() ? ResultReason.ATTRIBUTE_READ_ONLY
                    : ResultReason.UNSUPPORTED_ATTRIBUTE, "attribute '" + Payloads.printable(name)
                    + "' is not one a client sets");
        }
    }

    private static boolean multiple(String name) {
        return StandardAttribute.byName(name).map(StandardAttribute::multiple).orElse(false);
    }

    private static void requireInstance(List<TtlvItem> instances, int index, String name) {
        if (index < 0 || index >= instances.size()) {
            throw new KmipFailure(ResultReason.ATTRIBUTE_NOT_FOUND, "the object has no attribute '"
                    + Payloads.printable(name) + "'" + (index > 0 ? " with index " + index : ""));
        }
    }

    /** The index of the instance equal to the attribute's value; -1 if none is. */
    private static int indexOf(List<TtlvItem> instances, Attribute attribute) {
        return instances.stream().map(instance -> instance.withTag(Tags.ATTRIBUTE_VALUE)).toList()
                .indexOf(attribute.value().withTag(Tags.ATTRIBUTE_VALUE));
    }

    /** 2.x: the name an Attribute Reference names (a tag, or a vendor and name). */
    static String referencedName(TtlvItem reference) {
        if (reference instanceof TtlvStructure vendor) {
            return vendor.get(Tags.VENDOR_IDENTIFICATION, TtlvTextString.class).value() + "-"
                    + vendor.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value();
        }
        int tag = reference.as(org.keyhaven.kmip.ttlv.TtlvEnumeration.class).value();
        return StandardAttribute.byTag(org.keyhaven.kmip.ttlv.Tag.of(tag)).map(StandardAttribute::kmipName)
                .orElse("");
    }

    private static TtlvItem single(TtlvStructure wrapper) {
        if (wrapper.children().size() != 1) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, wrapper.tag() + " holds exactly one attribute");
        }
        return wrapper.children().get(0);
    }
}
