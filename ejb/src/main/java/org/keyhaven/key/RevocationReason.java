package org.keyhaven.key;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** KMIP Revocation Reason Codes. A compromise reason moves the key to Compromised, every other to Deactivated. */
public enum RevocationReason {
    UNSPECIFIED(false),
    KEY_COMPROMISE(true),
    CA_COMPROMISE(true),
    AFFILIATION_CHANGED(false),
    SUPERSEDED(false),
    CESSATION_OF_OPERATION(false),
    PRIVILEGE_WITHDRAWN(false);

    private final boolean compromise;

    RevocationReason(boolean compromise) {
        this.compromise = compromise;
    }

    public LifecycleEvent event() {
        return compromise ? LifecycleEvent.COMPROMISE : LifecycleEvent.DEACTIVATE;
    }

    public static RevocationReason parse(String text) {
        if (text == null) {
            return UNSPECIFIED;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown revocation reason '"
                    + Texts.printable(text, 40) + "'; known: UNSPECIFIED, KEY_COMPROMISE, CA_COMPROMISE, "
                    + "AFFILIATION_CHANGED, SUPERSEDED, CESSATION_OF_OPERATION, PRIVILEGE_WITHDRAWN");
        }
    }
}
