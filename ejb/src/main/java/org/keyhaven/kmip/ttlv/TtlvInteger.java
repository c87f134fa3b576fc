package org.keyhaven.kmip.ttlv;

import java.util.Objects;

/**
 * An Integer: 32-bit signed, two's complement, big-endian; four value bytes then four bytes of zero padding.
 * KMIP also carries bit masks (Cryptographic Usage Mask) as Integers.
 */
public record TtlvInteger(Tag tag, int value) implements TtlvItem {

    public TtlvInteger {
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public ItemType type() {
        return ItemType.INTEGER;
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + value;
    }
}
