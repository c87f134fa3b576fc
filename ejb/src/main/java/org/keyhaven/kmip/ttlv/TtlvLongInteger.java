package org.keyhaven.kmip.ttlv;

import java.util.Objects;

/** A Long Integer: 64-bit signed, two's complement, big-endian. */
public record TtlvLongInteger(Tag tag, long value) implements TtlvItem {

    public TtlvLongInteger {
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public ItemType type() {
        return ItemType.LONG_INTEGER;
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + value;
    }
}
