package org.keyhaven.system;

/**
 * One of Keyhaven's listeners as it is now: its function, the port it is configured for, whether it accepts
 * connections, and (KMIP only) how many are open.
 */
public record ListenerView(String function, int port, boolean up, Integer openConnections) {
}
