package org.keyhaven.kmip.operation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvLongInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * The usage controls a client can put on its key through attributes (SP 800-57 cryptoperiods and KMIP usage
 * limits), enforced on every cryptographic use: no new data is protected after the Protect Stop Date, no data is
 * processed before the Process Start Date, and a key with Usage Limits serves only until its count (bytes or
 * operations) is spent.
 */
public final class UsagePolicy {

    private static final int UNIT_BYTE = 1;

    private UsagePolicy() {
    }

    /**
     * @param protect whether the use protects new data (encrypt, sign, MAC) or processes existing data
     * @throws KeyhavenException {@link ErrorCode#KEY_NOT_USABLE} outside the period
     */
    public static void checkPeriods(Map<String, String> attributes, boolean protect, Instant now) {
        if (protect) {
            date(attributes, StandardAttribute.PROTECT_STOP_DATE).filter(stop -> !now.isBefore(stop))
                    .ifPresent(stop -> {
                        throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "the key's Protect Stop Date has"
                                + " passed: it protects no new data");
                    });
        } else {
            date(attributes, StandardAttribute.PROCESS_START_DATE).filter(now::isBefore).ifPresent(start -> {
                throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "the key's Process Start Date has not come:"
                        + " it processes no data yet");
            });
        }
    }

    /**
     * Spends one use of {@code bytes} bytes from the key's Usage Limits.
     *
     * @return the attribute's new stored value, or empty if the key has no usage limits
     * @throws KeyhavenException {@link ErrorCode#FORBIDDEN} if the limit is spent
     */
    public static Optional<String> consume(Map<String, String> attributes, long bytes) {
        String stored = attributes.get(StoredAttributes.key(StandardAttribute.USAGE_LIMITS));
        if (stored == null) {
            return Optional.empty();
        }
        TtlvStructure limits = StoredAttributes.decode(stored).get(0).as(TtlvStructure.class);
        long total = limits.get(Tags.USAGE_LIMITS_TOTAL, TtlvLongInteger.class).value();
        long count = limits.find(Tags.USAGE_LIMITS_COUNT, TtlvLongInteger.class).map(TtlvLongInteger::value)
                .orElse(total);
        int unit = limits.find(Tags.USAGE_LIMITS_UNIT, TtlvEnumeration.class).map(TtlvEnumeration::value)
                .orElse(UNIT_BYTE);
        long needed = unit == UNIT_BYTE ? bytes : 1;
        if (count < needed) {
            throw new KeyhavenException(ErrorCode.FORBIDDEN, "the key's usage limit is spent");
        }
        TtlvStructure spent = StructureBuilder.of(Tags.USAGE_LIMITS)
                .add(new TtlvLongInteger(Tags.USAGE_LIMITS_TOTAL, total))
                .add(new TtlvLongInteger(Tags.USAGE_LIMITS_COUNT, count - needed))
                .enumeration(Tags.USAGE_LIMITS_UNIT, unit).build();
        return Optional.of(StoredAttributes.encode(List.of(spent)));
    }

    private static Optional<Instant> date(Map<String, String> attributes, StandardAttribute attribute) {
        String stored = attributes.get(StoredAttributes.key(attribute));
        if (stored == null) {
            return Optional.empty();
        }
        TtlvItem value = StoredAttributes.decode(stored).get(0);
        return Optional.of(Instant.ofEpochSecond(value.as(TtlvDateTime.class).epochSeconds()));
    }
}
