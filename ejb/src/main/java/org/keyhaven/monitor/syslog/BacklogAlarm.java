package org.keyhaven.monitor.syslog;

/**
 * When to raise the backlog alarm of a destination: once when the backlog reaches the threshold, and again only after
 * it fell below the threshold in between (so a collector that stays down raises one alarm, not one per round).
 */
public final class BacklogAlarm {

    /** What an observation changed. */
    public enum Change {
        NONE,
        RAISED,
        CLEARED
    }

    private boolean raised;

    public Change observe(long backlog, long threshold) {
        if (!raised && backlog >= threshold) {
            raised = true;
            return Change.RAISED;
        }
        if (raised && backlog < threshold) {
            raised = false;
            return Change.CLEARED;
        }
        return Change.NONE;
    }

    public boolean raised() {
        return raised;
    }
}
