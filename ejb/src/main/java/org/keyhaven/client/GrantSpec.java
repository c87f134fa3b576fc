package org.keyhaven.client;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * A validated grant: target kind, target (a key id, an exact key name, or a non-empty name prefix) and at least one
 * operation.
 */
public record GrantSpec(GrantTarget targetKind, String target, Set<GrantOperation> operations) {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    public GrantSpec {
        if (targetKind == null || target == null || target.isEmpty() || target.length() > 255) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a grant needs a target of 1-255 characters");
        }
        if (targetKind == GrantTarget.KEY_ID && !UUID.matcher(target).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "grant target '" + Texts.printable(target, 60)
                    + "' is not a key id");
        }
        if (!target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "grant targets are printable ASCII without spaces");
        }
        if (operations == null || operations.isEmpty()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a grant needs at least one operation");
        }
        operations = EnumSet.copyOf(operations);
        if (targetKind == GrantTarget.KEY_ID) {
            target = target.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
