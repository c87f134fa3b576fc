package org.keyhaven.access;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Admin password rules, after NIST SP 800-63B: length matters, composition rules do not. At least 12 characters, at
 * most 256, not containing the username, different from the current password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static void check(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new KeyhavenException(ErrorCode.WEAK_PASSWORD,
                    "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            throw new KeyhavenException(ErrorCode.WEAK_PASSWORD, "a password has at most " + MAX_LENGTH + " characters");
        }
        if (containsIgnoringCase(password, username)) {
            throw new KeyhavenException(ErrorCode.WEAK_PASSWORD, "a password must not contain the username");
        }
    }

    /** Searches the char array in place: the password never becomes a String. */
    private static boolean containsIgnoringCase(char[] text, String part) {
        String wanted = part.toLowerCase(Locale.ROOT);
        for (int start = 0; start + wanted.length() <= text.length; start++) {
            int i = 0;
            while (i < wanted.length() && Character.toLowerCase(text[start + i]) == wanted.charAt(i)) {
                i++;
            }
            if (i == wanted.length()) {
                return true;
            }
        }
        return false;
    }
}
