package org.keyhaven.kmip.ttlv;

import java.util.Objects;

/**
 * An Enumeration: a 32-bit unsigned number, big-endian, then four bytes of zero padding. Values with the first
 * nibble 8 (0x8xxxxxxx) are extensions; they are negative as a Java {@code int}, so {@link #value()} is the raw
 * 32 bits and {@link #unsignedValue()} the number.
 *
 * @param tag the tag
 * @param value the 32 bits of the value
 */
public record TtlvEnumeration(Tag tag, int value) implements TtlvItem {

    public TtlvEnumeration {
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public ItemType type() {
        return ItemType.ENUMERATION;
    }

    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    /** Whether the value is in the extension range (first nibble 8). */
    public boolean isExtension() {
        return value >>> 28 == 0x8;
    }

    /** Shows the value in hex, as KMIP's enumeration tables do. */
    @Override
    public String toString() {
        return TtlvItems.head(this) + " = " + String.format("0x%08X", value);
    }
}
