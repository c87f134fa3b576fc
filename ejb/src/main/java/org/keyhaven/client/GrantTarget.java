package org.keyhaven.client;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** How a grant names its keys: one key by id, one key by exact name, or every key whose name starts with a prefix. */
public enum GrantTarget {
    KEY_ID,
    NAME,
    NAME_PREFIX;

    public static GrantTarget parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown grant target kind '"
                + Texts.printable(text, 40) + "'; known: key_id, name, name_prefix");
    }

    /** Whether a grant of this kind with this target covers the key. */
    boolean covers(String target, String keyId, String keyName) {
        return switch (this) {
            case KEY_ID -> target.equalsIgnoreCase(keyId);
            case NAME -> target.equals(keyName);
            case NAME_PREFIX -> keyName.startsWith(target);
        };
    }
}
