package org.keyhaven.kmip.ttlv;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Text String: UTF-8, then zero padding to the next multiple of eight. The value must be well-formed Unicode (no
 * unpaired surrogate), so that its UTF-8 form is exact and decoding what was encoded gives it back.
 *
 * <p>KMIP sends passwords as Text Strings (Credential Value, Password): {@code toString()} shows the length
 * only.
 *
 * @param tag the tag
 * @param value the text
 */
public record TtlvTextString(Tag tag, String value) implements TtlvItem {

    /** @throws TtlvException if the value contains an unpaired surrogate */
    public TtlvTextString {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
        int unpaired = unpairedSurrogate(value);
        if (unpaired >= 0) {
            throw new TtlvException("Text String " + tag + " has an unpaired surrogate at index " + unpaired
                    + "; it has no UTF-8 form");
        }
    }

    @Override
    public ItemType type() {
        return ItemType.TEXT_STRING;
    }

    /** The value in UTF-8, as encoded on the wire (without padding). */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The length of {@link #utf8()}, without encoding. */
    public int utf8Length() {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    @Override
    public String toString() {
        return TtlvItems.head(this) + " (" + value.length() + " chars)";
    }

    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
