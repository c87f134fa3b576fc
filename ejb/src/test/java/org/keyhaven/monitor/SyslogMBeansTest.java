package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.monitor.syslog.DestinationBacklog;
import org.keyhaven.testing.ManualClock;

/**
 * The syslog MBeans as a JMX client sees them, on a private MBean server: one per destination, appearing and
 * disappearing with the destinations on each refresh, read-only, and answering -1 or null (never an exception) when
 * the backlogs cannot be read.
 */
class SyslogMBeansTest {

    private static final Instant SENT = Instant.parse("2024-05-01T09:59:30Z");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final MBeanRegistry registry = new MBeanRegistry(server);
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final List<DestinationBacklog> destinations = new CopyOnWriteArrayList<>();
    private boolean databaseDown;
    private int loads;
    private final Supplier<List<DestinationBacklog>> source = () -> {
        loads++;
        if (databaseDown) {
            throw new IllegalStateException("database down");
        }
        return new ArrayList<>(destinations);
    };
    private final SyslogMBeans mbeans = new SyslogMBeans(registry, source, clock);

    @AfterEach
    void release() {
        mbeans.close();
        registry.unregisterAll();
    }

    private static DestinationBacklog destination(String name, long backlog) {
        return new DestinationBacklog("id-" + name, name, true, 40, backlog, 10_000, SENT, null);
    }

    /** The next refresh sees the source as it is now, not the list reused for a second. */
    private void refreshLater() {
        clock.advance(SyslogMBeans.REFRESH);
        mbeans.refresh();
    }

    private Set<String> syslogMBeanNames() throws Exception {
        return server.queryNames(new ObjectName("org.keyhaven:type=Syslog,*"), null).stream()
                .map(name -> unquoted(name.getKeyProperty("name"))).collect(Collectors.toSet());
    }

    private static String unquoted(String value) {
        return value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }

    private Object attribute(String destination, String attribute) throws Exception {
        return server.getAttribute(SyslogMonitor.objectName(destination), attribute);
    }

    @Test
    void aDestinationAddedGetsAnMBeanAndADeletedOneLosesIt() throws Exception {
        destinations.add(destination("siem", 0));
        mbeans.refresh();
        assertThat(syslogMBeanNames()).containsExactly("siem");

        destinations.add(destination("archive", 0));
        refreshLater();
        assertThat(syslogMBeanNames()).containsExactlyInAnyOrder("siem", "archive");

        destinations.removeIf(destination -> destination.name().equals("siem"));
        refreshLater();
        assertThat(syslogMBeanNames()).containsExactly("archive");
        assertThat(server.isRegistered(new ObjectName("org.keyhaven:type=Syslog,name=siem"))).isFalse();
    }

    @Test
    void attributesShowTheDestinationsBacklog() throws Exception {
        destinations.add(new DestinationBacklog("id-1", "siem", false, 40, 7, 500, SENT, "connection refused"));
        mbeans.refresh();

        assertThat(attribute("siem", "Backlog")).isEqualTo(7L);
        assertThat(attribute("siem", "Cursor")).isEqualTo(40L);
        assertThat(attribute("siem", "Enabled")).isEqualTo(false);
        assertThat(attribute("siem", "AlarmThreshold")).isEqualTo(500L);
        assertThat(attribute("siem", "LastSentAt")).isEqualTo("2024-05-01T09:59:30Z");
        assertThat(attribute("siem", "LastError")).isEqualTo("connection refused");
    }

    @Test
    void aDestinationThatNeverSentAndNeverFailedHasNullTimeAndError() throws Exception {
        destinations.add(new DestinationBacklog("id-1", "new", true, 3, 0, 10_000, null, null));
        mbeans.refresh();

        assertThat(attribute("new", "LastSentAt")).isNull();
        assertThat(attribute("new", "LastError")).isNull();
        assertThat(attribute("new", "Enabled")).isEqualTo(true);
    }

