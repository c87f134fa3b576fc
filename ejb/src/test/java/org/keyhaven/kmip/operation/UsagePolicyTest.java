package org.keyhaven.kmip.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvLongInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;

class UsagePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theProtectStopDateEndsProtectionAndTheProcessStartDateBeginsProcessing() {
        Map<String, String> attributes = Map.of(
                StoredAttributes.key(StandardAttribute.PROTECT_STOP_DATE), date(NOW.minusSeconds(1)),
                StoredAttributes.key(StandardAttribute.PROCESS_START_DATE), date(NOW.plusSeconds(60)));

        assertThatThrownBy(() -> UsagePolicy.checkPeriods(attributes, true, NOW))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.KEY_NOT_USABLE));
        assertThatThrownBy(() -> UsagePolicy.checkPeriods(attributes, false, NOW))
                .hasMessageContaining("Process Start Date");
        UsagePolicy.checkPeriods(attributes, false, NOW.plusSeconds(60));
        UsagePolicy.checkPeriods(Map.of(), true, NOW);
    }

    @Test
    void aByteLimitIsSpentUseByUseUntilNothingIsLeft() {
        String limit = StoredAttributes.encode(List.of(StructureBuilder.of(Tags.USAGE_LIMITS)
                .add(new TtlvLongInteger(Tags.USAGE_LIMITS_TOTAL, 32)).enumeration(Tags.USAGE_LIMITS_UNIT, 1)
                .build()));
        String key = StoredAttributes.key(StandardAttribute.USAGE_LIMITS);

        String afterOne = UsagePolicy.consume(Map.of(key, limit), 16).orElseThrow();
        String afterTwo = UsagePolicy.consume(Map.of(key, afterOne), 16).orElseThrow();

        assertThat(count(afterOne)).isEqualTo(16);
        assertThat(count(afterTwo)).isZero();
        assertThatThrownBy(() -> UsagePolicy.consume(Map.of(key, afterTwo), 1))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(UsagePolicy.consume(Map.of(), 1_000_000)).isEmpty();
    }

    @Test
    void anObjectLimitCountsOperationsWhateverTheirSize() {
        String limit = StoredAttributes.encode(List.of(StructureBuilder.of(Tags.USAGE_LIMITS)
                .add(new TtlvLongInteger(Tags.USAGE_LIMITS_TOTAL, 1)).enumeration(Tags.USAGE_LIMITS_UNIT, 2)
                .build()));
        String key = StoredAttributes.key(StandardAttribute.USAGE_LIMITS);

        String spent = UsagePolicy.consume(Map.of(key, limit), 1 << 20).orElseThrow();

        assertThatThrownBy(() -> UsagePolicy.consume(Map.of(key, spent), 1)).isInstanceOf(KeyhavenException.class);
    }

    private static long count(String stored) {
        return StoredAttributes.decode(stored).get(0).as(TtlvStructure.class)
                .get(Tags.USAGE_LIMITS_COUNT, TtlvLongInteger.class).value();
    }

    private static String date(Instant instant) {
        return StoredAttributes.encode(List.of(new TtlvDateTime(Tags.ATTRIBUTE_VALUE, instant.getEpochSecond())));
    }
}
