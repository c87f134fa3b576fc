package org.keyhaven.kmip.operation;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * Reads and writes attributes the way each protocol version does. KMIP 1.x: an Attribute structure with Attribute
 * Name, optional Attribute Index and Attribute Value. KMIP 2.x: standard attributes as items under their own tag,
 * custom ones as an Attribute structure with Vendor Identification, Attribute Name and Attribute Value (a 1.x
 * {@code x-Name} is vendor {@code x}, name {@code Name}).
 */
public final class AttributeCodec {

    private AttributeCodec() {
    }

    /** The attributes of a 1.x Template-Attribute or a 2.x Attributes structure. */
    public static List<Attribute> readAll(TtlvStructure container, ProtocolVersion version) {
        List<Attribute> attributes = new ArrayList<>();
        for (TtlvItem child : container.children()) {
            if (!version.isV2() && child.tag().equals(Tags.NAME)) {
                throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "templates are not supported; give the"
                        + " attributes themselves");
            }
            attributes.add(read(child, version));
        }
        return attributes;
    }

    /** One attribute: a 1.x Attribute structure, or a 2.x attribute item (or vendor Attribute structure). */
    public static Attribute read(TtlvItem item, ProtocolVersion version) {
        if (item.tag().equals(Tags.ATTRIBUTE)) {
            TtlvStructure attribute = item.as(TtlvStructure.class);
            String name = attribute.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value();
            TtlvItem value = attribute.find(Tags.ATTRIBUTE_VALUE).orElseThrow(() -> new KmipFailure(
                    ResultReason.INVALID_FIELD, "attribute '" + Payloads.printable(name) + "' has no value"));
            if (version.isV2()) {
                String vendor = attribute.get(Tags.VENDOR_IDENTIFICATION, TtlvTextString.class).value();
                return new Attribute(vendor + "-" + name, value);
            }
            int index = attribute.find(Tags.ATTRIBUTE_INDEX, TtlvInteger.class).map(TtlvInteger::value).orElse(0);
            if (index < 0) {
                throw new KmipFailure(ResultReason.INVALID_FIELD, "an Attribute Index is not negative");
            }
            return new Attribute(name, value, index);
        }
        if (!version.isV2()) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "expected an Attribute, not " + item.tag());
        }
        StandardAttribute standard = StandardAttribute.byTag(item.tag()).orElseThrow(() -> new KmipFailure(
                ResultReason.UNSUPPORTED_ATTRIBUTE, "attribute " + KmipTags.nameOrHex(item.tag())
                + " is not supported"));
        return new Attribute(standard.kmipName(), item);
    }

    /** An attribute as a client of this version reads it. */
    public static TtlvItem write(Attribute attribute, ProtocolVersion version) {
        if (!version.isV2()) {
            StructureBuilder written = StructureBuilder.of(Tags.ATTRIBUTE).text(Tags.ATTRIBUTE_NAME, attribute.name());
            if (attribute.index() > 0) {
                written.integer(Tags.ATTRIBUTE_INDEX, attribute.index());
            }
            return written.add(attribute.value().withTag(Tags.ATTRIBUTE_VALUE)).build();
        }
        if (attribute.isCustom()) {
            return StructureBuilder.of(Tags.ATTRIBUTE)
                    .text(Tags.VENDOR_IDENTIFICATION, attribute.name().substring(0, 1))
                    .text(Tags.ATTRIBUTE_NAME, attribute.name().substring(2))
                    .add(attribute.value().withTag(Tags.ATTRIBUTE_VALUE)).build();
        }
        StandardAttribute standard = StandardAttribute.byName(attribute.name()).orElseThrow(
                () -> new IllegalArgumentException("no tag for attribute " + attribute.name()));
        return attribute.value().withTag(standard.tag());
    }

    /** 2.x: the attributes in one Attributes structure. 1.x: the Attribute structures themselves. */
    public static List<TtlvItem> writeAll(List<Attribute> attributes, ProtocolVersion version) {
        List<TtlvItem> written = attributes.stream().map(attribute -> write(attribute, version)).toList();
        return version.isV2() ? List.of(new TtlvStructure(Tags.ATTRIBUTES, written)) : written;
    }
}
