package org.keyhaven.kmip.server;

import java.time.Duration;

/**
 * The KMIP listener's settings, from system properties (set them in the server configuration or with
 * {@code -D} at start). The port follows the server's socket binding offset like every other port.
 *
 * @param bindAddress the address to listen on ({@code keyhaven.kmip.bind-address}, default the server's public
 *     interface address {@code jboss.bind.address}, else 127.0.0.1)
 * @param port {@code keyhaven.port.kmip} (default 5696) plus {@code jboss.socket.binding.port-offset}
 * @param maxConnections open connections at once ({@code keyhaven.kmip.max-connections}, default 256); more are
 *     closed at once
 * @param idleTimeout how long a connection may wait between messages ({@code keyhaven.kmip.idle-timeout-seconds},
 *     default 300)
 * @param messageTimeout how long one message may take to arrive once it has begun, and the TLS handshake
 *     ({@code keyhaven.kmip.message-timeout-seconds}, default 30)
 */
public record KmipSettings(String bindAddress, int port, int maxConnections, Duration idleTimeout,
        Duration messageTimeout) {

    public static final int DEFAULT_PORT = 5696;

    public static KmipSettings fromSystemProperties() {
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return new KmipSettings(
                System.getProperty("keyhaven.kmip.bind-address", System.getProperty("jboss.bind.address", "127.0.0.1")),
                Integer.getInteger("keyhaven.port.kmip", DEFAULT_PORT) + offset,
                Math.max(1, Integer.getInteger("keyhaven.kmip.max-connections", 256)),
                Duration.ofSeconds(Math.max(1, Integer.getInteger("keyhaven.kmip.idle-timeout-seconds", 300))),
                Duration.ofSeconds(Math.max(1, Integer.getInteger("keyhaven.kmip.message-timeout-seconds", 30))));
    }
}