    @Test
    void theMBeanHasExactlyItsDocumentedAttributesAllReadOnlyAndNoOperation() throws Exception {
        destinations.add(destination("siem", 0));
        mbeans.refresh();

        MBeanInfo info = server.getMBeanInfo(new ObjectName("org.keyhaven:type=Syslog,name=siem"));

        assertThat(info.getOperations()).isEmpty();
        assertThat(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName))
                .containsExactlyInAnyOrder("Backlog", "Cursor", "Enabled", "AlarmThreshold", "LastSentAt",
                        "LastError");
        assertThat(info.getAttributes()).allSatisfy(attribute -> {
            assertThat(attribute.isReadable()).isTrue();
            assertThat(attribute.isWritable()).as("%s writable", attribute.getName()).isFalse();
        });
    }

    @Test
    void attributesFollowTheSourceBetweenRefreshes() throws Exception {
        destinations.add(destination("siem", 3));
        mbeans.refresh();
        assertThat(attribute("siem", "Backlog")).isEqualTo(3L);

        destinations.set(0, destination("siem", 9));
        clock.advance(Duration.ofSeconds(2));

        assertThat(attribute("siem", "Backlog")).isEqualTo(9L);
    }

    @Test
    void allAttributesOfAllDestinationsAreReadOnceWithinASecond() throws Exception {
        destinations.add(destination("a", 1));
        destinations.add(destination("b", 2));
        mbeans.refresh();
        int afterRefresh = loads;

        String[] all = {"Backlog", "Cursor", "Enabled", "AlarmThreshold", "LastSentAt", "LastError"};
        server.getAttributes(SyslogMonitor.objectName("a"), all);
        server.getAttributes(SyslogMonitor.objectName("b"), all);

        assertThat(loads).isEqualTo(afterRefresh);
    }

    @Test
    void aDatabaseOutageKeepsTheMBeansAndTheyAnswerMinusOneOrNull() throws Exception {
        destinations.add(destination("siem", 3));
        mbeans.refresh();

        databaseDown = true;
        refreshLater();

        assertThat(syslogMBeanNames()).containsExactly("siem");
        assertThat(attribute("siem", "Backlog")).isEqualTo(-1L);
        assertThat(attribute("siem", "Cursor")).isEqualTo(-1L);
        assertThat(attribute("siem", "Enabled")).isNull();
        assertThat(attribute("siem", "AlarmThreshold")).isEqualTo(-1L);
        assertThat(attribute("siem", "LastSentAt")).isNull();
        assertThat(attribute("siem", "LastError")).isNull();

        databaseDown = false;
        clock.advance(Duration.ofSeconds(2));
        assertThat(attribute("siem", "Backlog")).isEqualTo(3L);
    }

    @Test
    void aDestinationDeletedBeforeTheNextRefreshAnswersMinusOneOrNull() throws Exception {
        destinations.add(destination("siem", 3));
        mbeans.refresh();

        destinations.clear();
        clock.advance(Duration.ofSeconds(2));

        assertThat(attribute("siem", "Backlog")).isEqualTo(-1L);
        assertThat(attribute("siem", "Enabled")).isNull();
        assertThat(attribute("siem", "LastSentAt")).isNull();
    }

    @Test
    void namesWithSpecialCharactersAreQuotedAndPlainOnesAreNot() throws Exception {
        assertThat(SyslogMonitor.objectName("siem-1.example").getCanonicalName())
                .isEqualTo("org.keyhaven:name=siem-1.example,type=Syslog");
        String odd = "SIEM, \"main\" = *?";
        assertThat(SyslogMonitor.objectName(odd).getKeyProperty("name")).isEqualTo(ObjectName.quote(odd));
        assertThat(SyslogMonitor.objectName(odd).isPattern()).isFalse();

        destinations.add(destination(odd, 4));
        mbeans.refresh();

        assertThat(syslogMBeanNames()).containsExactly(odd);
        assertThat(attribute(odd, "Backlog")).isEqualTo(4L);
    }

    @Test
    void closingRemovesEverySyslogMBeanAndLaterRefreshesAddNone() throws Exception {
        destinations.add(destination("a", 0));
        destinations.add(destination("b", 0));
        mbeans.refresh();

        mbeans.close();
        refreshLater();

        assertThat(syslogMBeanNames()).isEmpty();
    }

    @Test
    void theOtherMBeansOfTheRegistryAreLeftAlone() throws Exception {
        ObjectName approvals = new ObjectName(ApprovalsMXBean.OBJECT_NAME);
        registry.register(approvals, new ApprovalsMonitor(() -> 1L));
        destinations.add(destination("siem", 0));
        mbeans.refresh();

        destinations.clear();
        refreshLater();
        mbeans.close();

        assertThat(server.isRegistered(approvals)).isTrue();
    }
}
