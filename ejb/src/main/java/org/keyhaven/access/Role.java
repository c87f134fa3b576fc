package org.keyhaven.access;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** The roles an admin user can hold. */
public enum Role {
    SECURITY_ADMIN,
    CRYPTO_OFFICER,
    AUDITOR;

    public static Role parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown role '" + Texts.printable(text, 40)
                + "'; known: SECURITY_ADMIN, CRYPTO_OFFICER, AUDITOR");
    }
}
