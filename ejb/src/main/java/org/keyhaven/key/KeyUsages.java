package org.keyhaven.key;

import java.util.EnumSet;
import java.util.Set;

/** Usage sets as stored: a bit mask of {@link KeyUsage} ordinals' KMIP bits. */
final class KeyUsages {

    private KeyUsages() {
    }

    static int toMask(Set<KeyUsage> usages) {
        int mask = 0;
        for (KeyUsage usage : usages) {
            mask |= usage.kmipMask();
        }
        return mask;
    }

    static EnumSet<KeyUsage> fromMask(int mask) {
        EnumSet<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage usage : KeyUsage.values()) {
            if ((mask & usage.kmipMask()) == usage.kmipMask()) {
                usages.add(usage);
            }
        }
        return usages;
    }
}
