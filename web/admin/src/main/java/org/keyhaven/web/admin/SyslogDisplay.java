package org.keyhaven.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.keyhaven.monitor.syslog.SyslogDestinationView;

/**
 * How the syslog page writes a destination's delivery state: the collector's address as {@code host:port}, and the
 * backlog marked once it reached the destination's alarm threshold, so that a collector that stopped taking records
 * stands out. Pure formatting, no service calls; the page reaches it as {@code #{syslogDisplay}}.
 */
@Named
@ApplicationScoped
public class SyslogDisplay {

    /** {@code host:port}; an IPv6 address in brackets, so that its colons do not run into the port. */
    public String address(SyslogDestinationView destination) {
        String host = destination.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + destination.port();
    }

    /** Whether the backlog is at or above the destination's alarm threshold. */
    public boolean alarmed(SyslogDestinationView destination) {
        return destination.backlog() >= destination.backlogAlarm();
    }

    /** {@code bad} for a backlog at or above its alarm threshold, else no class. */
    public String backlogClass(SyslogDestinationView destination) {
        return alarmed(destination) ? "bad" : "";
    }
}
