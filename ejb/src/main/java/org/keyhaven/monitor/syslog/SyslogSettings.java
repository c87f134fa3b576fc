package org.keyhaven.monitor.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Forwarding settings, from system properties.
 *
 * @param forward whether this server forwards at all ({@value #FORWARD_PROPERTY}, default true). Forwarding is
 *     done by one server: when several share a database, set it to false on all but one, or each record arrives
 *     once per server (cursors are shared, progress is not coordinated).
 * @param interval how often each destination looks for new records ({@value #INTERVAL_PROPERTY}, default 1000,
 *     at least 50)
 * @param hostname the HOSTNAME of the messages ({@value #HOSTNAME_PROPERTY}, default this machine's name)
 */
public record SyslogSettings(boolean forward, Duration interval, String hostname) {

    public static final String FORWARD_PROPERTY = "keyhaven.syslog.forward";
    public static final String INTERVAL_PROPERTY = "keyhaven.syslog.interval-millis";
    public static final String HOSTNAME_PROPERTY = "keyhaven.syslog.hostname";

    public static SyslogSettings fromSystemProperties() {
        return new SyslogSettings(
                !"false".equalsIgnoreCase(System.getProperty(FORWARD_PROPERTY, "true").trim()),
                Duration.ofMillis(Math.max(50, Long.getLong(INTERVAL_PROPERTY, 1000L))),
                System.getProperty(HOSTNAME_PROPERTY, localHostName()));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
