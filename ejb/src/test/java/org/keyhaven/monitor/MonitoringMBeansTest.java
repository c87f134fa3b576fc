package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.key.KeyState;
import org.keyhaven.seal.SealStatus;
import org.keyhaven.testing.ManualClock;

/**
 * The MBeans as a JMX client sees them, on a private MBean server: the names and attributes the README promises,
 * no operation and no writable attribute anywhere, the figures their sources give, and null or -1 (never an
 * exception) when a source fails.
 */
class MonitoringMBeansTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final MBeanRegistry registry = new MBeanRegistry(server);
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final OperationMetrics metrics = new OperationMetrics(clock, 16);

    @AfterEach
    void release() {
        registry.unregisterAll();
    }

    private static RuntimeException down() {
        return new IllegalStateException("database down");
    }

    private void registerWorking() throws Exception {
        Map<KeyState, Long> keys = new EnumMap<>(KeyState.class);
        keys.put(KeyState.PRE_ACTIVE, 2L);
        keys.put(KeyState.ACTIVE, 5L);
        keys.put(KeyState.DESTROYED, 1L);
        Map<ClientStatus, Long> clients = new EnumMap<>(ClientStatus.class);
        clients.put(ClientStatus.ACTIVE, 3L);
        clients.put(ClientStatus.DISABLED, 1L);
        LastAuditVerification verification = new LastAuditVerification();
        verification.record(true, Instant.parse("2024-05-01T09:59:00Z"));
        registry.register(new ObjectName(ServerMXBean.OBJECT_NAME), new ServerMonitor(
                () -> new SealStatus(false, "embedded", 2, null, null, null), () -> "TEST"));
        registry.register(new ObjectName(KeysMXBean.OBJECT_NAME), new KeysMonitor(() -> Optional.of(keys), clock));
        registry.register(new ObjectName(AuditMXBean.OBJECT_NAME), new AuditMonitor(() -> 42L, verification::last));
        registry.register(new ObjectName(ClientsMXBean.OBJECT_NAME),
                new ClientsMonitor(() -> Optional.of(clients), clock));
        registry.register(new ObjectName(ApprovalsMXBean.OBJECT_NAME), new ApprovalsMonitor(() -> 7L));
        registry.register(new ObjectName(KmipMXBean.OBJECT_NAME), new KmipMonitor(() -> true, () -> 4));
        metrics.record("key.create", true, 2_000_000L);
        metrics.record("key.create", false, 4_000_000L);
        registry.register(OperationMonitor.objectName("key.create"), new OperationMonitor(metrics, "key.create"));
    }

    private void registerFailing() throws Exception {
        registry.register(new ObjectName(ServerMXBean.OBJECT_NAME), new ServerMonitor(() -> {
            throw down();
        }, () -> {
            throw down();
        }));
        registry.register(new ObjectName(KeysMXBean.OBJECT_NAME), new KeysMonitor(Optional::empty, clock));
        registry.register(new ObjectName(AuditMXBean.OBJECT_NAME), new AuditMonitor(() -> {
            throw down();
        }, () -> {
            throw down();
        }));
        registry.register(new ObjectName(ClientsMXBean.OBJECT_NAME), new ClientsMonitor(() -> {
            throw down();
        }, clock));
        registry.register(new ObjectName(ApprovalsMXBean.OBJECT_NAME), new ApprovalsMonitor(() -> -1L));
        registry.register(new ObjectName(KmipMXBean.OBJECT_NAME), new KmipMonitor(() -> {
            throw down();
        }, () -> {
            throw down();
        }));
    }

    private Object attribute(String name, String attribute) throws Exception {
        return server.getAttribute(new ObjectName(name), attribute);
    }

    @Test
    void everyMBeanHasExactlyItsDocumentedAttributes() throws Exception {
        registerWorking();

        assertThat(attributeNames(ServerMXBean.OBJECT_NAME))
                .containsExactlyInAnyOrder("Version", "Environment", "Sealed", "SealMode", "MasterKeyVersion");
        assertThat(attributeNames(KeysMXBean.OBJECT_NAME)).containsExactlyInAnyOrder("PreActive", "Active",
                "Deactivated", "Compromised", "Destroyed", "DestroyedCompromised", "Total");
        assertThat(attributeNames(AuditMXBean.OBJECT_NAME))
                .containsExactlyInAnyOrder("HeadSequence", "LastVerifyIntact", "LastVerifyTime");
        assertThat(attributeNames(ClientsMXBean.OBJECT_NAME)).containsExactlyInAnyOrder("Count", "Enabled");
        assertThat(attributeNames(ApprovalsMXBean.OBJECT_NAME)).containsExactlyInAnyOrder("Pending");
        assertThat(attributeNames(KmipMXBean.OBJECT_NAME)).containsExactlyInAnyOrder("Listening", "OpenConnections");
        assertThat(attributeNames("org.keyhaven:type=Operation,name=key.create")).containsExactlyInAnyOrder("Count",
                "Errors", "PerMinute", "P50Millis", "P90Millis", "P99Millis", "MaxMillis");
    }

    @Test
    void noMBeanHasAnOperationOrAWritableAttribute() throws Exception {
        registerWorking();

        Set<ObjectName> names = server.queryNames(new ObjectName("org.keyhaven:*"), null);
        assertThat(names).hasSize(7);
        for (ObjectName name : names) {
            MBeanInfo info = server.getMBeanInfo(name);
            assertThat(info.getOperations()).as("operations of %s", name).isEmpty();
            assertThat(info.getAttributes()).as("attributes of %s", name).isNotEmpty()
                    .allSatisfy(attribute -> {
                        assertThat(attribute.isReadable()).isTrue();
                        assertThat(attribute.isWritable()).as("%s writable", attribute.getName()).isFalse();
                    });
        }
    }

    @Test
    void attributesShowWhatTheSourcesSay() throws Exception {
        registerWorking();

        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Version")).isInstanceOf(String.class);
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Environment")).isEqualTo("TEST");
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Sealed")).isEqualTo(false);
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "SealMode")).isEqualTo("embedded");
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "MasterKeyVersion")).isEqualTo(2);
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "PreActive")).isEqualTo(2L);
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "Active")).isEqualTo(5L);
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "Compromised")).isEqualTo(0L);
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "Destroyed")).isEqualTo(1L);
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "Total")).isEqualTo(8L);
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "HeadSequence")).isEqualTo(42L);
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyIntact")).isEqualTo(true);
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyTime")).isEqualTo("2024-05-01T09:59:00Z");
        assertThat(attribute(ClientsMXBean.OBJECT_NAME, "Count")).isEqualTo(4L);
        assertThat(attribute(ClientsMXBean.OBJECT_NAME, "Enabled")).isEqualTo(3L);
        assertThat(attribute(ApprovalsMXBean.OBJECT_NAME, "Pending")).isEqualTo(7L);
        assertThat(attribute(KmipMXBean.OBJECT_NAME, "Listening")).isEqualTo(true);
        assertThat(attribute(KmipMXBean.OBJECT_NAME, "OpenConnections")).isEqualTo(4);
        String operation = "org.keyhaven:type=Operation,name=key.create";
        assertThat(attribute(operation, "Count")).isEqualTo(2L);
        assertThat(attribute(operation, "Errors")).isEqualTo(1L);
        assertThat(attribute(operation, "PerMinute")).isEqualTo(2L);
        assertThat(attribute(operation, "P50Millis")).isEqualTo(2.0);
        assertThat(attribute(operation, "MaxMillis")).isEqualTo(4.0);
    }

    @Test
    void failingSourcesGiveNullOrMinusOneInsteadOfAnException() throws Exception {
        registerFailing();

        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Version")).isNotNull();
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Environment")).isNull();
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Sealed")).isNull();
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "SealMode")).isNull();
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "MasterKeyVersion")).isNull();
        for (String keys : new String[] {"PreActive", "Active", "Deactivated", "Compromised", "Destroyed",
                "DestroyedCompromised", "Total"}) {
            assertThat(attribute(KeysMXBean.OBJECT_NAME, keys)).as(keys).isEqualTo(-1L);
        }
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "HeadSequence")).isEqualTo(-1L);
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyIntact")).isNull();
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyTime")).isNull();
        assertThat(attribute(ClientsMXBean.OBJECT_NAME, "Count")).isEqualTo(-1L);
        assertThat(attribute(ClientsMXBean.OBJECT_NAME, "Enabled")).isEqualTo(-1L);
        assertThat(attribute(ApprovalsMXBean.OBJECT_NAME, "Pending")).isEqualTo(-1L);
        assertThat(attribute(KmipMXBean.OBJECT_NAME, "Listening")).isNull();
        assertThat(attribute(KmipMXBean.OBJECT_NAME, "OpenConnections")).isEqualTo(-1);
    }

    @Test
    void aSealedServerHasNoMasterKeyVersionAndNoVerificationBeforeTheFirst() throws Exception {
        registry.register(new ObjectName(ServerMXBean.OBJECT_NAME), new ServerMonitor(
                () -> new SealStatus(true, "custodian", null, "custodian mode", 0, 2), () -> "PRODUCTION"));
        registry.register(new ObjectName(AuditMXBean.OBJECT_NAME),
                new AuditMonitor(() -> 0L, new LastAuditVerification()::last));

        assertThat(attribute(ServerMXBean.OBJECT_NAME, "Sealed")).isEqualTo(true);
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "SealMode")).isEqualTo("custodian");
        assertThat(attribute(ServerMXBean.OBJECT_NAME, "MasterKeyVersion")).isNull();
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyIntact")).isNull();
        assertThat(attribute(AuditMXBean.OBJECT_NAME, "LastVerifyTime")).isNull();
    }

    @Test
    void keyCountsAreReadOnceForAllAttributesWithinASecond() throws Exception {
        int[] loads = new int[1];
        registry.register(new ObjectName(KeysMXBean.OBJECT_NAME), new KeysMonitor(() -> {
            loads[0]++;
            return Optional.of(Map.of(KeyState.ACTIVE, (long) loads[0]));
        }, clock));

        server.getAttributes(new ObjectName(KeysMXBean.OBJECT_NAME), new String[] {"Active", "Total", "PreActive"});
        assertThat(loads[0]).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(attribute(KeysMXBean.OBJECT_NAME, "Active")).isEqualTo(2L);
    }

    @Test
    void unregisteringRemovesEveryMBeanIncludingOperationsAddedLater() throws Exception {
        registerWorking();
        registry.register(OperationMonitor.objectName("key.rotate"), new OperationMonitor(metrics, "key.rotate"));

        registry.unregisterAll();

        assertThat(server.queryNames(new ObjectName("org.keyhaven:*"), null)).isEmpty();
    }

    @Test
    void registeringTwiceKeepsTheFirstAndANameLeftBehindIsReplaced() throws Exception {
        ObjectName name = new ObjectName(ApprovalsMXBean.OBJECT_NAME);
        server.registerMBean(new ApprovalsMonitor(() -> 99L), name); // a previous deployment's leftover

        registry.register(name, new ApprovalsMonitor(() -> 1L));
        registry.register(name, new ApprovalsMonitor(() -> 2L));

        assertThat(server.getAttribute(name, "Pending")).isEqualTo(1L);
    }

    @Test
    void operationNamesNeedNoQuotingUnlessTheyHaveSpecialCharacters() throws Exception {
        assertThat(OperationMonitor.objectName("client.certificate.issue").getCanonicalName())
                .isEqualTo("org.keyhaven:name=client.certificate.issue,type=Operation");
        assertThat(OperationMonitor.objectName("odd,name=x").getKeyProperty("name"))
                .isEqualTo(ObjectName.quote("odd,name=x"));
    }

    private Set<String> attributeNames(String name) throws Exception {
        return Arrays.stream(server.getMBeanInfo(new ObjectName(name)).getAttributes())
                .map(MBeanAttributeInfo::getName).collect(Collectors.toSet());
    }
}
