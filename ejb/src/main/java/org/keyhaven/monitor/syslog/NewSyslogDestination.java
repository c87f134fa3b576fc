package org.keyhaven.monitor.syslog;

/**
 * A destination as a security administrator asks for it, not yet validated.
 *
 * @param port null for the transport's default (514; 6514 for TLS)
 * @param format {@code RFC5424} (null) or {@code CEF}
 * @param caPem for TLS: the CA certificates (PEM) the collector's certificate chains to
 * @param backlogAlarm null for {@value SyslogService#DEFAULT_BACKLOG_ALARM}
 * @param fromSequence the first audit record to deliver; null for "from now on" (the next record chained)
 */
public record NewSyslogDestination(String name, String transport, String host, Integer port, String format,
        String caPem, Long backlogAlarm, Long fromSequence) {
}
