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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.approval.DualControlBean;
import org.keyhaven.approval.PendingOperation;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.CallContext;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ShamirSecretSharing;
import org.keyhaven.system.SystemSettings;

/**
 * Sealing and unsealing. Keyhaven starts sealed. In the embedded default mode it unseals itself at start from the
 * local unseal key store (creating the key hierarchy on the very first start) and says loudly that this mode is not
 * for production. In custodian mode ({@value #MODE_PROPERTY} or {@value #MODE_ENV} = {@code custodian}) a security
 * administrator initialises the key hierarchy once and gets the unseal key split into shares (Shamir, M of N), each
 * for one custodian; from then on every start is sealed until M custodians have submitted their shares (an
 * unauthenticated, rate-limited, audited call). Sealing wipes the key hierarchy from memory; every key operation
 * then refuses.
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
    static final String MODE_CUSTODIAN = "custodian";
    static final String MODE_PROPERTY = "keyhaven.seal.mode";
    static final String MODE_ENV = "KEYHAVEN_SEAL_MODE";
    static final String SPLIT_SETTING = "seal.custodian.split";
    private static final String SYSTEM = "system";
    private static final int UNSEAL_KEY_BYTES = 32;

    @Inject
    private MasterKeyHolder holder;

    @EJB
    private MasterKeyStore store;

    @EJB
    private AuditLog auditLog;

    @Inject
    private Event<Unsealed> unsealed;

    @EJB
    private SystemSettings settings;

    @EJB
    private DualControlBean dualControl;

    @Inject
    private CallContext callContext;

    private String mode = MODE_EMBEDDED;
    /** Custodian mode, once initialised: the split and the shares submitted so far. */
    private CustodianShares custodians;
    private final AttemptLimit shareAttempts = new AttemptLimit(10, 60, Duration.ofMinutes(1));

    /** Explicit lock: {@code synchronized} on a container-proxied bean is easy to get wrong. */
    private final Object lock = new Object();
    private volatile String sealedReason = "starting";

    @PostConstruct
    void start() {
        DataDirectory.restrictServerDataDir();
        mode = configuredMode();
        try {
            synchronized (lock) {
                if (MODE_CUSTODIAN.equals(mode)) {
                    startCustodian();
                    return;
                }
                unsealEmbedded(AuditEvent.of("seal.unseal").actor(SYSTEM, ActorType.SYSTEM)
                        .detail("trigger", "startup"));
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

    private static String configuredMode() {
        String configured = System.getProperty(MODE_PROPERTY, System.getenv(MODE_ENV));
        if (configured == null || configured.isBlank() || configured.trim().equalsIgnoreCase(MODE_EMBEDDED)) {
            return MODE_EMBEDDED;
        }
        if (configured.trim().equalsIgnoreCase(MODE_CUSTODIAN)) {
            return MODE_CUSTODIAN;
        }
        throw new IllegalStateException(MODE_PROPERTY + " is 'embedded' or 'custodian', not '"
                + Texts.printable(configured, 40) + "'");
    }

    private void startCustodian() {
        if (!store.isInitialized()) {
            sealedReason = "custodian mode, not initialised: a security administrator runs POST /api/v1/seal/init";
        } else {
            custodians = new CustodianShares(CustodianShares.Split.fromJson(settings.value(SPLIT_SETTING)
                    .orElseThrow(() -> new IllegalStateException("the database holds a master key but no custodian"
                            + " split: it was initialised in embedded mode"))));
            sealedReason = "custodian mode: the custodians submit their shares (POST /api/v1/unseal/shares)";
        }
        LOG.warning("Keyhaven is SEALED in CUSTODIAN mode: " + sealedReason);
    }

    @PermitAll
    public SealStatus status() {
        Integer submitted = custodians == null ? null : custodians.submittedCount();
        Integer needed = custodians == null ? null : custodians.split().threshold();
        if (holder.isSealed()) {
            return new SealStatus(true, mode, null, sealedReason, submitted, needed);
        }
        return new SealStatus(false, mode, holder.ring().currentVersion(), null, null, null);
    }

    /**
     * Custodian mode, once: creates the key hierarchy and splits its unseal key into {@code shares} shares, any
     * {@code threshold} of which unseal. The shares are answered here and kept nowhere; Keyhaven stays sealed until
     * the custodians submit them.
     */
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.init")
    public CustodianInit initialize(int shares, int threshold) {
        synchronized (lock) {
            if (!MODE_CUSTODIAN.equals(mode)) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "initialisation with custodians needs"
                        + " custodian mode (" + MODE_ENV + "=custodian)");
            }
            if (store.isInitialized()) {
                throw new KeyhavenException(ErrorCode.OPERATION_IN_PROGRESS, "the key hierarchy exists already");
            }
            CustodianInit created = splitNewUnsealKey(shares, threshold,
                    (unsealKey, split) -> store.initialize(unsealKey, split).destroy());
            sealedReason = "custodian mode: the custodians submit their shares (POST /api/v1/unseal/shares)";
            auditLog.recordIndependently(AuditEvent.of("seal.init").detail("mode", MODE_CUSTODIAN)
                    .detail("shares", shares).detail("threshold", threshold));
            return created;
        }
    }

    /**
     * Custodian mode, unsealed: a new unseal key split into new shares (the old shares stop working), under dual
     * control (SEAL_REKEY, approved by another security administrator, who then receives the shares once). Every
     * master key version is wrapped again under the new key, and the new split saved, in one transaction.
     */
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.rekey")
    public CustodianInit rekey(int shares, int threshold) {
        if (!MODE_CUSTODIAN.equals(mode) || custodians == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "rekeying is for custodian mode, once initialised");
        }
        requireSplit(shares, threshold);
        holder.ring();
        dualControl.check(new PendingOperation.RekeyUnsealKey(shares, threshold));
        synchronized (lock) {
            MasterKeyRing old = holder.ring();
            CustodianInit renewed = splitNewUnsealKey(shares, threshold, (unsealKey, split) -> {
                holder.install(store.changeUnsealKey(old, unsealKey, split));
                old.unsealKey().destroy();
            });
            auditLog.recordIndependently(AuditEvent.of("seal.rekey").detail("shares", shares)
                    .detail("threshold", threshold));
            return renewed;
        }
    }

    /**
     * A new random unseal key, split into shares: {@code keep} stores the key hierarchy under it together with the
     * split (share digests, as JSON) in one transaction; then the server expects these shares. Answers their text.
     */
    private CustodianInit splitNewUnsealKey(int shares, int threshold, BiConsumer<SecretBytes, String> keep) {
        requireSplit(shares, threshold);
        byte[] key = new byte[UNSEAL_KEY_BYTES];
        KeyhavenProvider.random().nextBytes(key);
        SecretBytes unsealKey = SecretBytes.adopt(key);
        List<ShamirSecretSharing.Share> parts = ShamirSecretSharing.split(unsealKey, shares, threshold,
                KeyhavenProvider.random());
        try {
            CustodianShares.Split split = CustodianShares.Split.of(parts, threshold);
            keep.accept(unsealKey, split.toJson());
            if (custodians != null) {
                custodians.clear();
            }
            custodians = new CustodianShares(split);
            return new CustodianInit(CustodianShares.format(parts), threshold);
        } finally {
            parts.forEach(ShamirSecretSharing.Share::close);
        }
    }

    private static void requireSplit(int shares, int threshold) {
        if (threshold < 2 || threshold > shares || shares > ShamirSecretSharing.MAX_SHARES) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "need 1 < threshold <= shares <= "
                    + ShamirSecretSharing.MAX_SHARES);
        }
    }

    /**
     * A custodian's share (no login: custodians are not admin users). At the threshold the unseal key is rebuilt,
     * the master key opened and Keyhaven unsealed. Rate-limited per client address and overall; every attempt is
     * audited, never the share.
     */
    @PermitAll
    @AuditedOperation("seal.share")
    public SealStatus submitShare(String share) {
        synchronized (lock) {
            if (!shareAttempts.tryAcquire(callContext.clientAddress(), Instant.now())) {
                throw new KeyhavenException(ErrorCode.RATE_LIMITED, "too many shares submitted; wait a minute");
            }
            if (custodians == null) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "no custodian shares are expected: "
                        + (MODE_CUSTODIAN.equals(mode) ? "initialise first" : "the server is in embedded mode"));
            }
            if (!holder.isSealed()) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "Keyhaven is unsealed already");
            }
            SecretBytes unsealKey = custodians.submit(share);
            auditLog.recordIndependently(AuditEvent.of("seal.share").actor("custodian", ActorType.ANONYMOUS)
                    .detail("submitted", unsealKey == null ? custodians.submittedCount()
                            : custodians.split().threshold()).detail("threshold", custodians.split().threshold()));
            if (unsealKey != null) {
                MasterKeyRing ring;
                try {
                    ring = store.open(unsealKey);
                } catch (RuntimeException e) {
                    unsealKey.destroy();
                    throw e;
                }
                holder.install(ring);
                sealedReason = null;
                LOG.info("Keyhaven UNSEALED by its custodians");
                auditLog.recordIndependently(AuditEvent.of("seal.unseal").actor(SYSTEM, ActorType.SYSTEM)
                        .detail("trigger", "custodians").detail("mode", MODE_CUSTODIAN)
                        .detail("masterKeyVersion", ring.currentVersion()));
                unsealed.fire(new Unsealed());
            }
            return status();
        }
    }

    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.seal")
    public SealStatus seal() {
        synchronized (lock) {
            auditLog.recordIndependently(AuditEvent.of("seal.seal"));
            holder.clear();
            if (custodians != null) {
                custodians.clear();
            }
            sealedReason = "sealed by an administrator";
        }
        LOG.warning("Keyhaven SEALED by an administrator: key operations are unavailable until unsealed");
        return status();
    }

    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("seal.unseal")
    public SealStatus unseal() {
        synchronized (lock) {
            if (MODE_CUSTODIAN.equals(mode)) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "in custodian mode the custodians unseal with"
                        + " their shares (POST /api/v1/unseal/shares)");
            }
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
                throw new KeyhavenException(ErrorCode.SEALED, "an unseal key store exists but the"
                        + " database holds no master key: this data dir belongs to another database");
            }
            SecretBytes key = unsealKey.create();
            ring = store.initialize(key);
            LOG.info("Keyhaven created its master key (first start)");
        } else {
            if (!unsealKey.exists()) {
                throw new KeyhavenException(ErrorCode.SEALED, "the database holds a master key but"
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
