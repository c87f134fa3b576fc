package org.keyhaven.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the {@link AuditChainer} when records were committed. A plain object rather than an EJB call, so that
 * signalling never waits for the container (EJB calls from background threads wait until deployment completes).
 * Uses an explicit lock: {@code synchronized} methods would lock the CDI client proxy, not the bean.
 */
@ApplicationScoped
public class AuditChainSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;

    public void wake() {
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until woken or until {@code millis} pass. */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                woken.await(millis, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
