package org.keyhaven.jca.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The remote mode's configuration: the Keyhaven servers in the order they are tried, the CA certificate(s) their TLS
 * certificates must chain to, the timeouts and the circuit breaker's limits. A value that exists is valid: the
 * factories refuse a bad server list with a message naming the entry and what is wrong with it, so that a typo is
 * found when the connection factory starts rather than when the first call fails over to nowhere.
 *
 * <p>{@code servers} is written {@code host:retrievalPort:encryptionPort[,...]}, e.g.
 * {@code 10.0.0.5:6000:6003,10.0.0.6:6000:6003}; an IPv6 address goes in brackets ({@code [fd00::5]:6000:6003}).
 * A {@code breakerFailures} or {@code breakerOpenSeconds} of 0 turns the circuit breaker off (failover remains).
 */
record RemoteSettings(List<Server> servers, String serverCaFile, int connectTimeoutMillis, int requestTimeoutMillis,
        int breakerFailures, int breakerOpenSeconds) {

    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 10000;
    static final int DEFAULT_BREAKER_FAILURES = 3;
    static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;

    private static final int MAX_SHOWN = 80;

    /** One Keyhaven server: its host and the ports of its key retrieval and encryption services listeners. */
    record Server(String host, int retrievalPort, int encryptionPort) {

        RemoteEndpoint retrieval() {
            return new RemoteEndpoint(host, retrievalPort);
        }

        RemoteEndpoint encryption() {
            return new RemoteEndpoint(host, encryptionPort);
        }
    }

    RemoteSettings {
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("servers: the list of Keyhaven servers is empty");
        }
        servers = List.copyOf(servers);
        if (serverCaFile == null || serverCaFile.isBlank()) {
            throw new IllegalArgumentException("serverCaFile: the PEM file of Keyhaven's CA certificate is required");
        }
        positive("connectTimeoutMillis", connectTimeoutMillis);
        positive("requestTimeoutMillis", requestTimeoutMillis);
        notNegative("breakerFailures", breakerFailures);
        notNegative("breakerOpenSeconds", breakerOpenSeconds);
    }

    /** The settings of a connection factory; unset numbers take their defaults. */
    static RemoteSettings from(KeyhavenManagedConnectionFactory mcf) {
        return of(mcf.getServers(), mcf.getServerCaFile(),
                orDefault(mcf.getConnectTimeoutMillis(), DEFAULT_CONNECT_TIMEOUT_MILLIS),
                orDefault(mcf.getRequestTimeoutMillis(), DEFAULT_REQUEST_TIMEOUT_MILLIS),
                orDefault(mcf.getBreakerFailures(), DEFAULT_BREAKER_FAILURES),
                orDefault(mcf.getBreakerOpenSeconds(), DEFAULT_BREAKER_OPEN_SECONDS));
    }

    /** Settings from their textual server list; throws {@link IllegalArgumentException} saying what is wrong. */
    static RemoteSettings of(String servers, String serverCaFile, int connectTimeoutMillis, int requestTimeoutMillis,
            int breakerFailures, int breakerOpenSeconds) {
        return new RemoteSettings(parseServers(servers), serverCaFile == null ? null : serverCaFile.strip(),
                connectTimeoutMillis, requestTimeoutMillis, breakerFailures, breakerOpenSeconds);
    }

    List<RemoteEndpoint> retrievalEndpoints() {
        return servers.stream().map(Server::retrieval).toList();
    }

    List<RemoteEndpoint> encryptionEndpoints() {
        return servers.stream().map(Server::encryption).toList();
    }

    Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMillis);
    }

    Duration breakerOpen() {
        return Duration.ofSeconds(breakerOpenSeconds);
    }

    static List<Server> parseServers(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("servers: the list of Keyhaven servers is empty; expected"
                    + " host:retrievalPort:encryptionPort[,...]");
        }
        String[] entries = text.split(",", -1);
        List<Server> servers = new ArrayList<>(entries.length);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String where = "servers entry " + (i + 1);
            if (entry.isEmpty()) {
                throw new IllegalArgumentException(where + " is empty (two commas, or a comma at an end)");
            }
            Server server = parseServer(entry, where + " '" + shown(entry) + "'");
            if (!seen.add(server.host().toLowerCase(Locale.ROOT) + ":" + server.retrievalPort() + ":"
                    + server.encryptionPort())) {
                throw new IllegalArgumentException(where + " '" + shown(entry) + "' is listed twice");
            }
            servers.add(server);
        }
        return servers;
    }

    private static Server parseServer(String entry, String where) {
        if (entry.indexOf('/') >= 0) {
            throw new IllegalArgumentException(where + ": expected host:retrievalPort:encryptionPort, not a URL");
        }
        String host;
        String ports;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || close + 1 >= entry.length() || entry.charAt(close + 1) != ':') {
                throw new IllegalArgumentException(where + ": expected [ipv6]:retrievalPort:encryptionPort");
            }
            host = entry.substring(1, close);
            if (!isIpv6(host)) {
                throw new IllegalArgumentException(where + ": bad host '" + shown(host) + "' (not an IPv6 address)");
            }
            ports = entry.substring(close + 2);
        } else {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected host:retrievalPort:encryptionPort");
            }
            host = entry.substring(0, colon);
            checkHost(host, where);
            ports = entry.substring(colon + 1);
        }
        String[] parts = ports.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(where + ": expected host:retrievalPort:encryptionPort"
                    + " (an IPv6 address goes in brackets)");
        }
        int retrieval = port(parts[0], "retrieval port", where);
        int encryption = port(parts[1], "encryption port", where);
        return new Server(host, retrieval, encryption);
    }

    private static void checkHost(String host, String where) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException(where + ": bad host: the host is empty");
        }
        if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            if (!isIpv4(host)) {
                throw new IllegalArgumentException(where + ": bad host '" + shown(host) + "' (not an IPv4 address)");
            }
            return;
        }
        if (host.length() > 253) {
            throw new IllegalArgumentException(where + ": bad host (longer than 253 characters)");
        }
        for (String label : host.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                throw new IllegalArgumentException(where + ": bad host '" + shown(host) + "' (a host name has labels"
                        + " of 1 to 63 letters, digits and inner hyphens, separated by dots)");
            }
        }
    }

    private static boolean isHostLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-');
    }

    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.startsWith("0"))
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text form: up to eight groups of 1 to 4 hex digits, one {@code ::}, an IPv4 tail allowed. */
    private static boolean isIpv6(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        if (doubleColon >= 0) {
            addGroups(text.substring(0, doubleColon), groups);
            addGroups(text.substring(doubleColon + 2), groups);
        } else {
            addGroups(text, groups);
        }
        int count = 0;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            if (i == groups.size() - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                count += 2;
            } else if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(RemoteSettings::isHex)) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }

    private static void addGroups(String part, List<String> groups) {
        if (!part.isEmpty()) {
            groups.addAll(List.of(part.split(":", -1)));
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int port(String text, String what, String where) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(where + ": " + what + " '" + shown(text) + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + ": " + what + " " + port + " is out of range 1-65535");
        }
        return port;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be at least 1, got " + value);
        }
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": must be 0 (no circuit breaker) or more, got " + value);
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(MAX_SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > MAX_SHOWN ? shown + "..." : shown.toString();
    }
}
