package org.keyhaven.monitor;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.keyhaven.monitor.syslog.DestinationBacklog;

/**
 * {@link SyslogMXBean} of one destination, named by the destination's name (unique among destinations), read from
 * the latest backlogs of all destinations. A destination missing from them (deleted, its MBean not yet removed)
 * reads like a failed source: -1 or null.
 */
final class SyslogMonitor implements SyslogMXBean {

    /** Names like {@code siem-1} need no quoting in an object name; others (spaces, commas, quotes) are quoted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private final Supplier<Optional<DestinationBacklog>> destination;

    SyslogMonitor(String name, Supplier<Optional<DestinationBacklog>> destination) {
        this.name = name;
        this.destination = destination;
    }

    static ObjectName objectName(String destination) throws MalformedObjectNameException {
        return new ObjectName("org.keyhaven:type=" + TYPE + ",name="
                + (PLAIN_NAME.matcher(destination).matches() ? destination : ObjectName.quote(destination)));
    }

    @Override
    public long getBacklog() {
        return Readings.read(attribute("Backlog"),
                () -> destination.get().map(DestinationBacklog::backlog).orElse(-1L), -1L);
    }

    @Override
    public long getCursor() {
        return Readings.read(attribute("Cursor"),
                () -> destination.get().map(DestinationBacklog::cursor).orElse(-1L), -1L);
    }

    @Override
    public Boolean getEnabled() {
        return Readings.read(attribute("Enabled"),
                () -> destination.get().map(DestinationBacklog::enabled).orElse(null), null);
    }

    @Override
    public long getAlarmThreshold() {
        return Readings.read(attribute("AlarmThreshold"),
                () -> destination.get().map(DestinationBacklog::alarmThreshold).orElse(-1L), -1L);
    }

    @Override
    public String getLastSentAt() {
        return Readings.read(attribute("LastSentAt"), () -> destination.get().map(DestinationBacklog::lastSentAt)
                .map(Instant::toString).orElse(null), null);
    }

    @Override
    public String getLastError() {
        return Readings.read(attribute("LastError"),
                () -> destination.get().map(DestinationBacklog::lastError).orElse(null), null);
    }

    private String attribute(String attribute) {
        return "Syslog[" + name + "]." + attribute;
    }
}
