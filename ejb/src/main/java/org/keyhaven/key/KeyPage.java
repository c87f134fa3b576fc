package org.keyhaven.key;

import java.util.List;

/** One page of keys and the total number matching. */
public record KeyPage(List<KeyView> items, long total, int offset, int limit) {
}
