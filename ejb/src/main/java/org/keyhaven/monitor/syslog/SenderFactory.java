package org.keyhaven.monitor.syslog;

import java.io.IOException;

/** Opens a sender to a destination: {@link Senders#open} in the server, something local in tests. */
@FunctionalInterface
public interface SenderFactory {

    SyslogSender open(DestinationSpec destination) throws IOException;
}
