package org.keyhaven.seal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;

/**
 * Sealing and unsealing. Keyhaven starts sealed; in the embedded default mode it unseals itself at start from the
 * local unseal key store (creating the key hierarchy on the very first start) and says loudly that this mode is not
 * for production. Sealing wipes the key hierarchy from memory; every key operation then refuses.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "AuditGroupCommitter", "AuditChainer"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@jakarta.interceptor.Interceptors(RefusalAudit.class)
public class SealService {

    private static final Logger LOG = Logger.getLogger(SealService.class.getName());
    static final String MODE_EMBEDDED = "embedded";
    private static final String SYSTEM = "system";

    @Inject
    private MasterKeyHolder holder;

    @EJB
    private MasterKeyStore store;

    @EJB
    private AuditLog auditLog;

    @Inject
    private Event<Unsealed> unsealed;

    /** Explicit lock: {@code synchronized} on a container-proxied bean is easy to get wrong. */
    private final Object lock = new Object();
    private volatile String sealedReason = "starting";

    @PostConstruct
    void start() {
        DataDirectory.restrictServerDataDir();
        try {
            synchronized (lock) {
                unsealEmbedded(AuditEvent.of("seal.unseal").actor(SYSTEM, ActorType.SYSTEM).detail("trigger", "startup"));
            }
        } catch (RuntimeException e) {
            sealedReason = e.getMessage();
            LOG.log(Level.SEVERE, "Keyhaven stays SEALED: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        holder.clear();
    }

    @PermitAll
    public SealStatus status() {
        if (holder.isSealed()) {
            return new SealStatus(true, MODE_EMBEDDED, null, sealedReason);
        }
        return new SealStatus(false, MODE_EMBEDDED, holder.ring().currentVersion(), null);
    }

    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.seal")
    public SealStatus seal() {
        synchronized (lock) {
            auditLog.recordIndependently(AuditEvent.of("seal.seal"));
            holder.clear();
            sealedReason = "sealed by an administrator";
        }
        LOG.warning("Keyhaven SEALED by an administrator: key operations are unavailable until unsealed");
        return status();
    }

    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.unseal")
    public SealStatus unseal() {
        synchronized (lock) {
            if (holder.isSealed()) {
                unsealEmbedded(AuditEvent.of("seal.unseal").detail("trigger", "administrator"));
                unsealed.fire(new Unsealed());
            }
        }
        return status();
    }

    private void unsealEmbedded(AuditEvent event) {
        EmbeddedUnsealKey unsealKey = new EmbeddedUnsealKey(DataDirectory.keyhavenDir().resolve("seal"),
                System.getenv(EmbeddedUnsealKey.PASSWORD_ENV));
        MasterKeyRing ring;
        if (!store.isInitialized()) {
            if (unsealKey.exists()) {
                throw new KeyhavenException(org.keyhaven.common.ErrorCode.SEALED, "an unseal key store exists but the"
                        + " database holds no master key: this data dir belongs to another database");
            }
            SecretBytes key = unsealKey.create();
            ring = store.initialize(key);
            LOG.info("Keyhaven created its master key (first start)");
        } else {
            if (!unsealKey.exists()) {
                throw new KeyhavenException(org.keyhaven.common.ErrorCode.SEALED, "the database holds a master key but"
                        + " the unseal key store " + unsealKey.keyStoreFile() + " is missing");
            }
            SecretBytes key = unsealKey.load();
            try {
                ring = store.open(key);
            } catch (RuntimeException e) {
                key.destroy();
                throw e;
            }
        }
        holder.install(ring);
        sealedReason = null;
        LOG.warning("Keyhaven is UNSEALED in EMBEDDED mode: the master key is protected by a key store file in the"
                + " server's data dir (" + unsealKey.keyStoreFile() + "). This mode is NOT FOR PRODUCTION: anyone who"
                + " can read the data dir can read every key.");
        auditLog.recordIndependently(event.detail("mode", MODE_EMBEDDED)
                .detail("masterKeyVersion", ring.currentVersion()));
    }
}
