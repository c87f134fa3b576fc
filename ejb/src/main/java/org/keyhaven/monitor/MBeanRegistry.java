package org.keyhaven.monitor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MBeans this deployment put on an MBean server, so that all of them, including those added later (one per
 * operation) or removed before the end (one per syslog destination), leave with it. Registering a name that is taken
 * replaces the MBean there: only a previous deployment of Keyhaven that failed to clean up could hold a name under
 * {@code org.keyhaven}. A failure to register is logged and does not stop the deployment: monitoring is not worth
 * refusing to serve keys.
 */
final class MBeanRegistry {

    private static final Logger LOG = Logger.getLogger(MBeanRegistry.class.getName());

    private final MBeanServer server;
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

    MBeanRegistry(MBeanServer server) {
        this.server = server;
    }

    /**
     * Registers {@code mxBean} (an object implementing one {@code *MXBean} interface) under {@code name}, unless this
     * registry has registered that name already.
     */
    synchronized void register(ObjectName name, Object mxBean) {
        if (registered.contains(name)) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                LOG.fine(() -> "replacing the MBean " + name + " left by a previous deployment");
                server.unregisterMBean(name);
            }
            server.registerMBean(mxBean, name);
            registered.add(name);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not register the MBean " + name, e);
        }
    }

    boolean isRegistered(ObjectName name) {
        return registered.contains(name);
    }

    /** Removes the MBean registered here under {@code name}; nothing if this registry did not register it. */
    synchronized void unregister(ObjectName name) {
        if (registered.remove(name)) {
            removeFromServer(name);
        }
    }

    /** Removes every MBean registered here. */
    synchronized void unregisterAll() {
        registered.forEach(this::removeFromServer);
        registered.clear();
    }

    private void removeFromServer(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.fine(() -> name + " was already gone");
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not unregister the MBean " + name, e);
        }
    }
}
