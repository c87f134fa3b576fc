package org.keyhaven.web.admin;

import java.util.Collection;
import java.util.List;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.monitor.syslog.DestinationSpec;
import org.keyhaven.monitor.syslog.NewSyslogDestination;
import org.keyhaven.monitor.syslog.SyslogFormat;
import org.keyhaven.monitor.syslog.SyslogService;
import org.keyhaven.monitor.syslog.Transport;

/**
 * The syslog page's create form as a security administrator fills it in. Each field is checked on its own with the
 * rules the syslog service applies ({@link DestinationSpec}, {@link Transport}, {@link SyslogFormat}), so that every
 * mistake shows next to its field at once; whether the CA certificates fit the transport needs the whole form and is
 * checked last. A blank port or backlog alarm means the service's default. Nothing here is secret (CA certificates
 * are public), and the service validates everything again.
 */
public final class SyslogForm {

    /** The service's upper limit for the backlog alarm (not public there; the service checks it again). */
    static final long MAX_ALARM = 1_000_000_000L;
    static final int MAX_PORT = 65_535;

    /** One field's check: the field's id inside the form, and a call that throws the refusal. */
    public record FieldCheck(String field, Runnable check) {
    }

    private String name;
    private String transport;
    private String host;
    private Integer port;
    private String format = SyslogFormat.RFC5424.name();
    private String ca;
    private Long alarm;

    /** The checks of the single fields, in the form's order; a name among {@code taken} is refused as in use. */
    public List<FieldCheck> checks(Collection<String> taken) {
        return List.of(
                new FieldCheck("name", () -> checkName(taken)),
                new FieldCheck("transport", () -> Transport.parse(transport)),
                new FieldCheck("host", () -> DestinationSpec.validateHost(strippedHost())),
                new FieldCheck("port", this::checkPort),
                new FieldCheck("format", () -> SyslogFormat.parse(format)),
                new FieldCheck("alarm", this::checkAlarm));
    }

    /**
     * Checks the CA certificates against the transport: a TLS destination needs them (parseable PEM), the others take
     * none. It validates the whole destination, so once the single fields passed only the CA can be refused.
     */
    public void checkCa() {
        DestinationSpec.of(name, transport, strippedHost(), port, format, ca);
    }

    /** The request for the service: from the next audit record on, blank CA as none. */
    public NewSyslogDestination request() {
        return new NewSyslogDestination(name, transport, strippedHost(), port, format,
                ca == null || ca.isBlank() ? null : ca, alarm, null);
    }

    private void checkName(Collection<String> taken) {
        DestinationSpec.validateName(name);
        if (taken.contains(name)) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "a syslog destination named '"
                    + Texts.printable(name, DestinationSpec.MAX_NAME) + "' exists already");
        }
    }

    private void checkPort() {
        if (port != null && (port < 1 || port > MAX_PORT)) {
            throw invalid("the port is 1 to " + MAX_PORT + " (blank: " + Transport.UDP.defaultPort() + ", or "
                    + Transport.TLS.defaultPort() + " for TLS)");
        }
    }

    private void checkAlarm() {
        if (alarm != null && (alarm < 1 || alarm > MAX_ALARM)) {
            throw invalid("the backlog alarm is 1 to " + MAX_ALARM + " records (blank: "
                    + SyslogService.DEFAULT_BACKLOG_ALARM + ")");
        }
    }

    /** A host pasted with surrounding spaces is still that host. */
    private String strippedHost() {
        return host == null ? null : host.strip();
    }

    private static KeyhavenException invalid(String message) {
        return new KeyhavenException(ErrorCode.INVALID_REQUEST, message);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCa() {
        return ca;
    }

    public void setCa(String ca) {
        this.ca = ca;
    }

    public Long getAlarm() {
        return alarm;
    }

    public void setAlarm(Long alarm) {
        this.alarm = alarm;
    }
}
