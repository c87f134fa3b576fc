package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.monitor.syslog.BacklogAlarm.Change.CLEARED;
import static org.keyhaven.monitor.syslog.BacklogAlarm.Change.NONE;
import static org.keyhaven.monitor.syslog.BacklogAlarm.Change.RAISED;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backlog alarm is raised once per crossing of the threshold, not once per observation above it. */
class BacklogAlarmTest {

    @Test
    void aBacklogThatStaysHighRaisesOneAlarmAndFallingBelowClearsIt() {
        BacklogAlarm alarm = new BacklogAlarm();

        List<BacklogAlarm.Change> changes = List.of(0L, 99L, 100L, 150L, 5000L, 100L, 99L, 0L, 100L).stream()
                .map(backlog -> alarm.observe(backlog, 100)).toList();

        assertThat(changes).containsExactly(NONE, NONE, RAISED, NONE, NONE, NONE, CLEARED, NONE, RAISED);
        assertThat(alarm.raised()).isTrue();
    }
}
