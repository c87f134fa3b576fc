package org.keyhaven.key;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** What a key may be used for. MAC covers generating and verifying a MAC. */
public enum KeyUsage {
    ENCRYPT(0x04),
    DECRYPT(0x08),
    WRAP(0x10),
    UNWRAP(0x20),
    SIGN(0x01),
    VERIFY(0x02),
    MAC(0x80 | 0x100);

    /** The KMIP Cryptographic Usage Mask bits this usage stands for. */
    private final int kmipMask;

    KeyUsage(int kmipMask) {
        this.kmipMask = kmipMask;
    }

    public int kmipMask() {
        return kmipMask;
    }

    public static KeyUsage parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the domain error
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_USAGE, "unknown usage '" + Texts.printable(text, 40) + "'");
    }
}
