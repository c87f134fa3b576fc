package org.keyhaven.seal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.approval.DualControlBean;
import org.keyhaven.approval.PendingOperation;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.CallContext;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.Outcome;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;

/**
 * Master key rotation without downtime: a new master key version becomes current at once (all new material is
 * wrapped under it), then a background job re-wraps everything older, batch by batch, with progress; finally the
 * old versions are retired and wiped. Reads keep working throughout, since the ring holds old and new versions
 * until the end. If the job fails (sealed, server stopped), starting a rotation again finishes it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(RefusalAudit.class)
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());
    private static final int BATCH = 200;
    private static final int MAX_CONFLICT_RETRIES = 5;
    /** Longer than the default transaction timeout (5 minutes), so every earlier transaction has ended by then. */
    private static final long IN_FLIGHT_WAIT_MINUTES = 6;

    @Inject
    private MasterKeyHolder holder;

    @EJB
    private MasterKeyStore store;

    @Inject
    @Any
    private Instance<RewrapParticipant> participants;

    @EJB
    private AuditLog audit;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private SessionContext context;

    @EJB
    private DualControlBean dualControl;

    @Inject
    private CallContext callContext;

    /** Explicit lock: {@code synchronized} on a container-proxied bean is easy to get wrong. */
    private final Object lock = new Object();
    private volatile RotationProgress progress = RotationProgress.idle();

    @RolesAllowed(Roles.CRYPTO_OFFICER)
    @AuditedOperation("master-key.rotate")
    public RotationProgress start() {
        dualControl.check(new PendingOperation.RotateMasterKey());
        synchronized (lock) {
            return startLocked();
        }
    }

    private RotationProgress startLocked() {
        if (progress.running()) {
            throw new KeyhavenException(ErrorCode.OPERATION_IN_PROGRESS, "a master key rotation is running");
        }
        MasterKeyRing old = holder.ring();
        MasterKeyRing ring = store.addVersion(old);
        holder.install(ring);
        long total = 0;
        for (RewrapParticipant participant : participants) {
            total += participant.countOutdated(ring.currentVersion());
        }
        String requester = callContext.actor(context.getCallerPrincipal().getName());
        progress = new RotationProgress("running", old.currentVersion(), ring.currentVersion(), total, 0,
                Times.now(), null, requester, null);
        audit.recordIndependently(AuditEvent.of("master-key.rotate").object("master-key", ring.currentVersion())
                .detail("from", old.currentVersion()).detail("rows", total));
        executor.submit(() -> rewrapAll(ring.currentVersion(), requester));
        return progress;
    }

    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public RotationProgress progress() {
        return progress;
    }

    private void rewrapAll(int version, String requester) {
        try {
            rewrapOutdatedRows();
            // transactions that took the ring before the new version was installed may still commit material wrapped
            // under an old one: wait for them, then sweep again, before any old version is retired
            awaitTransactionsUsingVersionsBelow(version);
            rewrapOutdatedRows();
            store.rewrapSystemSecrets(holder.ring());
            List<Integer> retired = store.retireOlderThan(version);
            synchronized (lock) {
                holder.install(holder.ring().without(retired));
                progress = progress.finished(Times.now());
            }
            audit.recordIndependently(AuditEvent.of("master-key.rotate.complete").object("master-key", version)
                    .detail("retired", retired).detail("rows", progress.done()).actor(requester, ActorType.USER));
            LOG.info(() -> "master key rotation to version " + version + " completed; retired " + retired);
        } catch (RuntimeException e) {
            progress = progress.failed(Times.now(), e.getMessage());
            LOG.log(Level.SEVERE, "master key rotation to version " + version + " failed; run it again to finish", e);
            try {
                audit.recordIndependently(AuditEvent.of("master-key.rotate.complete").object("master-key", version)
                        .outcome(Outcome.FAILED, ErrorCode.INTERNAL.slug()).actor(requester, ActorType.USER));
            } catch (RuntimeException auditFailure) {
                LOG.log(Level.SEVERE, "could not audit the failed master key rotation", auditFailure);
            }
        }
    }

    private void rewrapOutdatedRows() {
        for (RewrapParticipant participant : participants) {
            int done;
            do {
                done = rewrapWithRetry(participant);
                progress = progress.advanced(done);
            } while (done > 0);
        }
    }

    private void awaitTransactionsUsingVersionsBelow(int version) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(IN_FLIGHT_WAIT_MINUTES);
        while (holder.inFlightBelow(version) > 0) {
            if (System.nanoTime() > deadline) {
                throw new KeyhavenException(ErrorCode.OPERATION_IN_PROGRESS, "transactions begun before the rotation"
                        + " are still running; old master key versions are kept until a later rotation");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeyhavenException(ErrorCode.INTERNAL, "interrupted while waiting for transactions");
            }
        }
    }

    private int rewrapWithRetry(RewrapParticipant participant) {
        for (int attempt = 1; ; attempt++) {
            try {
                return participant.rewrapBatch(BATCH);
            } catch (RuntimeException e) {
                if (attempt >= MAX_CONFLICT_RETRIES || holder.isSealed()) {
                    throw e;
                }
                LOG.log(Level.FINE, "re-wrap batch conflicted with a concurrent change; retrying", e);
            }
        }
    }
}
