package org.keyhaven.kmip.ttlv;

/**
 * A TTLV item tag: three bytes on the wire. KMIP assigns 0x420001 to 0x42FFFF to the specification (0x420000 is
 * unused) and 0x540000 to 0x54FFFF to vendor and private extensions; every other value is unused, so a tag
 * outside these ranges is refused. The codec attaches no meaning to tags: a tag it has never heard of is carried
 * like any other. Names (the XML encoding's {@code <BatchItem>}, the spec's "Batch Item") map to numbers in a
 * dictionary outside this package.
 *
 * @param value the tag number, 0x420001 to 0x42FFFF or 0x540000 to 0x54FFFF
 */
public record Tag(int value) {

    private static final int STANDARD_FIRST = 0x420001;
    private static final int STANDARD_LAST = 0x42FFFF;
    private static final int EXTENSION_FIRST = 0x540000;
    private static final int EXTENSION_LAST = 0x54FFFF;

    /** @throws TtlvException if {@code value} is outside both tag ranges */
    public Tag {
        if (!isValid(value)) {
            throw new TtlvException("tag " + hex(value) + " is outside the standard (0x420001 to 0x42FFFF) and"
                    + " extension (0x540000 to 0x54FFFF) ranges");
        }
    }

    public static Tag of(int value) {
        return new Tag(value);
    }

    /** Whether {@code value} is in the standard or the extension range. */
    public static boolean isValid(int value) {
        return value >= STANDARD_FIRST && value <= STANDARD_LAST
                || value >= EXTENSION_FIRST && value <= EXTENSION_LAST;
    }

    /** Whether the tag is in the extension range 0x540000 to 0x54FFFF. */
    public boolean isExtension() {
        return value >= EXTENSION_FIRST;
    }

    /** As the specification writes it, e.g. {@code 0x42000F}; also the form the XML encoding accepts. */
    @Override
    public String toString() {
        return hex(value);
    }

    static String hex(int value) {
        return String.format("0x%06X", value);
    }
}
