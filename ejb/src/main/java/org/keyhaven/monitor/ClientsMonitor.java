package org.keyhaven.monitor;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keyhaven.client.ClientStatus;

/** {@link ClientsMXBean} over one grouped count query, reused for a second so that the attributes agree. */
final class ClientsMonitor implements ClientsMXBean {

    private final CachedValue<Map<ClientStatus, Long>> counts;

    ClientsMonitor(Supplier<Optional<Map<ClientStatus, Long>>> counts, Clock clock) {
        this.counts = new CachedValue<>(counts, KeysMonitor.REUSE, clock);
    }

    @Override
    public long getCount() {
        return Readings.read("Clients.Count", () -> counts.get()
                .map(byStatus -> byStatus.values().stream().mapToLong(Long::longValue).sum()).orElse(-1L), -1L);
    }

    @Override
    public long getEnabled() {
        return Readings.read("Clients.Enabled", () -> counts.get()
                .map(byStatus -> byStatus.getOrDefault(ClientStatus.ACTIVE, 0L)).orElse(-1L), -1L);
    }
}
