package org.keyhaven.kmip.ttlv;

import java.util.Arrays;
import java.util.Optional;

/**
 * The TTLV item types of KMIP 1.0 to 2.1 with their type byte, the length their value must have, and the names
 * the specification and the XML and JSON encodings give them.
 */
public enum ItemType {
    STRUCTURE(0x01, "Structure", "Structure"),
    INTEGER(0x02, "Integer", "Integer", 4),
    LONG_INTEGER(0x03, "Long Integer", "LongInteger", 8),
    BIG_INTEGER(0x04, "Big Integer", "BigInteger"),
    ENUMERATION(0x05, "Enumeration", "Enumeration", 4),
    BOOLEAN(0x06, "Boolean", "Boolean", 8),
    TEXT_STRING(0x07, "Text String", "TextString"),
    BYTE_STRING(0x08, "Byte String", "ByteString"),
    DATE_TIME(0x09, "Date-Time", "DateTime", 8),
    INTERVAL(0x0A, "Interval", "Interval", 4),
    /** KMIP 2.0 and later. */
    DATE_TIME_EXTENDED(0x0B, "Date-Time Extended", "DateTimeExtended", 8);

    private static final int VARIABLE = -1;
    private static final ItemType[] BY_CODE = new ItemType[0x0C];

    static {
        for (ItemType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final String displayName;
    private final String xmlName;
    private final int fixedLength;

    ItemType(int code, String displayName, String xmlName) {
        this(code, displayName, xmlName, VARIABLE);
    }

    ItemType(int code, String displayName, String xmlName, int fixedLength) {
        this.code = code;
        this.displayName = displayName;
        this.xmlName = xmlName;
        this.fixedLength = fixedLength;
    }

    /** The type byte. */
    public int code() {
        return code;
    }

    /** As the specification names it, e.g. "Text String"; used in refusals and {@code toString}. */
    public String displayName() {
        return displayName;
    }

    /** The value of the {@code type} attribute in the KMIP XML and JSON encodings, e.g. "TextString". */
    public String xmlName() {
        return xmlName;
    }

    /** Whether the Item Length of this type is fixed (and then equal to {@link #fixedLength()}). */
    public boolean hasFixedLength() {
        return fixedLength != VARIABLE;
    }

    /** The Item Length every item of this type has; meaningful only if {@link #hasFixedLength()}. */
    public int fixedLength() {
        return fixedLength;
    }

    public static Optional<ItemType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    public static Optional<ItemType> ofXmlName(String xmlName) {
        return Arrays.stream(values()).filter(type -> type.xmlName.equals(xmlName)).findFirst();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
