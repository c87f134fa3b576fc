package org.keyhaven.client;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * What a client may be granted to do with a key. Stored as a bit mask; the bits are stable. CREATE lets a client
 * create or register keys whose names the grant covers (the client then owns them, see {@code ClientAccess});
 * MANAGE lets it change the lifecycle and attributes of keys it does not own (KMIP Activate, Revoke, Destroy,
 * Re-key, attribute edits).
 */
public enum GrantOperation {
    RETRIEVE(1),
    ENCRYPT(1 << 1),
    DECRYPT(1 << 2),
    SIGN(1 << 3),
    VERIFY(1 << 4),
    MAC(1 << 5),
    WRAP(1 << 6),
    UNWRAP(1 << 7),
    DATAKEY(1 << 8),
    CREATE(1 << 9),
    MANAGE(1 << 10);

    private final int bit;

    GrantOperation(int bit) {
        this.bit = bit;
    }

    public static GrantOperation parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "unknown operation '" + Texts.printable(text, 40)
                + "'; known: retrieve, encrypt, decrypt, sign, verify, mac, wrap, unwrap, datakey,"
                + " create, manage");
    }

    static int toMask(Set<GrantOperation> operations) {
        int mask = 0;
        for (GrantOperation operation : operations) {
            mask |= operation.bit;
        }
        return mask;
    }

    static EnumSet<GrantOperation> fromMask(int mask) {
        EnumSet<GrantOperation> operations = EnumSet.noneOf(GrantOperation.class);
        for (GrantOperation operation : values()) {
            if ((mask & operation.bit) != 0) {
                operations.add(operation);
            }
        }
        return operations;
    }
}
