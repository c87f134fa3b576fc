package org.keyhaven.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.common.BackgroundThread;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Chains committed audit records in the background, in batches (one transaction per batch, not per record).
 * Woken after each commit that wrote records; also polls, so records committed by another server sharing the
 * database get chained too. Pauses while sealed: the audit key is needed.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
    private static final int BATCH = 500;
    private static final long POLL_MILLIS = 1000;

    @Resource
    private ManagedThreadFactory threadFactory;

    @EJB
    private AuditChainWriter writer;

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private AuditChainSignal signal;

    private final ReentrantLock chaining = new ReentrantLock();
    private BackgroundThread worker;

    @PostConstruct
    void start() {
        worker = BackgroundThread.create(threadFactory, "keyhaven-audit-chainer", this::run);
        worker.start();
    }

    @PreDestroy
    void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    /** Chains everything committed so far, now, in the caller's thread (before listing or verifying). */
    public void chainPending() {
        if (!keys.isSealed()) {
            chainAll();
        }
    }

    private void run() {
        while (worker.running()) {
            try {
                signal.await(POLL_MILLIS);
                if (!keys.isSealed()) {
                    chainAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker.running()) {
                    LOG.log(Level.WARNING, "audit chaining failed; retrying", e);
                }
            }
        }
    }

    private void chainAll() {
        chaining.lock();
        try {
            AuditChainWriter.BatchResult result;
            do {
                result = writer.chainBatch(BATCH);
            } while (result.examined() == BATCH);
        } finally {
            chaining.unlock();
        }
    }
}
