package org.keyhaven.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.keyhaven.common.Times;

/**
 * Audited operations per minute over the last hour, counted as records are written (since this server started):
 * the dashboard's activity chart. Counts only, nothing about who or what.
 */
@ApplicationScoped
public class ActivityMeter {

    private final MinuteCounts lastHour = new MinuteCounts(60);

    void count(java.time.Instant at) {
        lastHour.count(at);
    }

    public List<MinuteCounts.Minute> lastHour() {
        return lastHour.window(Times.now());
    }
}
