package org.keyhaven.key;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;

/**
 * A validated request for a new key. Construction enforces: a name of printable characters (not a UUID, so names
 * and ids never collide in lookups), usages allowed by the algorithm (the algorithm's defaults when none are
 * given), activation before deactivation, valid attributes.
 */
public record KeyDefinition(String name, KeySpec spec, Set<KeyUsage> usages, boolean exportable,
        RotationPeriod rotationPeriod, Instant activationDate, Instant deactivationDate,
        Map<String, String> attributes) {

    public static final int MAX_NAME = 255;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/@+\\-]{0,254}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public KeyDefinition {
        validateName(name);
        if (spec == null) {
            throw new KeyhavenException(ErrorCode.UNKNOWN_ALGORITHM, "algorithm is required");
        }
        usages = Collections.unmodifiableSet(
                usages == null || usages.isEmpty() ? spec.algorithm().defaultUsages() : EnumSet.copyOf(usages));
        Set<KeyUsage> allowed = spec.algorithm().allowedUsages();
        for (KeyUsage usage : usages) {
            if (!allowed.contains(usage)) {
                throw new KeyhavenException(ErrorCode.INVALID_USAGE, "usage " + usage + " is not allowed for "
                        + spec.algorithm().externalName() + " keys; allowed: " + allowed);
            }
        }
        // dates enter the row MAC: hold them at the precision the database keeps, or the reloaded row fails its check
        activationDate = Times.truncate(activationDate);
        deactivationDate = Times.truncate(deactivationDate);
        if (activationDate != null && deactivationDate != null && !deactivationDate.isAfter(activationDate)) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "deactivation date must be after activation date");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        if (attributes.size() > ManagedKey.MAX_ATTRIBUTES) {
            throw new KeyhavenException(ErrorCode.INVALID_ATTRIBUTE,
                    "a key holds at most " + ManagedKey.MAX_ATTRIBUTES + " custom attributes");
        }
        attributes.forEach(KeyAttributes::validate);
    }

    public static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches() || UUID.matcher(name).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "key name '" + Texts.printable(name, 60)
                    + "' must be 1-" + MAX_NAME + " characters (letters, digits, _ . : / @ + -), start with a letter"
                    + " or digit, and not look like a key id");
        }
    }

    /** The same request with another rotation period (the server's default when the request named none). */
    public KeyDefinition withRotationPeriod(RotationPeriod period) {
        return new KeyDefinition(name, spec, usages, exportable, period, activationDate, deactivationDate, attributes);
    }
}
