package org.keyhaven.seal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Holds the unsealed key hierarchy, or nothing while Keyhaven is sealed. Every key operation starts with
 * {@link #ring()}, which refuses while sealed.
 *
 * <p>It also counts the transactions in flight that took the ring while a given master key version was current: a
 * master key rotation retires an old version only once no such transaction remains, since one of them may still
 * commit material wrapped under it.
 */
@ApplicationScoped
public class MasterKeyHolder {

    private static final Object TAKEN = new Object();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private volatile MasterKeyRing ring;
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public MasterKeyRing ring() {
        MasterKeyRing current = ring;
        if (current == null) {
            throw new KeyhavenException(ErrorCode.SEALED, "Keyhaven is sealed; key operations are unavailable");
        }
        countInFlight(current.currentVersion());
        return current;
    }

    public boolean isSealed() {
        return ring == null;
    }

    /** Transactions in flight that took the ring while a version below {@code version} was current. */
    int inFlightBelow(int version) {
        return inFlight.entrySet().stream().filter(e -> e.getKey() < version)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    void install(MasterKeyRing newRing) {
        ring = newRing;
    }

    /** Forgets and wipes the ring. */
    void clear() {
        MasterKeyRing old = ring;
        ring = null;
        if (old != null) {
            old.destroy();
        }
    }

    private void countInFlight(int version) {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        String key = "keyhaven.master-key." + version;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, TAKEN);
        AtomicInteger counter = inFlight.computeIfAbsent(version, v -> new AtomicInteger());
        counter.incrementAndGet();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted until the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                counter.decrementAndGet();
            }
        });
    }
}
