package org.keyhaven.key;

import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** Rules for custom attributes (including KMIP {@code x-} attributes): short printable names, bounded values. */
final class KeyAttributes {

    static final int MAX_NAME = 255;
    static final int MAX_VALUE = 4000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.:\\-]{0,254}");
    private static final Pattern VALUE = Pattern.compile("[^\\p{Cntrl}]*");

    private KeyAttributes() {
    }

    static void validate(String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_ATTRIBUTE, "attribute name '" + Texts.printable(name, 60)
                    + "' must be 1-" + MAX_NAME + " letters, digits, space, '_', '.', ':' or '-'");
        }
        if (value == null || value.length() > MAX_VALUE || !VALUE.matcher(value).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_ATTRIBUTE, "value of attribute '" + name
                    + "' must be at most " + MAX_VALUE + " characters without control characters");
        }
    }
}
