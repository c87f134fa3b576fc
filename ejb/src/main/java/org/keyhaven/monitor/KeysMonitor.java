package org.keyhaven.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keyhaven.key.KeyState;

/** {@link KeysMXBean} over one grouped count query, reused for a second so that the attributes agree. */
final class KeysMonitor implements KeysMXBean {

    static final Duration REUSE = Duration.ofSeconds(1);

    private final CachedValue<Map<KeyState, Long>> counts;

    KeysMonitor(Supplier<Optional<Map<KeyState, Long>>> counts, Clock clock) {
        this.counts = new CachedValue<>(counts, REUSE, clock);
    }

    @Override
    public long getPreActive() {
        return count(KeyState.PRE_ACTIVE);
    }

    @Override
    public long getActive() {
        return count(KeyState.ACTIVE);
    }

    @Override
    public long getDeactivated() {
        return count(KeyState.DEACTIVATED);
    }

    @Override
    public long getCompromised() {
        return count(KeyState.COMPROMISED);
    }

    @Override
    public long getDestroyed() {
        return count(KeyState.DESTROYED);
    }

    @Override
    public long getDestroyedCompromised() {
        return count(KeyState.DESTROYED_COMPROMISED);
    }

    @Override
    public long getTotal() {
        return Readings.read("Keys.Total", () -> counts.get()
                .map(byState -> byState.values().stream().mapToLong(Long::longValue).sum()).orElse(-1L), -1L);
    }

    private long count(KeyState state) {
        return Readings.read("Keys." + state, () -> counts.get().map(byState -> byState.getOrDefault(state, 0L))
                .orElse(-1L), -1L);
    }
}
