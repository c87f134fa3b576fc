package org.keyhaven.kmip.ttlv;

/**
 * One TTLV item: a tag, a type and a value. A tree of items is a KMIP message in the form every encoding shares,
 * so the binary codec here and a later reader of the XML or JSON encodings build the same tree. There is one class
 * per {@link ItemType}; callers reach the value through its accessors, usually after
 * {@link TtlvStructure#get(Tag, Class)} or {@link #as(Class)}.
 *
 * <p>Items are immutable values (records), except that the two that carry key material, {@link TtlvByteString} and
 * {@link TtlvBigInteger}, are classes that can be wiped ({@link TtlvStructure#destroySecrets()}).
 *
 * <p>{@code toString()} never shows the contents of Byte Strings, Big Integers or Text Strings, only their
 * length: they carry key material, private key components and passwords.
 */
public sealed interface TtlvItem permits TtlvStructure, TtlvInteger, TtlvLongInteger, TtlvBigInteger,
        TtlvEnumeration, TtlvBoolean, TtlvTextString, TtlvByteString, TtlvDateTime, TtlvInterval,
        TtlvDateTimeExtended {

    Tag tag();

    ItemType type();

    /**
     * This item as the given item class; for reading a field whose type the protocol fixes.
     *
     * @throws TtlvException naming the tag, the expected and the actual type, if the item is of another type
     */
    default <T extends TtlvItem> T as(Class<T> expected) {
        if (!expected.isInstance(this)) {
            throw new TtlvException("item " + tag() + " is of type " + type().displayName() + ", not "
                    + TtlvItems.typeOf(expected).displayName());
        }
        return expected.cast(this);
    }

    /** The same value under another tag (this item if the tag is already that one). */
    default TtlvItem withTag(Tag tag) {
        return TtlvItems.retag(this, tag);
    }
}
