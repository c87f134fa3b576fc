package org.keyhaven.kmip.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Builds a Structure child by child, in order. */
public final class StructureBuilder {

    private final Tag tag;
    private final List<TtlvItem> children = new ArrayList<>();

    private StructureBuilder(Tag tag) {
        this.tag = tag;
    }

    public static StructureBuilder of(Tag tag) {
        return new StructureBuilder(tag);
    }

    public StructureBuilder add(TtlvItem item) {
        children.add(item);
        return this;
    }

    public StructureBuilder addAll(List<? extends TtlvItem> items) {
        children.addAll(items);
        return this;
    }

    public StructureBuilder text(Tag childTag, String value) {
        return add(new TtlvTextString(childTag, value));
    }

    public StructureBuilder integer(Tag childTag, int value) {
        return add(new TtlvInteger(childTag, value));
    }

    public StructureBuilder enumeration(Tag childTag, int value) {
        return add(new TtlvEnumeration(childTag, value));
    }

    public StructureBuilder bool(Tag childTag, boolean value) {
        return add(new TtlvBoolean(childTag, value));
    }

    /** Copies the bytes. */
    public StructureBuilder bytes(Tag childTag, byte[] value) {
        return add(new TtlvByteString(childTag, value));
    }

    public StructureBuilder dateTime(Tag childTag, Instant value) {
        return add(new TtlvDateTime(childTag, value.getEpochSecond()));
    }

    public TtlvStructure build() {
        return new TtlvStructure(tag, children);
    }
}
