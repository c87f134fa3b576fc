package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;

/**
 * Row MACs of syslog destinations: someone who can write to the database but holds no master key redirects the audit
 * trail to a collector of their own, switches TLS off or moves the cursor past records, and Keyhaven notices on load.
 */
class SyslogDestinationRowProtectionTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private final MasterKeyRing ring = TestRings.withVersions(1, 2);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    static Stream<Arguments> columnEdits() {
        return Stream.of(
                Arguments.of("id", "00000000-0000-0000-0000-000000000000"),
                Arguments.of("name", "other"),
                Arguments.of("transport", Transport.TCP),
                Arguments.of("host", "collector.attacker.example"),
                Arguments.of("port", 1514),
                Arguments.of("format", SyslogFormat.CEF),
                Arguments.of("tlsCaPem", TlsFixtures.newCa("attacker CA").caPem()),
                Arguments.of("enabled", false),
                Arguments.of("cursorSeq", 1_000_000L),
                Arguments.of("backlogAlarm", Long.MAX_VALUE),
                Arguments.of("createdAt", CREATED.plusSeconds(1)),
                Arguments.of("createdBy", "mallory"),
                Arguments.of("mkVersion", 1));
    }

    private static final Map<String, String> COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "rowMac", "the MAC itself",
            "rowVersion", "optimistic lock counter",
            "lastError", "diagnostics, rewritten by delivery",
            "lastSentAt", "diagnostics, rewritten by delivery");

    @Test
    void aProtectedDestinationVerifiesAndSoDoesOneThatDeliveryMovedAndReprotected() {
        SyslogDestination destination = destination();
        destination.protectWith(ring);
        assertThatCode(() -> destination.verifyWith(ring)).doesNotThrowAnyException();

        destination.delivered(57, CREATED.plusSeconds(5));
        destination.failed("ConnectException: Connection refused");
        destination.protectWith(ring);

        assertThatCode(() -> destination.verifyWith(ring)).doesNotThrowAnyException();
        assertThat(destination.state().cursor()).isEqualTo(57);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnEdits")
    void editingAnyColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        SyslogDestination destination = destination();
        destination.protectWith(ring);
        assertThat(Fields.get(destination, column)).as("the edit must change %s", column).isNotEqualTo(value);

        Fields.set(destination, column, value);

        assertThatThrownBy(() -> destination.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
            assertThat(e.objectId()).isEqualTo(Fields.get(destination, "id"));
        });
    }

    @Test
    void diagnosticsOutsideTheMacMayChangeWithoutReprotecting() {
        SyslogDestination destination = destination();
        destination.protectWith(ring);

        Fields.set(destination, "lastError", "anything");
        Fields.set(destination, "lastSentAt", CREATED.plusSeconds(60));

        assertThatCode(() -> destination.verifyWith(ring)).doesNotThrowAnyException();
    }

    @Test
    void theEditTableCoversEveryColumnNotDeliberatelyLeftOut() {
        Set<String> edited = columnEdits().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> columns = Fields.instanceFields(SyslogDestination.class, ProtectedRow.class).stream()
                .filter(name -> !COLUMNS_OUTSIDE_THE_MAC.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(edited).isEqualTo(columns);
    }

    @Test
    void aRowThatWasNeverProtectedFails() {
        assertThatThrownBy(() -> destination().verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION));
    }

    private static SyslogDestination destination() {
        DestinationSpec spec = DestinationSpec.of("siem", "TLS", "siem.example", null, null,
                TlsFixtures.shared().caPem());
        return new SyslogDestination("0d3f5c1e-0000-4000-8000-000000000001", spec, 42, 10_000, "admin", CREATED);
    }
}
