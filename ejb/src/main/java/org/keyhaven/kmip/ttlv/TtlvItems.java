package org.keyhaven.kmip.ttlv;

import java.util.Arrays;
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

    /** The same value under another tag. */
    static TtlvItem retag(TtlvItem item, Tag tag) {
        if (item.tag().equals(tag)) {
            return item;
        }
        return switch (item.type()) {
            case STRUCTURE -> new TtlvStructure(tag, ((TtlvStructure) item).children());
            case INTEGER -> new TtlvInteger(tag, ((TtlvInteger) item).value());
            case LONG_INTEGER -> new TtlvLongInteger(tag, ((TtlvLongInteger) item).value());
            case BIG_INTEGER -> {
                byte[] encoded = ((TtlvBigInteger) item).encoded();
                TtlvBigInteger copy = new TtlvBigInteger(tag, encoded);
                Arrays.fill(encoded, (byte) 0);
                yield copy;
            }
            case ENUMERATION -> new TtlvEnumeration(tag, ((TtlvEnumeration) item).value());
            case BOOLEAN -> new TtlvBoolean(tag, ((TtlvBoolean) item).value());
            case TEXT_STRING -> new TtlvTextString(tag, ((TtlvTextString) item).value());
            case BYTE_STRING -> ((TtlvByteString) item).use(bytes -> new TtlvByteString(tag, bytes));
            case DATE_TIME -> new TtlvDateTime(tag, ((TtlvDateTime) item).epochSeconds());
            case INTERVAL -> new TtlvInterval(tag, ((TtlvInterval) item).seconds());
            case DATE_TIME_EXTENDED -> new TtlvDateTimeExtended(tag, ((TtlvDateTimeExtended) item).epochMicros());
        };
    }
}
