package org.keyhaven.kmip.ttlv;

import java.util.Objects;

/** A Boolean: eight bytes, big-endian, 0 for false and 1 for true; no other value is valid. */
public record TtlvBoolean(Tag tag, boolean value) implements TtlvItem {

    public TtlvBoolean {
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public ItemType type() {
        return ItemType.BOOLEAN;
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + value;
    }
}
