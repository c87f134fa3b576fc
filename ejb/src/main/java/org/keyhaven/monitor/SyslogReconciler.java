package org.keyhaven.monitor;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.keyhaven.monitor.syslog.DestinationBacklog;

/**
 * Which syslog MBeans to add and which to remove so that there is exactly one per destination, by name (names are
 * unique among destinations). Nothing is ever updated in place: each MBean reads the latest backlogs by its name, so a
 * destination deleted and created again under the same name keeps its MBean.
 */
final class SyslogReconciler {

    /** The names to register and to unregister, each in name order; never both for one name. */
    record Changes(SortedSet<String> add, SortedSet<String> remove) {

        boolean none() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    private SyslogReconciler() {
    }

    /**
     * The changes that bring the MBeans from {@code present} to one per destination in {@code destinations}.
     *
     * @param present the destinations that have an MBean now
     * @param destinations the destinations configured now
     */
    static Changes changes(Set<String> present, Collection<DestinationBacklog> destinations) {
        SortedSet<String> configured = new TreeSet<>();
        destinations.stream().map(DestinationBacklog::name).filter(Objects::nonNull).forEach(configured::add);
        SortedSet<String> add = new TreeSet<>(configured);
        add.removeAll(present);
        SortedSet<String> remove = new TreeSet<>(present);
        remove.removeAll(configured);
        return new Changes(add, remove);
    }
}
