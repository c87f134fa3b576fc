package org.keyhaven.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import org.keyhaven.monitor.syslog.DestinationBacklog;

/**
 * One {@link SyslogMXBean} per syslog destination, kept in step with the destinations by {@link #refresh()}, which
 * the registrar's timer calls every {@link #REFRESH}. All the MBeans read one list of backlogs
 * ({@link org.keyhaven.monitor.syslog.SyslogService#backlogs()}), reused for a second, so that a client reading every
 * attribute of every destination costs one query.
 * <p>
 * A refresh that cannot read the destinations changes nothing: a database outage leaves the MBeans in place,
 * answering -1 or null, rather than making them vanish and come back. A destination whose MBean could not be
 * registered is not tried again until it disappears and reappears (the failure is logged once, not every few
 * seconds). After {@link #close()} nothing is registered any more, so a refresh racing the undeployment cannot
 * leave an MBean behind.
 */
final class SyslogMBeans {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SyslogMBeans.class.getName());

    private final MBeanRegistry registry;
    private final CachedValue<List<DestinationBacklog>> backlogs;
    /** The destinations that have an MBean, or were tried once; guarded by {@code this}. */
    private final Set<String> present = new HashSet<>();
    private boolean closed;

    SyslogMBeans(MBeanRegistry registry, Supplier<List<DestinationBacklog>> source, Clock clock) {
        this.registry = registry;
        this.backlogs = new CachedValue<>(() -> load(source), KeysMonitor.REUSE, clock);
    }

    /** Adds the MBeans of new destinations and removes those of deleted ones; never throws. */
    synchronized void refresh() {
        if (closed) {
            return;
        }
        Optional<List<DestinationBacklog>> destinations = backlogs.get();
        if (destinations.isEmpty()) {
            return;
        }
        SyslogReconciler.Changes changes = SyslogReconciler.changes(present, destinations.get());
        changes.remove().forEach(this::remove);
        changes.add().forEach(this::add);
    }

    /** Removes every syslog MBean, for good. */
    synchronized void close() {
        closed = true;
        Set.copyOf(present).forEach(this::remove);
    }

    private void add(String name) {
        present.add(name);
        try {
            registry.register(SyslogMonitor.objectName(name), new SyslogMonitor(name, () -> find(name)));
        } catch (JMException e) {
            LOG.log(Level.WARNING, "no MBean for the syslog destination " + name, e);
        }
    }

    private void remove(String name) {
        present.remove(name);
        try {
            registry.unregister(SyslogMonitor.objectName(name));
        } catch (JMException e) {
            LOG.log(Level.FINE, "the syslog destination " + name + " had no MBean", e);
        }
    }

    private Optional<DestinationBacklog> find(String name) {
        return backlogs.get().flatMap(all -> all.stream().filter(backlog -> name.equals(backlog.name())).findFirst());
    }

    private static Optional<List<DestinationBacklog>> load(Supplier<List<DestinationBacklog>> source) {
        try {
            return Optional.of(List.copyOf(source.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the syslog backlogs cannot be read", e);
            return Optional.empty();
        }
    }
}
