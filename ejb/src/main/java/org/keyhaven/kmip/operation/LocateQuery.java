package org.keyhaven.kmip.operation;

import java.util.function.Predicate;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyView;

/**
 * What Locate looks for; null fields match anything.
 *
 * @param name the exact Name
 * @param kind the kind the Object Type stands for
 * @param rest what else a key must satisfy (the other attributes Locate names)
 * @param offset how many matches to skip
 * @param maximum the most identifiers to return
 */
public record LocateQuery(String name, KeyKind kind, KeyState state, KeyAlgorithm algorithm,
        Predicate<KeyView> rest, int offset, int maximum) {

    /** The most identifiers one Locate returns, whatever Maximum Items says. */
    public static final int MAX_ITEMS = 1000;

    public LocateQuery {
        offset = Math.max(0, offset);
        maximum = maximum <= 0 ? MAX_ITEMS : Math.min(maximum, MAX_ITEMS);
    }
}
