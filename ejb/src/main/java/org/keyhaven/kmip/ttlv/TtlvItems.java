package org.keyhaven.kmip.ttlv;

import java.util.Map;

/** Helpers shared by the item classes. */
final class TtlvItems {

    private static final Map<Class<? extends TtlvItem>, ItemType> TYPES = Map.ofEntries(
            Map.entry(TtlvStructure.class, ItemType.STRUCTURE),
            Map.entry(TtlvInteger.class, ItemType.INTEGER),
            Map.entry(TtlvLongInteger.class, ItemType.LONG_INTEGER),
            Map.entry(TtlvBigInteger.class, ItemType.BIG_INTEGER),
            Map.entry(TtlvEnumeration.class, ItemType.ENUMERATION),
            Map.entry(TtlvBoolean.class, ItemType.BOOLEAN),
            Map.entry(TtlvTextString.class, ItemType.TEXT_STRING),
            Map.entry(TtlvByteString.class, ItemType.BYTE_STRING),
            Map.entry(TtlvDateTime.class, ItemType.DATE_TIME),
            Map.entry(TtlvInterval.class, ItemType.INTERVAL),
            Map.entry(TtlvDateTimeExtended.class, ItemType.DATE_TIME_EXTENDED));

    private TtlvItems() {
    }

    static ItemType typeOf(Class<? extends TtlvItem> recordType) {
        ItemType type = TYPES.get(recordType);
        if (type == null) {
            throw new IllegalArgumentException(recordType.getName() + " is not a TTLV item class");
        }
        return type;
    }

    /** The common start of every item's {@code toString()}: type and tag. */
    static String head(TtlvItem item) {
        return item.type().displayName() + " " + item.tag();
    }
}
