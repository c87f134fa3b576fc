package org.keyhaven.jca.adapter;

import java.net.URI;

/**
 * One listener of one Keyhaven server, as {@code host:port}: its retrieval port (6000) or its encryption services
 * port (6003). Failover and the circuit breaker work per endpoint, because the two ports are separate listeners that
 * can fail (or be fenced off) independently. {@code host} is a host name, an IPv4 address or a bare IPv6 address.
 */
record RemoteEndpoint(String host, int port) {

    /** {@code host:port}, with an IPv6 address in brackets: what URLs and messages show. */
    String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The HTTPS URL of a path (already percent-encoded, with its query if any) on this endpoint. */
    URI uri(String rawPathAndQuery) {
        return URI.create("https://" + authority() + rawPathAndQuery);
    }

    @Override
    public String toString() {
        return authority();
    }
}
