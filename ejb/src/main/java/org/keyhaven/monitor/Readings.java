package org.keyhaven.monitor;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one MBean attribute without ever throwing to the JMX client: a sealed server, a database that does not
 * answer or an undeploying service gives the fallback ({@code null} or -1), and the cause is logged at FINE only, so
 * a monitor polling a failing server does not flood the log.
 */
final class Readings {

    private static final Logger LOG = Logger.getLogger(Readings.class.getName());

    private Readings() {
    }

    static <T> T read(String attribute, Supplier<T> reader, T fallback) {
        try {
            T value = reader.get();
            return value == null ? fallback : value;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "JMX attribute " + attribute + " unavailable", e);
            return fallback;
        }
    }
}
