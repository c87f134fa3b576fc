package org.keyhaven.monitor.syslog;

import java.io.IOException;
import java.util.List;

/** One open way to a syslog collector. Not thread-safe, except {@link #close()}, which may come from anywhere. */
public interface SyslogSender extends AutoCloseable {

    /** Sends the messages in order and flushes; a failure means any of them may or may not have arrived. */
    void send(List<byte[]> messages) throws IOException;

    /**
     * Whether messages sent so far can be taken as delivered because the collector still holds the connection: it
     * has neither closed nor reset it. Only meaningful if {@link #confirmsByConnection()}.
     */
    boolean stillConnected();

    /**
     * True for streams (TCP, TLS), whose connection tells when the collector went away; false for UDP, which
     * tells nothing and is best effort.
     */
    boolean confirmsByConnection();

    @Override
    void close();
}
