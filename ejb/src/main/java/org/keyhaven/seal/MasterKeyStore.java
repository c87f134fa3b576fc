package org.keyhaven.seal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keyhaven.audit.AuditChainWriter;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.AesKeyWrapPad;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.system.SystemSettings;

/**
 * Persistence of the key hierarchy's roots: master key versions (wrapped under the unseal key with AES-KWP) and the
 * system secrets (wrapped under a master key). Internal to the seal package's beans.
 */
@Stateless
@PermitAll
public class MasterKeyStore {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @EJB
    private AuditChainWriter auditChain;

    @EJB
    private SystemSettings settings;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isInitialized() {
        return em.createQuery("select count(m) from MasterKeyRecord m", Long.class).getSingleResult() > 0;
    }

    /**
     * First start: a new master key (version 1), the audit MAC key and the audit chain head, in one transaction.
     * The returned ring owns the new keys; the caller owns {@code unsealKey}'s lifetime through the ring.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterKeyRing initialize(SecretBytes unsealKey) {
        return initialize(unsealKey, null);
    }

    /**
     * The same for custodian mode, with the custodians' split (share digests) saved in the same transaction: a
     * hierarchy whose shares cannot be recognised never exists.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterKeyRing initialize(SecretBytes unsealKey, String custodianSplit) {
        if (custodianSplit != null) {
            settings.put(SealService.SPLIT_SETTING, custodianSplit);
        }
        if (isInitialized()) {
            throw new KeyhavenException(ErrorCode.OPERATION_IN_PROGRESS, "the master key exists already");
        }
        SecretBytes masterKey = randomKey();
        em.persist(new MasterKeyRecord(1, masterKey.use(bytes -> AesKeyWrapPad.wrap(unsealKey, bytes)), Times.now()));
        MasterKeyRing ring = new MasterKeyRing(unsealKey, Map.of(1, masterKey));
        SecretBytes auditKey = randomKey();
        em.persist(new SystemSecret(SystemSecret.AUDIT_MAC_KEY, ring, auditKey, Times.now()));
        ring.setAuditKey(auditKey);
        auditChain.createHeadIfAbsent();
        return ring;
    }

    /** Unwraps every active master key version and the audit key; a wrong unseal key fails as SEALED. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterKeyRing open(SecretBytes unsealKey) {
        List<MasterKeyRecord> records = em.createQuery(
                "select m from MasterKeyRecord m where m.status = :active order by m.version", MasterKeyRecord.class)
                .setParameter("active", MasterKeyRecord.Status.ACTIVE)
                .getResultList();
        if (records.isEmpty()) {
            throw new KeyhavenException(ErrorCode.SEALED, "no master key exists");
        }
        Map<Integer, SecretBytes> keys = new LinkedHashMap<>();
        try {
            for (MasterKeyRecord record : records) {
                keys.put(record.version(), AesKeyWrapPad.unwrap(unsealKey, record.wrapped()));
            }
        } catch (AuthenticationFailedException e) {
            keys.values().forEach(SecretBytes::destroy);
            throw new KeyhavenException(ErrorCode.SEALED, "the unseal key does not open the master key");
        }
        MasterKeyRing ring = new MasterKeyRing(unsealKey, keys);
        SystemSecret auditSecret = em.find(SystemSecret.class, SystemSecret.AUDIT_MAC_KEY);
        ring.setAuditKey(auditSecret.unwrap(ring));
        auditChain.createHeadIfAbsent();
        return ring;
    }

    /**
     * Custodian rekey: every active master key version wrapped again under the new unseal key, and the new split
     * saved, in one transaction. Answers the ring under the new unseal key.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterKeyRing changeUnsealKey(MasterKeyRing ring, SecretBytes newUnsealKey, String custodianSplit) {
        List<MasterKeyRecord> records = em.createQuery("select m from MasterKeyRecord m where m.status = :active",
                MasterKeyRecord.class).setParameter("active", MasterKeyRecord.Status.ACTIVE).getResultList();
        for (MasterKeyRecord record : records) {
            record.rewrap(ring.masterKey(record.version()).use(bytes -> AesKeyWrapPad.wrap(newUnsealKey, bytes)));
        }
        settings.put(SealService.SPLIT_SETTING, custodianSplit);
        em.flush();
        return ring.withUnsealKey(newUnsealKey);
    }

    /** Rotation step 1: a new master key version, which becomes the current one for all new wrapping. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterKeyRing addVersion(MasterKeyRing ring) {
        int version = ring.currentVersion() + 1;
        SecretBytes masterKey = randomKey();
        em.persist(new MasterKeyRecord(version,
                masterKey.use(bytes -> AesKeyWrapPad.wrap(ring.unsealKey(), bytes)), Times.now()));
        return ring.withVersion(version, masterKey);
    }

    /** Re-wraps the system secrets under the current master key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rewrapSystemSecrets(MasterKeyRing ring) {
        for (SystemSecret secret : em.createQuery("select s from SystemSecret s", SystemSecret.class).getResultList()) {
            if (secret.mkVersion() != ring.currentVersion()) {
                try (SecretBytes plain = secret.unwrap(ring)) {
                    secret.rewrap(ring, plain);
                }
            }
        }
    }

    /** Rotation last step: older versions protect nothing any more; their wrapped bytes are erased. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Integer> retireOlderThan(int currentVersion) {
        List<MasterKeyRecord> old = em.createQuery("select m from MasterKeyRecord m where m.status = :active"
                + " and m.version < :current", MasterKeyRecord.class)
                .setParameter("active", MasterKeyRecord.Status.ACTIVE)
                .setParameter("current", currentVersion)
                .getResultList();
        old.forEach(record -> record.retire(Times.now()));
        return old.stream().map(MasterKeyRecord::version).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<MasterKeyRecord> versions() {
        return em.createQuery("select m from MasterKeyRecord m order by m.version", MasterKeyRecord.class)
                .getResultList();
    }

    private static SecretBytes randomKey() {
        byte[] key = new byte[32];
        KeyhavenProvider.random().nextBytes(key);
        return SecretBytes.adopt(key);
    }
}
