package org.keyhaven.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.common.BackgroundThread;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Group commit for audit records that are not part of an action's transaction: callers hand in a record and
 * wait; one writer thread commits everything queued so far in a single transaction, so a thousand concurrent
 * callers cost a handful of commits, not a thousand. A caller returns only after its record is committed; if it
 * cannot be committed the caller fails. The writer thread manages its transactions itself and calls no EJB, so it
 * also works while the deployment is still starting (EJB calls from other threads wait until it has started).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@PermitAll
public class AuditGroupCommitter {

    private static final Logger LOG = Logger.getLogger(AuditGroupCommitter.class.getName());
    private static final int MAX_BATCH = 500;
    private static final int QUEUE_CAPACITY = 20_000;
    private static final long WAIT_SECONDS = 30;

    @Resource
    private ManagedThreadFactory threadFactory;

    @PersistenceUnit(unitName = "keyhaven")
    private EntityManagerFactory emf;

    @Resource
    private UserTransaction transaction;

    @Inject
    private AuditRecordPersister persister;

    @Inject
    private AuditChainSignal chainSignal;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private BackgroundThread worker;

    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
    }


    @PostConstruct
    void start() {
        worker = BackgroundThread.create(threadFactory, "keyhaven-audit-group-commit", this::run);
        worker.start();
    }

    @PreDestroy
    void stop() {
        worker.stop(Duration.ofSeconds(WAIT_SECONDS));
    }

    /** Returns once all the records are committed; fails if any cannot be. */
    public void commit(List<AuditRecord> records) {
        List<CompletableFuture<Void>> done = new ArrayList<>(records.size());
        try {
            for (AuditRecord record : records) {
                Pending pending = new Pending(record, new CompletableFuture<>());
                if (!worker.running() || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new KeyhavenException(ErrorCode.INTERNAL,
                            "audit is not accepting records; operation refused");
                }
                done.add(pending.done());
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyhavenException(ErrorCode.INTERNAL, "interrupted while writing the audit record");
        } catch (ExecutionException | TimeoutException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "the audit record could not be written; operation refused",
                    null, e.getCause() != null ? e.getCause() : e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (worker.running() || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!worker.running()) {
                    queue.drainTo(batch);
                    write(batch);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            insertAll(batch.stream().map(Pending::record).toList());
            batch.forEach(p -> p.done().complete(null));
        } catch (Exception batchFailure) {
            // one bad record must not fail the others: retry one by one, with fresh copies of the rolled-back ones
            for (Pending pending : batch) {
                try {
                    insertAll(List.of(pending.record().unsavedCopy()));
                    pending.done().complete(null);
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "audit record could not be written: " + pending.record().operationName(), e);
                    pending.done().completeExceptionally(e);
                }
            }
        }
        chainSignal.wake();
    }

    /** One transaction for all: the group commit. */
    private void insertAll(List<AuditRecord> records) throws Exception {
        transaction.begin();
        EntityManager em = emf.createEntityManager();
        try {
            em.joinTransaction();
            for (AuditRecord record : records) {
                persister.persist(em, record);
            }
            em.flush();
            transaction.commit();
        } catch (Exception e) {
            rollbackQuietly();
            throw e;
        } finally {
            em.close();
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "rollback of a failed audit batch failed", e);
        }
    }
}
