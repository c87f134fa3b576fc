package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keyhaven.monitor.syslog.DestinationBacklog;

/** One syslog MBean per configured destination, by name: what to add and what to remove, and nothing else. */
class SyslogReconcilerTest {

    private static DestinationBacklog destination(String name) {
        return new DestinationBacklog("id-" + name, name, true, 10, 2, 10_000, null, null);
    }

    @Test
    void newDestinationsAreAddedAndDeletedOnesRemoved() {
        SyslogReconciler.Changes changes = SyslogReconciler.changes(Set.of("kept", "deleted"),
                List.of(destination("kept"), destination("new"), destination("another new")));

        assertThat(changes.add()).containsExactly("another new", "new");
        assertThat(changes.remove()).containsExactly("deleted");
        assertThat(changes.none()).isFalse();
    }

    @Test
    void destinationsThatAlreadyHaveAnMBeanChangeNothing() {
        SyslogReconciler.Changes changes = SyslogReconciler.changes(Set.of("a", "b"),
                List.of(destination("b"), destination("a")));

        assertThat(changes.none()).isTrue();
    }

    @Test
    void noDestinationsLeftRemovesEveryMBean() {
        SyslogReconciler.Changes changes = SyslogReconciler.changes(Set.of("a", "b"), List.of());

        assertThat(changes.add()).isEmpty();
        assertThat(changes.remove()).containsExactly("a", "b");
    }

    @Test
    void theFirstRefreshAddsEveryDestination() {
        SyslogReconciler.Changes changes = SyslogReconciler.changes(Set.of(),
                List.of(destination("siem"), destination("archive")));

        assertThat(changes.add()).containsExactly("archive", "siem");
        assertThat(changes.remove()).isEmpty();
    }

    @Test
    void aDestinationDeletedAndCreatedAgainUnderItsNameKeepsItsMBean() {
        DestinationBacklog recreated = new DestinationBacklog("another id", "siem", false, 0, 0, 5, null, null);

        assertThat(SyslogReconciler.changes(Set.of("siem"), List.of(recreated)).none()).isTrue();
    }

    @Test
    void namesDifferingOnlyInCaseAreDifferentDestinations() {
        SyslogReconciler.Changes changes = SyslogReconciler.changes(Set.of("SIEM"), List.of(destination("siem")));

        assertThat(changes.add()).containsExactly("siem");
        assertThat(changes.remove()).containsExactly("SIEM");
    }
}
