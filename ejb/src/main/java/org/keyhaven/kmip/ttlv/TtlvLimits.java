package org.keyhaven.kmip.ttlv;

/**
 * What the decoder and the frame reader accept at most, so that a hostile peer cannot make the server allocate
 * memory or recurse beyond a known bound. Work and memory for a message are linear in its size.
 *
 * @param maxMessageBytes the largest message, header included; checked before anything is allocated for it
 * @param maxDepth the deepest item: a top-level item is at depth 1, the children of a structure at depth d are at
 *     depth d + 1; at most {@value #MAX_DEPTH_CAP}, which keeps the decoder's recursion far from the stack's end
 * @param maxItems the most items in one message, all levels counted; bounds the objects allocated, since a message
 *     of empty items has one item per 8 bytes
 */
public record TtlvLimits(int maxMessageBytes, int maxDepth, int maxItems) {

    /** The largest configurable depth limit. */
    public static final int MAX_DEPTH_CAP = 256;
    /** The largest configurable message limit: 1 GiB. */
    public static final int MAX_MESSAGE_BYTES_CAP = 1 << 30;

    /**
     * 1 MiB, 32 levels, 16,384 items: well beyond what KMIP clients send (a request nests about 8 levels; key
     * material and certificates are a few KiB), far below what would strain the server.
     */
    public static final TtlvLimits DEFAULT = new TtlvLimits(1 << 20, 32, 16_384);

    /** @throws IllegalArgumentException if a limit is out of range */
    public TtlvLimits {
        if (maxMessageBytes < 8 || maxMessageBytes > MAX_MESSAGE_BYTES_CAP) {
            throw new IllegalArgumentException("maxMessageBytes must be 8 to " + MAX_MESSAGE_BYTES_CAP + ", not "
                    + maxMessageBytes);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_CAP) {
            throw new IllegalArgumentException("maxDepth must be 1 to " + MAX_DEPTH_CAP + ", not " + maxDepth);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, not " + maxItems);
        }
    }
}
