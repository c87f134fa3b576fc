package org.keyhaven.monitor.syslog;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * How messages travel to a syslog collector: UDP (RFC 5426, one message per datagram, best effort), TCP (RFC 6587
 * octet counting) or TLS (RFC 5425, octet counting inside TLS 1.3/1.2). The size limits are what receivers are told
 * to accept: 2048 octets over UDP (RFC 5426 section 3.2 "SHOULD"), 8192 over streams (RFC 5425 section 4.3.1).
 */
public enum Transport {
    UDP(514, 2048),
    TCP(514, 8192),
    TLS(6514, 8192);

    private final int defaultPort;
    private final int maxMessageBytes;

    Transport(int defaultPort, int maxMessageBytes) {
        this.defaultPort = defaultPort;
        this.maxMessageBytes = maxMessageBytes;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The largest message sent; longer ones lose the end of their MSG part (never the structured data). */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Whether the transport is a stream whose connection tells when the collector went away. */
    public boolean stream() {
        return this != UDP;
    }

    /** {@code UDP}, {@code TCP} or {@code TLS}, in any case. */
    public static Transport parse(String text) {
        if (text != null) {
            for (Transport transport : values()) {
                if (transport.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return transport;
                }
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "transport is UDP, TCP or TLS, not '"
                + Texts.printable(text, 20) + "'");
    }
}
