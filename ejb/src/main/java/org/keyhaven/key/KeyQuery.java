package org.keyhaven.key;

/**
 * A page of the key list: {@code name} matches a prefix ({@code app-}) or, ending in nothing special, also the
 * exact name; {@code state} filters by lifecycle state; both optional.
 */
public record KeyQuery(String name, KeyState state, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public KeyQuery {
        offset = Math.max(0, offset);
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
    }
}
