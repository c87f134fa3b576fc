package org.keyhaven.monitor.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.keyhaven.ca.Pem;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Where and how audit records go: a validated syslog destination. The host is a DNS name or an IP address literal,
 * never a URL or {@code host:port} (a value that could mean two things is refused rather than guessed); nothing is
 * resolved here, so a collector that is not reachable yet can still be configured. A TLS destination names the CA
 * certificates (PEM) that its collector's certificate must chain to; other transports take none, so that nobody
 * believes a plain TCP destination is verified.
 *
 * @param caPem the trusted CA certificates for TLS, null otherwise
 */
public record DestinationSpec(String name, Transport transport, String host, int port, SyslogFormat format,
        String caPem) {

    public static final int MAX_NAME = 64;
    public static final int MAX_HOST = 253;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public DestinationSpec {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(format, "format");
    }

    /**
     * Validates a destination as an administrator asked for it.
     *
     * @param port null for the transport's default (514, or 6514 for TLS)
     * @param format null for RFC 5424
     */
    public static DestinationSpec of(String name, String transport, String host, Integer port, String format,
            String caPem) {
        validateName(name);
        Transport parsedTransport = Transport.parse(transport);
        validateHost(host);
        int parsedPort = port == null ? parsedTransport.defaultPort() : port;
        if (parsedPort < 1 || parsedPort > 65535) {
            throw invalid("port is 1 to 65535, not " + parsedPort);
        }
        String ca = caPem == null || caPem.isBlank() ? null : caPem.strip();
        if (parsedTransport == Transport.TLS) {
            if (ca == null) {
                throw invalid("a TLS destination needs caPem: the CA certificates (PEM) the collector's certificate"
                        + " chains to");
            }
            if (ca.length() > Pem.MAX_LENGTH) {
                throw invalid("caPem is longer than " + Pem.MAX_LENGTH + " characters");
            }
            Pem.certificates(ca);
        } else if (ca != null) {
            throw invalid("caPem applies to TLS destinations only; " + parsedTransport + " is not verified");
        }
        return new DestinationSpec(name, parsedTransport, host, parsedPort, SyslogFormat.parse(format), ca);
    }

    /** 1 to 64 printable ASCII characters, not starting or ending with a space. */
    public static void validateName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw invalid("name is 1 to " + MAX_NAME + " characters");
        }
        if (!name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) || name.startsWith(" ") || name.endsWith(" ")) {
            throw invalid("name is printable ASCII without leading or trailing spaces");
        }
    }

    /** A DNS name (letters, digits, hyphens; dot-separated labels) or an IPv4 or IPv6 address literal. */
    public static void validateHost(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST) {
            throw invalid("host is a DNS name or an IP address of 1 to " + MAX_HOST + " characters");
        }
        if (!isIpLiteral(host) && !isDnsName(host)) {
            throw invalid("host '" + Texts.printable(host, 60) + "' is neither a DNS name nor an IP address (give"
                    + " the port separately, and no scheme)");
        }
    }

    /** Whether the text is an IPv4 dotted quad or an IPv6 address (without brackets or zone). */
    public static boolean isIpLiteral(String host) {
        var ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (host.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(host).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up (an IPv4-mapped one comes back as IPv4)
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isDnsName(String host) {
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // "10.0.0.300" is a mistyped address, not a name
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    /** {@code tcp://host:port}, for logs and errors; IPv6 in brackets. */
    public String address() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return transport.name().toLowerCase(Locale.ROOT) + "://" + shownHost + ":" + port;
    }

    private static KeyhavenException invalid(String message) {
        return new KeyhavenException(ErrorCode.INVALID_REQUEST, message);
    }

    /** Never the CA certificates: they are long, not secret, and not what a log reader needs. */
    @Override
    public String toString() {
        return "DestinationSpec[" + name + " " + address() + " " + format + "]";
    }
}
