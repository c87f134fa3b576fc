package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keyhaven.monitor.syslog.SyslogDestinationView;
import org.keyhaven.monitor.syslog.SyslogFormat;
import org.keyhaven.monitor.syslog.Transport;

class SyslogDisplayTest {

    private final SyslogDisplay display = new SyslogDisplay();

    @Test
    void addressIsHostColonPortWithIpv6InBrackets() {
        assertThat(display.address(destination("siem.example", 6514, 0, 10))).isEqualTo("siem.example:6514");
        assertThat(display.address(destination("192.0.2.7", 514, 0, 10))).isEqualTo("192.0.2.7:514");
        assertThat(display.address(destination("2001:db8::7", 514, 0, 10))).isEqualTo("[2001:db8::7]:514");
    }

    @Test
    void backlogIsBadFromItsAlarmThresholdOn() {
        assertThat(display.backlogClass(destination("h", 514, 9, 10))).isEmpty();
        assertThat(display.backlogClass(destination("h", 514, 10, 10))).isEqualTo("bad");
        assertThat(display.backlogClass(destination("h", 514, 11, 10))).isEqualTo("bad");
        assertThat(display.alarmed(destination("h", 514, 0, 1))).isFalse();
    }

    private static SyslogDestinationView destination(String host, int port, long backlog, long alarm) {
        return new SyslogDestinationView("0b6f3c1e-7d2a-4c55-9a51-3f8e2d1c0a9b", "siem", Transport.TLS, host, port,
                SyslogFormat.RFC5424, null, true, alarm, 100 - backlog, 100, backlog, null, null, Instant.EPOCH,
                "admin");
    }
}
